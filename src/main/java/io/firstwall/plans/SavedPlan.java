package io.firstwall.plans;

import java.time.Instant;

/** A plan saved in H2: its v1 JSON as written. */
public record SavedPlan(long id, String name, String json, Instant updatedAt) {
}
