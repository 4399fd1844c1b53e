package io.firstwall.whatif;

import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/** What every server-drawn chart writes the same way: coordinates, and text escaped as XML needs (not HTML entities). */
final class Svg {

    private Svg() {
    }

    /** A coordinate with one decimal, whatever the locale. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text for an SVG element or attribute: only {@code <>&"'} escaped, so a downloaded file stays well-formed XML. */
    static String text(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
