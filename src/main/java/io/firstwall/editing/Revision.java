package io.firstwall.editing;

import java.time.Instant;

/** A recorded rule set or fact base: who, when, why, and the hash of its files. */
public record Revision(long id, Instant createdAt, String author, String message, String kind, String version) {
}
