package io.firstwall.whatif;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;


import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.FactorCurve;
import io.firstwall.analysis.Wall;
import io.firstwall.analysis.WallColours;
import io.firstwall.plan.Phase;

/**
 * A server-side SVG of the plan's demand against what each factor allows over time, each as a
 * share of the plan's full need, with the first wall marked. Nothing is loaded from anywhere.
 */
public final class TimelineChart {


    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final double TOP_SHARE = 1.1;

    private TimelineChart() {
    }

    public static String colour(String factor) {
        return WallColours.of(factor);
    }

    public static String svg(Analysis a) {
        return svg(a, factor -> factor);
    }

    /** The chart with each factor named by {@code label} (the pages' "on-site generation" for TURBINE_SUPPLY). */
    public static String svg(Analysis a, Function<String, String> label) {
        LocalDate start = a.plan().decisionDate();
        LocalDate end = a.plan().targetDate().plusMonths(6);
        for (Wall w : a.walls()) {
            if (w.fullCapacityOn() != null && w.fullCapacityOn().plusMonths(6).isAfter(end)) {
                end = w.fullCapacityOn().plusMonths(6);
            }
        }
        if (end.isAfter(start.plusYears(15))) {
            end = start.plusYears(15);
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(start, end));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" class=\"timeline\" aria-label=\"Demand against what each factor allows over time\">",
                WIDTH, HEIGHT));
        // grid and axes
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = y(pct / 100.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%d%%</text>",
                    LEFT - 6, y + 4, pct));
        }
        for (int year = start.getYear() + 1; year <= end.getYear(); year++) {
            double x = x(LocalDate.of(year, 1, 1), start, days);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>",
                    x, TOP, x, HEIGHT - BOTTOM));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%d</text>",
                    x, HEIGHT - BOTTOM + 16, year));
        }
        // what each factor allows
        for (FactorCurve c : a.curves()) {
            if (c.fullNeed() <= 0) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            double lastY = Double.NaN;
            for (FactorCurve.Point p : c.allowed()) {
                double share = Math.min(TOP_SHARE, p.amount() / c.fullNeed());
                double px = x(p.date(), start, days);
                double py = y(share);
                if (path.isEmpty()) {
                    path.append(String.format(Locale.ROOT, "M%.1f %.1f", px, py));
                } else {
                    path.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", px, lastY, px, py));
                }
                lastY = py;
            }
            path.append(String.format(Locale.ROOT, " L%d %.1f", WIDTH - RIGHT, lastY));
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" class=\"allowed\" stroke=\"%s\" data-factor=\"%s\">"
                    + "<title>%s allows</title></path>", path, colour(c.factor()), Svg.text(c.factor()),
                    Svg.text(c.factor())));
        }
        // the plan's demand
        List<Phase> phases = a.plan().phases();
        double full = a.plan().lastPhase().accelerators();
        StringBuilder demand = new StringBuilder(String.format(Locale.ROOT, "M%d %.1f", LEFT, y(0)));
        double lastY = y(0);
        for (Phase p : phases) {
            double px = x(p.online(), start, days);
            double py = y(p.accelerators() / full);
            demand.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", px, lastY, px, py));
            lastY = py;
        }
        demand.append(String.format(Locale.ROOT, " L%d %.1f", WIDTH - RIGHT, lastY));
        svg.append(String.format(Locale.ROOT, "<path d=\"%s\" class=\"demand\"><title>plan demand</title></path>", demand));
        // the first wall
        if (a.firstWall() != null) {
            double wx = x(a.firstWall().bindsOn(), start, days);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"first-wall\" "
                    + "stroke=\"%s\"/>", wx, TOP, wx, HEIGHT - BOTTOM, colour(a.firstWall().factor())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"wall-label\" text-anchor=\"%s\">"
                    + "first wall: %s</text>", wx + (wx > WIDTH / 2.0 ? -4 : 4), TOP + 12,
                    wx > WIDTH / 2.0 ? "end" : "start", Svg.text(label.apply(a.firstWall().factor()))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis-title\" text-anchor=\"middle\">"
                + "date</text>", LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 6));
        svg.append(String.format(Locale.ROOT, "<text transform=\"rotate(-90)\" x=\"%d\" y=\"12\" class=\"axis-title\""
                + " text-anchor=\"middle\">share of the plan's full need</text>", -(TOP + (HEIGHT - TOP - BOTTOM) / 2)));
        svg.append("</svg>");
        return svg.toString();
    }

    private static double x(LocalDate d, LocalDate start, long days) {
        double f = Math.max(0, Math.min(1, ChronoUnit.DAYS.between(start, d) / (double) days));
        return LEFT + f * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double share) {
        return TOP + (1 - share / TOP_SHARE) * (HEIGHT - TOP - BOTTOM);
    }
}
