package io.firstwall.facts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An accelerator a plan can buy; its figures are facts named {@code accelerator.<id>.*}. Its name
 * starts with its maker ("NVIDIA GB300 ...", "AMD Instinct ...", "Google TPU ..."), whose share of
 * packaging and memory is the fact {@code chip.<maker>_cowos_share}.
 */
public record Accelerator(String id, String name, String source, String status) {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");

    /** The maker: the first word of the name, in lower case ({@code nvidia}, {@code amd}, {@code google}). */
    public String maker() {
        return NOT_LETTER_OR_DIGIT.matcher(makerName().toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The maker as the name writes it: {@code NVIDIA}, {@code AMD}, {@code Google}. */
    public String makerName() {
        return name.strip().split("\\s+", 2)[0];
    }
}
