package io.firstwall.uncertainty;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.firstwall.analysis.Analysis;

/** The point answer with how sure it is: in JSON the analysis' own fields and an {@code uncertainty} object. */
public record Answer(@JsonUnwrapped Analysis analysis, Uncertainty uncertainty) {
}
