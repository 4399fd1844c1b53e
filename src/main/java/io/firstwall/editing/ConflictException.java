package io.firstwall.editing;

import java.util.List;
import java.util.Map;

/** A change set made on a version that is no longer live (409), with the lines changed meanwhile. */
public class ConflictException extends RefusedException {

    ConflictException(String message, Map<String, List<LineDiff.Line>> changedMeanwhile) {
        super(message, null, changedMeanwhile);
    }
}
