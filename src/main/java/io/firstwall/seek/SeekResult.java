package io.firstwall.seek;

import java.util.List;
import java.util.Map;

/**
 * What {@link Seek} found.
 *
 * @param base the plan as it is, as an option with no changes
 * @param met true when {@code options} put every phase on time (at the confidence asked)
 * @param options when met, the cheapest options that do, best first; otherwise the options that come
 *        closest (the earliest dates the levers allow), each with what still holds it
 * @param leversByWall for each wall of the plan as it is, the levers whose change alone moves that wall
 *        (brings its date earlier or removes it), cheapest first
 * @param analyses how many full analyses the search made (points and samples); {@code millis} how long it took
 * @param skipped changes the search could not make on this plan, with why (a plan the reader refuses)
 */
public record SeekResult(SeekRequest request, Option base, boolean met, List<Option> options,
        Map<String, List<String>> leversByWall, long analyses, long millis, List<String> skipped) {

    public SeekResult {
        options = List.copyOf(options);
        leversByWall = Map.copyOf(leversByWall);
        skipped = List.copyOf(skipped);
    }
}
