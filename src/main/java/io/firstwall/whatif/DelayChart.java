package io.firstwall.whatif;

import java.util.List;
import java.util.Locale;


import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Schedule;
import io.firstwall.analysis.WallColours;

/**
 * The delay at full capacity of the base plan and each scenario as horizontal bars, each in the
 * colour of the wall that sets its schedule, labelled with the months and the change from the base.
 * Each name stands on its own line above its bar, so a long name never runs out of the chart, at any
 * width.
 */
public final class DelayChart {

    private static final int WIDTH = 760;
    private static final int LEFT = 4;
    private static final int ROW = 46;
    private static final int NAME_CHARS = 30;

    private DelayChart() {
    }

    /** A scenario name that fits left of the bars (about 30 characters), cut with an ellipsis; the full name is its tooltip. */
    static String shortName(String name) {
        return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1).stripTrailing() + "\u2026";
    }

    public static String svg(List<String> columns, List<Analysis> results) {
        Integer[] late = new Integer[results.size()];
        String[] limiting = new String[results.size()];
        int max = 1;
        for (int i = 0; i < results.size(); i++) {
            Schedule last = Schedule.fullCapacity(results.get(i));
            late[i] = last.delayMonths();
            limiting[i] = last.limitingFactor();
            if (late[i] != null) {
                max = Math.max(max, late[i]);
            }
        }
        double plotW = WIDTH - LEFT - 230;
        int height = 20 + ROW * results.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" role=\"img\""
                + " class=\"odds-chart\" id=\"delay-chart\" aria-label=\"Delay at full capacity per scenario\">", WIDTH, height));
        for (int i = 0; i < results.size(); i++) {
            double y = 10 + i * ROW;
            double w = late[i] == null ? plotW : plotW * late[i] / max;
            String delta = "";
            if (i > 0 && late[0] != null && late[i] != null && !late[i].equals(late[0])) {
                int d = late[i] - late[0];
                delta = " (" + (d > 0 ? "+" : "\u2212") + Math.abs(d) + ")";
            }
            String text = late[i] == null ? "open-ended" : late[i] == 0 ? "on time" : late[i] + " months" + delta;
            svg.append(String.format(Locale.ROOT, "<text class=\"bar-name\" x=\"%d\" y=\"%.1f\">%s"
                    + "<title>%s</title></text>", LEFT, y + 13, Svg.text(shortName(columns.get(i))),
                    Svg.text(columns.get(i))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
                    + "<title>%s: %s</title></rect>", LEFT, y + 20, Math.max(1.5, w),
                    limiting[i] == null ? "#1e8449" : WallColours.of(limiting[i]), Svg.text(columns.get(i)), text));
            svg.append(String.format(Locale.ROOT, "<text class=\"bar-value\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                    LEFT + Math.max(1.5, w) + 6, y + 33, text));
        }
        return svg.append("</svg>").toString();
    }
}
