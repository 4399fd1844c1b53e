package io.firstwall.analysis;

import java.util.Map;

/**
 * One colour per wall, the same on every page, chart and report: the Okabe-Ito palette (Okabe and
 * Ito, "Color Universal Design", 2008), whose colours stay apart for the three common kinds of
 * colour blindness ({@code WallColoursTests} checks each pair under simulated protanopia,
 * deuteranopia and tritanopia). A wall without a colour is drawn in grey.
 */
public final class WallColours {

    public static final Map<String, String> COLOURS = Map.of(
            "PERMITS", "#cc79a7", "GRID_INTERCONNECT", "#0072b2", "TURBINE_SUPPLY", "#d55e00",
            "MEMORY_SUPPLY", "#e69f00", "GALLIUM_SUPPLY", "#009e73", "LAUNCH_CAPACITY", "#56b4e9",
            "CHIP_SUPPLY", "#000000", "ELECTRICAL_EQUIPMENT", "#f0e442", "SOLAR_STORAGE", "#882255",
            "CONSTRUCTION", "#999933");

    /** A wall that has no colour of its own. */
    public static final String OTHER = "#7f7f7f";

    private WallColours() {
    }

    public static String of(String factor) {
        return COLOURS.getOrDefault(factor, OTHER);
    }

    /** The text colour that reads on the wall's colour (a badge): black or white, whichever contrasts more. */
    public static String textOn(String factor) {
        double l = luminance(of(factor));
        return (1.05) / (l + 0.05) > (l + 0.05) / 0.05 ? "#ffffff" : "#111111";
    }

    /** WCAG relative luminance of {@code #rrggbb}. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
