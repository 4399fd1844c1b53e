package io.firstwall.backtest;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Web addresses as cited: the same page however it is written (scheme, www., a trailing slash or full stop). */
final class Sources {

    private static final String SEPARATORS = " \t\r\n()[]{}<>\",;";

    private Sources() {
    }

    /** An address in the form two citations of one page share. */
    static String address(String url) {
        String a = url.strip().toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"https://", "http://"}) {
            if (a.startsWith(scheme)) {
                a = a.substring(scheme.length());
            }
        }
        if (a.startsWith("www.")) {
            a = a.substring(4);
        }
        while (!a.isEmpty() && ".:/".indexOf(a.charAt(a.length() - 1)) >= 0) {
            a = a.substring(0, a.length() - 1);
        }
        return a;
    }

    /** The http(s) addresses in a free text such as a fact's source, each in {@link #address} form. */
    static Set<String> in(String text) {
        Set<String> found = new TreeSet<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (SEPARATORS.indexOf(c) >= 0) {
                String t = token.toString().toLowerCase(Locale.ROOT);
                if (t.startsWith("http://") || t.startsWith("https://")) {
                    found.add(address(t));
                }
                token.setLength(0);
            } else {
                token.append(c);
            }
        }
        return found;
    }
}
