package io.firstwall.analysis;

import java.util.Map;

/**
 * One colour per wall, the same on every page, chart and report (a colour-blind-aware set:
 * distinct in hue and lightness); a wall without one is drawn in dark grey.
 */
public final class WallColours {

    public static final Map<String, String> COLOURS = Map.of(
            "PERMITS", "#8e44ad", "GRID_INTERCONNECT", "#2471a3", "TURBINE_SUPPLY", "#c0392b",
            "MEMORY_SUPPLY", "#d68910", "GALLIUM_SUPPLY", "#16a085", "LAUNCH_CAPACITY", "#5d6d7e",
            "CHIP_SUPPLY", "#e84393");

    private WallColours() {
    }

    public static String of(String factor) {
        return COLOURS.getOrDefault(factor, "#444444");
    }
}
