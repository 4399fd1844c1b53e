package io.firstwall.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;

/**
 * Whether the fact base learned from a project the backtest scores. A fact derived from a project's
 * record names it in its projects column, and such a project must be a calibration one; a fact may not
 * cite an address or a docket that a scored project's file cites either, since in this field the
 * evidence for a rate and the project it would be tested on are often the same filing.
 */
public final class Leakage {

    /** One fact that leaks a scored project, or names a project there is no file for. */
    public record Leak(String factId, String projectId, String why) {

        @Override
        public String toString() {
            return factId + ": " + why;
        }
    }

    private Leakage() {
    }

    public static List<Leak> find(List<Backtest.Project> projects, FactBase facts) {
        Map<String, Backtest.Project> byId = projects.stream()
                .collect(Collectors.toMap(Backtest.Project::id, Function.identity()));
        List<Leak> leaks = new ArrayList<>();
        for (Fact fact : facts.facts()) {
            for (String id : fact.projectIds()) {
                Backtest.Project p = byId.get(id);
                if (p == null) {
                    leaks.add(new Leak(fact.id(), id, "names project " + id + ", but there is no data/backtests/" + id
                            + ".json"));
                } else if (p.scored()) {
                    leaks.add(new Leak(fact.id(), id, "is derived from " + id + ", a scored project: make " + id
                            + " a calibration project or source the fact elsewhere"));
                }
            }
            String text = fact.source() + " " + fact.note();
            Set<String> cited = Sources.in(text);
            String lower = text.toLowerCase(Locale.ROOT);
            for (Backtest.Project p : projects) {
                if (!p.scored()) {
                    continue;
                }
                for (String url : p.urls()) {
                    if (cited.contains(url)) {
                        leaks.add(new Leak(fact.id(), p.id(), "cites " + url + ", which scored project " + p.id()
                                + " cites"));
                    }
                }
                for (String docket : p.dockets()) {
                    if (lower.contains(docket.toLowerCase(Locale.ROOT))) {
                        leaks.add(new Leak(fact.id(), p.id(), "cites docket " + docket + ", which scored project "
                                + p.id() + " relies on"));
                    }
                }
            }
        }
        return leaks;
    }
}
