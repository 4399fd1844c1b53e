package io.firstwall.backtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Levers;
import io.firstwall.plan.PlanReader;
import io.firstwall.seek.Option;
import io.firstwall.seek.Seek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.seek.SeekResult;
import io.firstwall.uncertainty.MonteCarlo;

/**
 * The advice backtest: for each project whose builder beat the naive plan (online earlier than the
 * analyzer's answer for the plan without the builder's move), seek on that plan and check that a lever
 * standing for the move the builder made is among the top {@value #TOP} options.
 */
public final class Advice {

    /** How many options the move must be among. */
    public static final int TOP = 3;

    /** One project: its move, the levers for it, seek's top options, and whether one of them is the move. */
    public record Row(String id, String project, String role, Integer predictedMonths, Integer observedMonths,
            List<String> move, List<String> moveLevers, String moveLeversWhy, List<String> top, Boolean matched) {

        public Row {
            move = List.copyOf(move);
            moveLevers = List.copyOf(moveLevers);
            top = List.copyOf(top);
        }
    }

    /** Every project with a move, and how many of those the builder beat the naive plan in and seek found. */
    public record Result(List<Row> rows, int eligible, int matched) {

        public double share() {
            return eligible == 0 ? 0 : (double) matched / eligible;
        }
    }

    private Advice() {
    }

    public static Result run(Path dir, Analyzer analyzer, FactBase facts) throws IOException {
        Levers levers = analyzer.rules().levers();
        List<Backtest.Project> projects = Backtest.read(dir, facts, analyzer);
        Backtest.Result scores = Backtest.run(projects, analyzer, facts, 0, MonteCarlo.DEFAULT_SEED);
        PlanReader reader = new PlanReader(facts, analyzer.rules().attributes());
        Seek seek = new Seek(analyzer, new MonteCarlo(analyzer));
        SeekRequest request = new SeekRequest(0, 0, 0, java.util.Set.of(), SeekRequest.DEFAULT_MAX_CHANGES, TOP);
        List<Row> rows = new ArrayList<>();
        int eligible = 0;
        int matched = 0;
        for (int i = 0; i < projects.size(); i++) {
            Backtest.Project p = projects.get(i);
            Backtest.Row score = scores.rows().get(i);
            if (p.move().isEmpty()) {
                continue;
            }
            for (String id : p.moveLevers()) {
                if (levers.lever(id) == null) {
                    throw new IllegalArgumentException(p.id() + ".json: moveLevers names '" + id + "', which is no lever in rules/"
                            + Levers.FILE);
                }
            }
            boolean beat = p.slipMonths() != null
                    && (score.predictedNever() || score.predictedMonths() > p.slipMonths() + Backtest.TOLERANCE_MONTHS);
            List<String> top = List.of();
            Boolean hit = null;
            if (beat) {
                SeekResult r = seek.seek(p.plan(), facts, reader, request, null);
                top = r.options().stream().limit(TOP).map(Option::words).toList();
                hit = r.options().stream().limit(TOP)
                        .anyMatch(o -> o.changes().stream().anyMatch(c -> p.moveLevers().contains(c.lever())));
                eligible++;
                matched += hit ? 1 : 0;
            }
            rows.add(new Row(p.id(), p.name(), p.role(), score.predictedNever() ? null : score.predictedMonths(),
                    p.slipMonths(), p.move(), p.moveLevers(), p.moveLeversWhy(), top, hit));
        }
        return new Result(rows, eligible, matched);
    }

    /** The table {@code backtest --advice} prints and the README shows. */
    public static String table(Result result) {
        StringBuilder t = new StringBuilder();
        t.append("| project | role | analyzer, months late | observed | the builder's move as levers | seek's top ")
                .append(TOP).append(" | move among them |\n|---|---|---|---|---|---|---|\n");
        for (Row r : result.rows()) {
            t.append("| ").append(r.id()).append(" | ").append(r.role()).append(" | ")
                    .append(r.predictedMonths() == null ? "never" : r.predictedMonths()).append(" | ")
                    .append(r.observedMonths() == null ? "not online" : r.observedMonths()).append(" | ")
                    .append(r.moveLevers().isEmpty() ? "no lever: " + r.moveLeversWhy() : String.join(" or ", r.moveLevers()))
                    .append(" | ")
                    .append(r.matched() == null ? "not scored: the builder did not beat the naive plan"
                            : r.top().isEmpty() ? "no option" : String.join("; ", r.top()))
                    .append(" | ").append(r.matched() == null ? "" : r.matched() ? "yes" : "no").append(" |\n");
        }
        t.append(String.format(Locale.ROOT, "%nadvice: the builder's move is among seek's top %d options in %d of %d projects"
                + " whose builder beat the naive plan (%.0f%%)%n", TOP, result.matched(), result.eligible(), result.share() * 100));
        return t.toString();
    }
}
