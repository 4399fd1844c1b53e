package io.firstwall.whatif;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;


import io.firstwall.analysis.Format;
import io.firstwall.uncertainty.Uncertainty;

/**
 * Server-side SVGs of how sure an answer is: the share of outcomes with full capacity by date, with
 * the target marked, and a tornado of the facts that move the delay most. Nothing is loaded.
 */
public final class OddsCharts {

    private static final int WIDTH = 760;
    private static final int LEFT = 56;
    private static final int RIGHT = 24;

    private OddsCharts() {
    }

    private static String e(String s) {
        return Svg.text(s);
    }

    private static String f(double v) {
        return Svg.num(v);
    }

    /** The share of samples with full capacity by each date, a step line; the target as a dashed line. */
    public static String cumulative(Uncertainty u, LocalDate target) {
        int height = 240;
        int top = 16;
        int bottom = 44;
        List<Uncertainty.CurvePoint> curve = u.fullCapacityCurve();
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 " + WIDTH + " " + height + "\" role=\"img\""
                + " class=\"odds-chart\" id=\"full-capacity-chart\" aria-label=\"Share of outcomes with full capacity by"
                + " date\">");
        if (curve.isEmpty()) {
            svg.append("<text x=\"" + WIDTH / 2 + "\" y=\"" + height / 2 + "\" text-anchor=\"middle\" class=\"axis\">"
                    + "No sample reaches full capacity within the facts' horizon.</text></svg>");
            return svg.toString();
        }
        LocalDate start = min(curve.get(0).date(), target).minusMonths(3);
        LocalDate end = max(curve.get(curve.size() - 1).date(), target).plusMonths(3);
        double days = Math.max(1, ChronoUnit.DAYS.between(start, end));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = height - top - bottom;
        java.util.function.Function<LocalDate, Double> x = d -> LEFT + plotW * ChronoUnit.DAYS.between(start, d) / days;
        java.util.function.DoubleFunction<Double> y = s -> top + plotH * (1 - s);
        for (int pct = 0; pct <= 100; pct += 25) {
            double yy = y.apply(pct / 100.0);
            svg.append("<line class=\"grid\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + f(yy) + "\" y2=\""
                    + f(yy) + "\"/><text class=\"axis\" x=\"" + (LEFT - 6) + "\" y=\"" + f(yy + 4)
                    + "\" text-anchor=\"end\">" + pct + "%</text>");
        }
        int years = end.getYear() - start.getYear();
        int step = years > 12 ? 4 : years > 6 ? 2 : 1;
        for (int year = start.getYear() + 1; year <= end.getYear(); year += step) {
            double xx = x.apply(LocalDate.of(year, 1, 1));
            svg.append("<line class=\"grid\" x1=\"" + f(xx) + "\" x2=\"" + f(xx) + "\" y1=\"" + top + "\" y2=\""
                    + (height - bottom) + "\"/><text class=\"axis\" x=\"" + f(xx) + "\" y=\"" + (height - bottom + 16)
                    + "\" text-anchor=\"middle\">" + year + "</text>");
        }
        StringBuilder path = new StringBuilder("M" + f(x.apply(curve.get(0).date())) + "," + f(y.apply(0)));
        double share = 0;
        for (Uncertainty.CurvePoint p : curve) {
            double xx = x.apply(p.date());
            path.append(" L").append(f(xx)).append(',').append(f(y.apply(share)));
            path.append(" L").append(f(xx)).append(',').append(f(y.apply(p.share())));
            share = p.share();
        }
        path.append(" L").append(f(WIDTH - RIGHT)).append(',').append(f(y.apply(share)));
        svg.append("<path class=\"cdf\" d=\"" + path + "\"/>");
        double tx = x.apply(target);
        svg.append("<line class=\"target\" x1=\"" + f(tx) + "\" x2=\"" + f(tx) + "\" y1=\"" + top + "\" y2=\""
                + (height - bottom) + "\"/><text class=\"target-label\" x=\"" + f(tx + 4) + "\" y=\"" + (top + 12)
                + "\">target " + target + "</text>");
        svg.append("<text class=\"axis-title\" x=\"" + (LEFT + plotW / 2) + "\" y=\"" + (height - 6)
                + "\" text-anchor=\"middle\">date of full capacity</text>");
        svg.append("<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"" + f(-(top + plotH / 2))
                + "\" y=\"12\" text-anchor=\"middle\">share of outcomes</text>");
        return svg.append("</svg>").toString();
    }

    /**
     * The facts worth a bar: those that move the largest delay or change the first wall at an end of
     * their range, widest swing (the delay at the high minus at the low, an open end widest) first,
     * at most ten. A fact that moves nothing is left out, however it correlates.
     */
    public static List<Uncertainty.Sensitivity> ranked(Uncertainty u) {
        return u.sensitivity().stream().filter(s -> s.flipsFirstWall() || !Objects.equals(s.lowDelayMonths(),
                s.highDelayMonths())).sorted(Comparator.comparingInt(OddsCharts::swing).reversed()).limit(10).toList();
    }

    private static int swing(Uncertainty.Sensitivity s) {
        if (s.lowDelayMonths() == null || s.highDelayMonths() == null) {
            return Integer.MAX_VALUE;
        }
        return Math.abs(s.highDelayMonths() - s.lowDelayMonths());
    }

    /**
     * The facts that move the plan's largest delay most ({@link #ranked}): for each, a bar from the point delay to
     * the delay with the fact at its low and at its high (every other fact at its value), each
     * labelled; an open-ended end reaches the edge. Each fact links to its row in the fact base.
     */
    public static String tornado(Uncertainty u) {
        List<Uncertainty.Sensitivity> top = ranked(u);
        int row = 30;
        int top0 = 28;
        int height = top0 + row * Math.max(1, top.size()) + 40;
        int labelW = 270;
        int valuesW = 200;
        double plotW = WIDTH - labelW - valuesW - 10;
        int point = u.pointDelayMonths() == null ? 0 : u.pointDelayMonths();
        List<Integer> finite = new ArrayList<>(List.of(point));
        top.forEach(s -> {
            if (s.lowDelayMonths() != null) {
                finite.add(s.lowDelayMonths());
            }
            if (s.highDelayMonths() != null) {
                finite.add(s.highDelayMonths());
            }
        });
        int lo = Math.min(0, finite.stream().mapToInt(Integer::intValue).min().orElse(0));
        int hi = Math.max(point + 1, finite.stream().mapToInt(Integer::intValue).max().orElse(1));
        boolean anyOpen = top.stream().anyMatch(s -> s.lowDelayMonths() == null || s.highDelayMonths() == null);
        int edge = anyOpen ? hi + Math.max(3, (hi - lo) / 6) : hi;
        java.util.function.IntFunction<Double> x = m -> labelW + plotW * (m - lo) / Math.max(1, edge - lo);
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 " + WIDTH + " " + height + "\" role=\"img\""
                + " class=\"odds-chart\" id=\"tornado\" aria-label=\"The facts that move the delay most\">");
        if (top.isEmpty()) {
            return svg.append("<text class=\"axis\" x=\"" + WIDTH / 2 + "\" y=\"" + (height / 2) + "\" text-anchor=\"middle\">"
                    + "No fact with a range moves this answer.</text></svg>").toString();
        }
        svg.append("<text class=\"axis\" x=\"" + labelW + "\" y=\"14\">").append("largest delay in months: ")
                .append("<tspan class=\"low-key\">\u25A0 fact at its low</tspan>  <tspan class=\"high-key\">\u25A0 at its high"
                        + "</tspan></text>");
        for (int i = 0; i < top.size(); i++) {
            Uncertainty.Sensitivity s = top.get(i);
            double y = top0 + i * row;
            svg.append("<a href=\"/facts#fact-" + e(s.fact()) + "\"><text class=\"fact-label\" x=\"" + (labelW - 8)
                    + "\" y=\"" + f(y + 17) + "\" text-anchor=\"end\">" + e(label(s.fact())) + "<title>" + e(s.fact())
                    + "</title></text></a>");
            bar(svg, x, point, s.lowDelayMonths(), edge, y + 4, "low", valueText(s.low(), s.unit()),
                    WIDTH - valuesW + 4);
            bar(svg, x, point, s.highDelayMonths(), edge, y + 15, "high", valueText(s.high(), s.unit()),
                    WIDTH - valuesW + 4);
        }
        double px = x.apply(point);
        svg.append("<line class=\"point\" x1=\"" + f(px) + "\" x2=\"" + f(px) + "\" y1=\"" + (top0 - 4) + "\" y2=\""
                + (top0 + row * top.size()) + "\"/>");
        int axisY = top0 + row * top.size() + 16;
        svg.append("<text class=\"axis\" x=\"" + f(px) + "\" y=\"" + axisY + "\" text-anchor=\"middle\">"
                + (u.pointDelayMonths() == null ? "open-ended" : point + " months (point answer)") + "</text>");
        svg.append("<text class=\"axis\" x=\"" + f(x.apply(lo)) + "\" y=\"" + (axisY + 16) + "\">" + lo + "</text>");
        svg.append("<text class=\"axis\" x=\"" + f(x.apply(edge)) + "\" y=\"" + (axisY + 16) + "\" text-anchor=\"end\">"
                + (anyOpen ? "open-ended" : edge + " months") + "</text>");
        return svg.append("</svg>").toString();
    }

    /** The most characters of a fact id the tornado's label column shows (about 270 px). */
    static final int LABEL_CHARS = 36;

    /** A fact id as the tornado shows it: whole when it fits, else its end (a series point's date stays readable). */
    static String label(String id) {
        return id.length() <= LABEL_CHARS ? id : "\u2026" + id.substring(id.length() - (LABEL_CHARS - 1));
    }

    private static void bar(StringBuilder svg, java.util.function.IntFunction<Double> x, int point, Integer delay,
            int edge, double y, String kind, String value, int labelX) {
        int to = delay == null ? edge : delay;
        double a = Math.min(x.apply(point), x.apply(to));
        double b = Math.max(x.apply(point), x.apply(to));
        svg.append("<rect class=\"" + kind + "\" x=\"" + f(a) + "\" y=\"" + f(y) + "\" width=\"" + f(Math.max(1.5, b - a))
                + "\" height=\"10\"><title>" + kind + " " + e(value) + ": " + (delay == null ? "open-ended" : delay
                + " months") + "</title></rect>");
        svg.append("<text class=\"bar-label " + kind + "-text\" x=\"" + labelX + "\" y=\"" + f(y + 9) + "\">" + kind
                + " " + e(value) + " \u2192 " + (delay == null ? "open-ended" : delay + " mo") + "</text>");
    }

    /** A fact's value as a planner reads it: a year without a thousands separator, a short unit kept. */
    public static String valueText(double v, String unit) {
        return unit != null && unit.length() > 7 ? Format.value(v, unit) : Format.valueWithUnit(v, unit);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
