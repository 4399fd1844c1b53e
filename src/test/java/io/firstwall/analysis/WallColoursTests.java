package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The wall colours stay apart for people with colour-vision deficiency, badges keep their text
 * readable, and the stylesheet uses the same colours as the charts.
 *
 * <p>Colour blindness is simulated with the full-severity matrices of Machado, Oliveira and
 * Fernandes (2009), applied in linear sRGB; colours are compared by their CIE76 distance in
 * CIELAB (D65). About 2.3 is a just-noticeable difference; 12 is kept so that two walls read as
 * different colours at a glance, not only side by side.
 */
class WallColoursTests {

    static final double APART = 12;

    static final Map<String, double[][]> VISION = Map.of(
            "normal vision", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            "protanopia", new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
                    {-0.003882, -0.048116, 1.051998}},
            "deuteranopia", new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                    {-0.011820, 0.042940, 0.968881}},
            "tritanopia", new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
                    {0.004733, 0.691367, 0.303900}});

    @Test
    void everyPairOfWallsStaysApartUnderEachKindOfColourBlindness() {
        List<String> walls = new ArrayList<>(WallColours.COLOURS.keySet());
        for (var vision : VISION.entrySet()) {
            for (int i = 0; i < walls.size(); i++) {
                for (int j = i + 1; j < walls.size(); j++) {
                    double distance = distance(seen(WallColours.of(walls.get(i)), vision.getValue()),
                            seen(WallColours.of(walls.get(j)), vision.getValue()));
                    assertThat(distance).as("%s and %s under %s", walls.get(i), walls.get(j), vision.getKey())
                            .isGreaterThanOrEqualTo(APART);
                }
            }
        }
    }

    /** The check can fail: the palette used before (teal gallium, pink chips) merges under deuteranopia. */
    @Test
    void theCheckCatchesAPaletteThatMergesForDeuteranopes() {
        double distance = distance(seen("#16a085", VISION.get("deuteranopia")), seen("#e84393", VISION.get("deuteranopia")));
        assertThat(distance).isLessThan(APART);
    }

    @Test
    void badgeTextContrastsWithItsWallColour() {
        for (String wall : WallColours.COLOURS.keySet()) {
            double bg = WallColours.luminance(WallColours.of(wall));
            double fg = WallColours.luminance(WallColours.textOn(wall));
            double contrast = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
            assertThat(contrast).as(wall).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void theStylesheetUsesTheSameColours() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/static/css/firstwall.css"));
        Matcher m = Pattern.compile("\\.wall-([A-Z_]+) \\{ background:(#[0-9a-f]{6}); color:(#[0-9a-f]{6}); }").matcher(css);
        List<String> styled = new ArrayList<>();
        while (m.find()) {
            styled.add(m.group(1));
            assertThat(m.group(2)).as(m.group(1)).isEqualTo(WallColours.of(m.group(1)));
            assertThat(m.group(3)).as(m.group(1)).isEqualTo(WallColours.textOn(m.group(1)));
        }
        assertThat(styled).containsExactlyInAnyOrderElementsOf(WallColours.COLOURS.keySet());
    }

    static double[] seen(String hex, double[][] vision) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = Math.min(1, Math.max(0, vision[r][0] * rgb[0] + vision[r][1] * rgb[1] + vision[r][2] * rgb[2]));
        }
        return lab(out);
    }

    static double[] lab(double[] rgb) {
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }
}
