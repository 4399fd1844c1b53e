package io.firstwall.plan;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A phase of a plan: by {@code online}, {@code accelerators} in total (cumulative) are running. */
public record Phase(@JsonIgnore int number, LocalDate online, long accelerators) {
}
