package io.firstwall.editing;

/** A saved plan's first wall before and after an edit. */
public record Impact(long planId, String name, String before, String after, boolean changed) {
}
