package io.firstwall.whatif;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;


import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
import io.firstwall.analysis.Wall;
import io.firstwall.analysis.WallColours;
import io.firstwall.plan.Phase;

/**
 * Every wall on one row (a swimlane), from the decision date: where it binds, and the bar up to the
 * date it lets the plan reach full capacity (to the edge with "open-ended" when no date within the
 * facts does); the phase targets, today and the full-capacity date are vertical lines. Each wall has
 * its colour and name, the same as everywhere, and a tooltip with its numbers. Given a base plan's
 * analysis too (what-if), each lane also draws the base's wall as a dashed outline, with the change
 * of its clearing date at the end, so base and what-if read in one chart. Server-side SVG, nothing
 * loaded, downloadable as a file.
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
        return Svg.num(v);
    }

    private static String numbers(Wall w) {
        return "binds " + w.bindsOn() + ", " + (w.fullCapacityOn() == null ? "open-ended" : "clears "
                + Format.month(w.fullCapacityOn())) + (w.slipMonths() == null ? "" : ", slip " + w.slipMonths() + (w.slipMonths() == 1 ? " month" : " months"))
                + ", shortfall " + e(Format.amount(w.shortfall(), w.unit()));
    }

    /** " (−14 mo)": how much earlier or later the wall clears than in the base; "" when the same. */
    private static String change(Wall w, Wall was) {
        if (w == null || was == null) {
            return w == null ? "" : " (new)";
        }
        if (w.fullCapacityOn() == null || was.fullCapacityOn() == null) {
            return w.fullCapacityOn() == was.fullCapacityOn() ? "" : w.fullCapacityOn() == null ? " (was "
                    + Format.month(was.fullCapacityOn()) + ")" : " (was open-ended)";
        }
        long months = ChronoUnit.MONTHS.between(was.fullCapacityOn().withDayOfMonth(1), w.fullCapacityOn().withDayOfMonth(1));
        return months == 0 ? "" : " (" + (months > 0 ? "+" : "\u2212") + Math.abs(months) + " mo)";
    }

    private static String e(String s) {
        return Svg.text(s);
    }

    /**
     * The chart; {@code standalone} adds its own styles, for a downloaded file (a page styles it with
     * its stylesheet, as its security policy allows no inline styles).
     */
    public static String svg(Analysis a, LocalDate today, Function<String, String> label, boolean standalone) {
        return svg(a, null, today, label, standalone);
    }

    /** The chart of {@code a} with the walls of {@code base} drawn as outlines in the same lanes; base may be null. */
    public static String svg(Analysis a, Analysis base, LocalDate today, Function<String, String> label, boolean standalone) {
        List<String> factors = new ArrayList<>();
        a.walls().stream().sorted(Comparator.comparing((Wall w) -> a.cascade().indexOf(w.factor()) < 0 ? 99
                : a.cascade().indexOf(w.factor()))).forEach(w -> factors.add(w.factor()));
        if (base != null) {
            base.walls().stream().map(Wall::factor).filter(f -> !factors.contains(f)).forEach(factors::add);
        }
        LocalDate start = a.plan().decisionDate();
        LocalDate end = a.plan().targetDate();
        List<Wall> every = new ArrayList<>(a.walls());
        if (base != null) {
            every.addAll(base.walls());
            start = start.isBefore(base.plan().decisionDate()) ? start : base.plan().decisionDate();
            end = end.isAfter(base.plan().targetDate()) ? end : base.plan().targetDate();
        }
        for (Wall w : every) {
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
        int rows = Math.max(1, factors.size());
        int height = TOP + rows * ROW + 36;
        Function<LocalDate, Double> x = d -> LEFT + plotW
                * Math.min(1, Math.max(0, ChronoUnit.DAYS.between(s0, d) / days));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" class=\"walls-chart\" id=\"walls-chart\" aria-label=\"Each wall from"
                + " the decision to the date it clears\">", WIDTH, height));
        if (standalone) {
            svg.append("<style>.axis{font:11px sans-serif;fill:#6b7782}.lane-label{font:12px sans-serif;fill:#1d2733}"
                + ".end-label{font:11px sans-serif;fill:#1d2733}.grid{stroke:#e6e9ec}.target{stroke:#1d2733;"
                + "stroke-dasharray:4 3}.today{stroke:#b03a2e;stroke-width:1.5}</style>");
        }
        if (base != null) {
            svg.append("<rect x=\"" + LEFT + "\" y=\"4\" width=\"22\" height=\"10\" fill=\"none\" stroke=\"#1d2733\""
                    + " stroke-dasharray=\"3 2\"/><text class=\"axis\" x=\"" + (LEFT + 28) + "\" y=\"13\">base plan;"
                    + " filled: what-if</text>");
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
        if (factors.isEmpty()) {
            svg.append("<text class=\"lane-label\" x=\"" + LEFT + "\" y=\"" + (TOP + 18) + "\">No wall: every phase runs on"
                    + " its target.</text>");
        }
        for (int i = 0; i < factors.size(); i++) {
            String factor = factors.get(i);
            Wall w = a.wall(factor).orElse(null);
            Wall was = base == null ? null : base.wall(factor).orElse(null);
            double y = TOP + i * ROW;
            String colour = WallColours.of(factor);
            String name = label.apply(factor);
            String clears = w == null ? "gone" : w.fullCapacityOn() == null ? "open-ended" : Format.month(w.fullCapacityOn());
            svg.append("<g class=\"lane\" data-factor=\"" + e(factor) + "\"><title>" + e(name) + ": "
                    + (w == null ? "no wall in the what-if" : numbers(w)) + (was == null ? "" : "; base plan: " + numbers(was))
                    + "</title>");
            svg.append("<text class=\"lane-label\" x=\"" + (LEFT - 8) + "\" y=\"" + f(y + 17) + "\" text-anchor=\"end\">"
                    + e(name) + "</text>");
            double endX = LEFT;
            if (w != null) {
                double from = x.apply(a.plan().decisionDate());
                double to = w.fullCapacityOn() == null ? LEFT + plotW : x.apply(w.fullCapacityOn());
                double binds = x.apply(w.bindsOn());
                svg.append("<rect x=\"" + f(from) + "\" y=\"" + f(y + 7) + "\" width=\"" + f(Math.max(2, to - from))
                        + "\" height=\"14\" fill=\"" + colour + "\" fill-opacity=\"0.25\"/>");
                svg.append("<rect x=\"" + f(binds) + "\" y=\"" + f(y + 7) + "\" width=\"" + f(Math.max(2, to - binds))
                        + "\" height=\"14\" fill=\"" + colour + "\"/>");
                endX = to;
            }
            if (was != null) {
                double to = was.fullCapacityOn() == null ? LEFT + plotW : x.apply(was.fullCapacityOn());
                double binds = x.apply(was.bindsOn());
                svg.append("<rect class=\"base-wall\" x=\"" + f(binds) + "\" y=\"" + f(y + 4) + "\" width=\""
                        + f(Math.max(2, to - binds)) + "\" height=\"20\" fill=\"none\" stroke=\"#1d2733\""
                        + " stroke-dasharray=\"3 2\"/>");
                endX = Math.max(endX, to);
            }
            String change = base == null ? "" : change(w, was);
            svg.append("<text class=\"end-label\" x=\"" + f(Math.min(endX + 4, WIDTH - RIGHT + 4)) + "\" y=\"" + f(y + 18)
                    + "\">" + clears + change + "</text></g>");
        }
        return svg.append("</svg>").toString();
    }
}
