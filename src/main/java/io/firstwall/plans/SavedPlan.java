package io.firstwall.plans;

import java.time.Instant;
import java.util.Locale;

/** A plan as saved: its id, name, v1 JSON and when it last changed. */
public record SavedPlan(long id, String name, String json, Instant updatedAt) {

    /** A download's file name from the plan's name: "1-gw-on-site-gas-campus" + suffix ("plan" + suffix if none). */
    public String fileName(String suffix) {
        String slug = name.replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
        return (slug.isEmpty() ? "plan" : slug) + suffix;
    }
}
