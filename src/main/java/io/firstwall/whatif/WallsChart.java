package io.firstwall.whatif;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
import io.firstwall.analysis.Wall;
import io.firstwall.analysis.WallColours;
import io.firstwall.plan.Phase;

/**
 * Every wall on one row (a swimlane), from the decision date: where it binds, and the bar up to the
 * date it lets the plan reach full capacity (to the edge with "open-ended" when no date within the
 * facts does); the phase targets, today and the full-capacity date are vertical lines. Each wall has
 * its colour and name, the same as everywhere, and a tooltip with its numbers. Server-side SVG,
 * nothing loaded, downloadable as a file.
 */
public final class WallsChart {

    private static final int WIDTH = 760;
    private static final int LEFT = 150;
    private static final int RIGHT = 90;
    private static final int ROW = 28;
    private static final int TOP = 34;

    private WallsChart() {
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s);
    }

    /**
     * The chart; {@code standalone} adds its own styles, for a downloaded file (a page styles it with
     * its stylesheet, as its security policy allows no inline styles).
     */
    public static String svg(Analysis a, LocalDate today, Function<String, String> label, boolean standalone) {
        List<Wall> walls = new ArrayList<>(a.walls());
        walls.sort(Comparator.comparing((Wall w) -> a.cascade().indexOf(w.factor()) < 0 ? 99 : a.cascade().indexOf(w.factor())));
        LocalDate start = a.plan().decisionDate();
        LocalDate end = a.plan().targetDate();
        for (Wall w : walls) {
            if (w.fullCapacityOn() != null && w.fullCapacityOn().isAfter(end)) {
                end = w.fullCapacityOn();
            }
        }
        if (today.isAfter(end)) {
            end = today;
        }
        end = end.plusMonths(4);
        if (end.isAfter(start.plusYears(15))) {
            end = start.plusYears(15);
        }
        LocalDate s0 = start.isAfter(today) ? today.minusMonths(1) : start;
        double days = Math.max(1, ChronoUnit.DAYS.between(s0, end));
        double plotW = WIDTH - LEFT - RIGHT;
        int rows = Math.max(1, walls.size());
        int height = TOP + rows * ROW + 36;
        java.util.function.Function<LocalDate, Double> x = d -> LEFT + plotW
                * Math.min(1, Math.max(0, ChronoUnit.DAYS.between(s0, d) / days));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" class=\"walls-chart\" id=\"walls-chart\" aria-label=\"Each wall from"
                + " the decision to the date it clears\">", WIDTH, height));
        if (standalone) {
            svg.append("<style>.axis{font:11px sans-serif;fill:#6b7782}.lane-label{font:12px sans-serif;fill:#1d2733}"
                + ".end-label{font:11px sans-serif;fill:#1d2733}.grid{stroke:#e6e9ec}.target{stroke:#1d2733;"
                + "stroke-dasharray:4 3}.today{stroke:#b03a2e;stroke-width:1.5}</style>");
        }
        for (int year = s0.getYear() + 1; year <= end.getYear(); year++) {
            double xx = x.apply(LocalDate.of(year, 1, 1));
            svg.append("<line class=\"grid\" x1=\"" + f(xx) + "\" x2=\"" + f(xx) + "\" y1=\"" + (TOP - 6) + "\" y2=\""
                    + (TOP + rows * ROW) + "\"/><text class=\"axis\" x=\"" + f(xx) + "\" y=\"" + (TOP + rows * ROW + 14)
                    + "\" text-anchor=\"middle\">" + year + "</text>");
        }
        for (Phase p : a.plan().phases()) {
            double xx = x.apply(p.online());
            svg.append("<line class=\"target\" x1=\"" + f(xx) + "\" x2=\"" + f(xx) + "\" y1=\"" + (TOP - 6) + "\" y2=\""
                    + (TOP + rows * ROW) + "\"><title>phase " + p.number() + " target " + p.online() + "</title></line>"
                    + "<text class=\"axis\" x=\"" + f(xx) + "\" y=\"" + (TOP - 10) + "\" text-anchor=\"middle\">P"
                    + p.number() + "</text>");
        }
        double tx = x.apply(today);
        svg.append("<line class=\"today\" x1=\"" + f(tx) + "\" x2=\"" + f(tx) + "\" y1=\"" + (TOP - 6) + "\" y2=\""
                + (TOP + rows * ROW) + "\"/><text class=\"axis\" x=\"" + f(tx) + "\" y=\"" + (TOP + rows * ROW + 28)
                + "\" text-anchor=\"middle\">today</text>");
        if (walls.isEmpty()) {
            svg.append("<text class=\"lane-label\" x=\"" + LEFT + "\" y=\"" + (TOP + 18) + "\">No wall: every phase runs on"
                    + " its target.</text>");
        }
        for (int i = 0; i < walls.size(); i++) {
            Wall w = walls.get(i);
            double y = TOP + i * ROW;
            String colour = WallColours.of(w.factor());
            String name = label.apply(w.factor());
            double from = x.apply(start);
            double to = w.fullCapacityOn() == null ? LEFT + plotW : x.apply(w.fullCapacityOn());
            double binds = x.apply(w.bindsOn());
            String clears = w.fullCapacityOn() == null ? "open-ended" : "clears " + Format.month(w.fullCapacityOn());
            svg.append("<g class=\"lane\" data-factor=\"" + e(w.factor()) + "\"><title>" + e(name) + ": binds "
                    + w.bindsOn() + ", " + clears + (w.slipMonths() == null ? "" : ", slip " + w.slipMonths() + " months")
                    + ", shortfall " + e(Format.amount(w.shortfall(), w.unit())) + "</title>");
            svg.append("<text class=\"lane-label\" x=\"" + (LEFT - 8) + "\" y=\"" + f(y + 17) + "\" text-anchor=\"end\">"
                    + e(name) + "</text>");
            svg.append("<rect x=\"" + f(from) + "\" y=\"" + f(y + 7) + "\" width=\"" + f(Math.max(2, to - from))
                    + "\" height=\"14\" fill=\"" + colour + "\" fill-opacity=\"0.25\"/>");
            svg.append("<rect x=\"" + f(binds) + "\" y=\"" + f(y + 7) + "\" width=\"" + f(Math.max(2, to - binds))
                    + "\" height=\"14\" fill=\"" + colour + "\"/>");
            svg.append("<text class=\"end-label\" x=\"" + f(Math.min(to + 4, WIDTH - RIGHT + 4)) + "\" y=\"" + f(y + 18)
                    + "\">" + clears.replace("clears ", "") + "</text></g>");
        }
        return svg.append("</svg>").toString();
    }
}
