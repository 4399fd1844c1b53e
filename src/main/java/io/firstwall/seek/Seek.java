package io.firstwall.seek;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.PhaseDemand;
import io.firstwall.analysis.Schedule;
import io.firstwall.analysis.Wall;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Attributes;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Levers;
import io.firstwall.plan.Phase;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanJson;
import io.firstwall.plan.PlanReader;
import io.firstwall.plan.Power;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;

/**
 * Finds the cheapest sets of lever changes that put every phase of a plan on time.
 *
 * <p>The lever space is small and discrete (a few dozen steps), and every candidate is judged by the
 * full analysis of the changed plan, so the search enumerates rather than optimises: every single
 * change; every pair that holds a change which moved the plan alone, with every other change (a turbine
 * type only matters once the plan generates on site); then, for three or more changes, the best
 * {@value #BEAM} sets of the size below (by total cost, then delay) each extended by every change. A
 * set is never extended once it is on time, so no option carries a change it does not need. It is
 * exhaustive for one change and for pairs that start from a useful change, and a beam above that;
 * being deterministic, the same plan, facts, levers and seed give the same options. A metaheuristic
 * solver (OptaPlanner) would earn its place only in a space too large to enumerate, which this is not:
 * the default space of an example plan is a few hundred analyses.
 *
 * <p>With a confidence, the search screens with point answers and samples only the finalists: options
 * on time in the point answer, cheapest first, until {@code top} of them reach the confidence or
 * {@value #MAX_FINALISTS} have been sampled.
 */
public final class Seek {

    /** Sets kept at each size above two. */
    static final int BEAM = 20;
    /** The most options sampled with a confidence. */
    static final int MAX_FINALISTS = 15;

    private final Analyzer analyzer;
    private final MonteCarlo monteCarlo;

    public Seek(Analyzer analyzer, MonteCarlo monteCarlo) {
        this.analyzer = analyzer;
        this.monteCarlo = monteCarlo;
    }

    /**
     * Seeks for {@code plan} with the analyzer's rules and levers.
     *
     * @param progress told what the search is doing now and then (long searches); may be null
     */
    public SeekResult seek(Plan plan, FactBase facts, PlanReader reader, SeekRequest request, Consumer<String> progress) {
        long start = System.nanoTime();
        Levers levers = analyzer.rules().levers();
        Consumer<String> say = progress == null ? s -> { } : progress;
        Search search = new Search(plan, facts, reader, levers, request);
        Option base = search.base;
        if (levers.levers().isEmpty() || levers.delay() == null) {
            return new SeekResult(request, base, base.onTime(), List.of(), Map.of(), search.analyses,
                    millis(start), List.of("the rule set has no levers (rules/" + Levers.FILE + ")"));
        }
        if (base.onTime() && request.confidence() == 0) {
            return new SeekResult(request, base, true, List.of(), Map.of(), search.analyses, millis(start), List.of());
        }
        if (base.onTime()) {
            Option sampled = search.sampled(base);
            if (sampled.onTimeProbability() >= request.confidence()) {
                return new SeekResult(request, sampled, true, List.of(), Map.of(), search.analyses, millis(start), List.of());
            }
        }

        List<Change> changes = search.changes();
        say.accept("1 change: " + changes.size() + " candidates");
        List<Option> singles = new ArrayList<>();
        for (Change c : changes) {
            search.evaluate(List.of(c)).ifPresent(singles::add);
        }
        Map<String, List<String>> byWall = leversByWall(search.baseAnalysis, singles, search);

        List<Option> useful = singles.stream().filter(o -> moved(base, o)).toList();
        List<Option> level = singles;
        for (int size = 2; size <= request.maxChanges(); size++) {
            List<Option> starts = size == 2 ? useful
                    : level.stream().filter(o -> !o.onTime()).sorted(RANK).limit(BEAM).toList();
            say.accept(size + " changes: extending " + starts.size() + " sets");
            List<Option> next = new ArrayList<>();
            for (Option from : starts) {
                if (from.onTime()) {
                    continue;
                }
                Set<String> fields = new HashSet<>();
                from.changes().forEach(c -> fields.add(c.field()));
                for (Change c : changes) {
                    if (fields.contains(c.field())) {
                        continue;
                    }
                    List<Change> set = new ArrayList<>(from.changes());
                    set.add(c);
                    search.evaluate(set).ifPresent(next::add);
                }
            }
            level = next;
        }

        List<Option> all = new ArrayList<>(search.evaluated.values().stream().filter(o -> o != null).toList());
        List<Option> onTime = all.stream().filter(Option::onTime).filter(o -> !hasOnTimeSubset(o, search)).sorted(RANK)
                .toList();
        List<Option> chosen = new ArrayList<>();
        if (request.confidence() == 0) {
            chosen.addAll(onTime.stream().limit(request.top()).toList());
        } else {
            int sampled = 0;
            for (Option o : onTime) {
                if (chosen.size() >= request.top() || sampled >= MAX_FINALISTS) {
                    break;
                }
                say.accept("sampling option " + (sampled + 1) + ": " + o.words());
                Option s = search.sampled(o);
                sampled++;
                if (s.onTimeProbability() >= request.confidence()) {
                    chosen.add(s);
                }
            }
        }
        boolean met = !chosen.isEmpty();
        if (!met) {
            // Nothing meets the target: the options that come closest, each with what still holds it; a set of
            // changes that moves nothing (a grid lever on a plan that generates its own power) is no option.
            Option asIs = base;
            all.stream().filter(o -> !o.onTime() || request.confidence() > 0).filter(o -> moved(asIs, o))
                    .filter(o -> !hasSubset(o, search, sub -> sub.schedule().equals(o.schedule()))).sorted(CLOSEST)
                    .limit(request.top()).forEach(chosen::add);
        }
        if (request.confidence() == 0 && request.samples() > 0) {
            // Point answers chose the options; samples say how sure each is.
            chosen.replaceAll(o -> o.onTimeProbability() == null ? search.sampled(o) : o);
        }
        return new SeekResult(request, base, met, chosen, byWall, search.analyses, millis(start), search.skipped);
    }

    /** Cheapest first, then fewer changes, then the larger margin. */
    static final Comparator<Option> RANK = Comparator.comparingDouble(Option::totalCost)
            .thenComparingDouble(Option::leverCost)
            .thenComparingInt(o -> o.changes().size())
            .thenComparing(o -> o.marginMonths() == null ? Integer.MAX_VALUE : o.marginMonths(), Comparator.reverseOrder())
            .thenComparing(o -> String.join(",", o.keys()));

    /** The least delay first (a phase that never runs last), then the cheapest, then fewer changes. */
    static final Comparator<Option> CLOSEST = Comparator
            .comparing((Option o) -> o.worstDelayMonths() == null ? Integer.MAX_VALUE : o.worstDelayMonths())
            .thenComparing(o -> o.fullCapacityOn() == null ? LocalDate.MAX : o.fullCapacityOn())
            .thenComparing(RANK);

    /** Whether some smaller set of the option's changes, already analysed, is on time too (then this one is not needed). */
    private static boolean hasOnTimeSubset(Option o, Search search) {
        return hasSubset(o, search, Option::onTime);
    }

    /** Whether some smaller, non-empty set of the option's changes, already analysed, satisfies {@code test}. */
    private static boolean hasSubset(Option o, Search search, java.util.function.Predicate<Option> test) {
        int n = o.changes().size();
        for (int mask = 1; mask < (1 << n) - 1; mask++) {
            List<Change> subset = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(o.changes().get(i));
                }
            }
            Option sub = search.evaluated.get(Search.key(subset));
            if (sub != null && test.test(sub)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an option's schedule differs from the base's: some phase earlier, or running where it did not. */
    private static boolean moved(Option base, Option o) {
        for (int i = 0; i < base.schedule().size() && i < o.schedule().size(); i++) {
            LocalDate was = base.schedule().get(i).achievable();
            LocalDate now = o.schedule().get(i).achievable();
            if (now != null && (was == null || now.isBefore(was))) {
                return true;
            }
            if (!java.util.Objects.equals(base.schedule().get(i).limitingFactor(), o.schedule().get(i).limitingFactor())) {
                return true;
            }
        }
        return !java.util.Objects.equals(base.firstWall(), o.firstWall());
    }

    /** For each wall of the plan, the single changes that bring it earlier or remove it, cheapest first. */
    private static Map<String, List<String>> leversByWall(Analysis base, List<Option> singles, Search search) {
        Map<String, List<String>> byWall = new LinkedHashMap<>();
        for (Wall w : base.walls()) {
            List<Option> moving = new ArrayList<>();
            for (Option o : singles) {
                Analysis a = search.analysisOf(o);
                Wall after = a == null ? null : a.wall(w.factor()).orElse(null);
                if (after == null || earlier(after.fullCapacityOn(), w.fullCapacityOn())
                        || earlier(after.bindsOn(), w.bindsOn())) {
                    moving.add(o);
                }
            }
            moving.sort(Comparator.comparingDouble(Option::leverCost));
            byWall.put(w.factor(), moving.stream().map(Option::words).distinct().toList());
        }
        return byWall;
    }

    private static boolean earlier(LocalDate now, LocalDate was) {
        return now != null && (was == null || now.isBefore(was));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** One search's state: the plan, what it costs to change it, and every set already analysed. */
    private final class Search {

        final Plan plan;
        final FactBase facts;
        final PlanReader reader;
        final Levers levers;
        final SeekRequest request;
        final double loadKw;
        final Analysis baseAnalysis;
        final Option base;
        /** Every set analysed, by its sorted keys; null for a set the reader refused. */
        final Map<String, Option> evaluated = new HashMap<>();
        /** The analysis of each option, for the levers that move each wall. */
        final Map<Option, Analysis> analysesByOption = new HashMap<>();
        final List<String> skipped = new ArrayList<>();
        long analyses;

        Search(Plan plan, FactBase facts, PlanReader reader, Levers levers, SeekRequest request) {
            this.plan = plan;
            this.facts = facts;
            this.reader = reader;
            this.levers = levers;
            this.request = request;
            this.baseAnalysis = analyzer.analyze(plan, facts, false);
            analyses++;
            this.loadKw = loadKw(baseAnalysis);
            this.base = option(List.of(), plan, baseAnalysis);
        }

        /** Every change the levers allow on this plan and the locks leave open, except no-ops. */
        List<Change> changes() {
            List<Change> out = new ArrayList<>();
            long accelerators = plan.lastPhase().accelerators();
            for (Levers.Lever lever : levers.levers()) {
                if (request.locked(lever.field()) || lever.with().keySet().stream().anyMatch(request::locked)) {
                    continue;
                }
                for (String step : lever.steps()) {
                    if (!isNoOp(lever.field(), step)) {
                        out.add(Change.of(lever, step, loadKw, accelerators));
                    }
                }
            }
            return out;
        }

        private boolean isNoOp(String field, String step) {
            return switch (field) {
                case "power" -> plan.power().name().equals(step);
                case "location" -> plan.location().equals(step);
                case "targets", "accelerators" -> false;
                default -> {
                    Object now = plan.attributes().get(field);
                    yield now != null && String.valueOf(now).equalsIgnoreCase(String.valueOf(typed(field, step)));
                }
            };
        }

        private Object typed(String field, String value) {
            return Seek.typed(reader.attributes(), field, value);
        }

        /** The option of a set of changes, analysed once; empty when the reader refuses the changed plan. */
        java.util.Optional<Option> evaluate(List<Change> changes) {
            String key = key(changes);
            if (evaluated.containsKey(key)) {
                return java.util.Optional.empty();
            }
            Plan changed;
            try {
                changed = reader.read(PlanJson.write(apply(plan, changes, levers, reader.attributes(), loadKw)));
            } catch (InvalidPlanException e) {
                evaluated.put(key, null);
                if (changes.size() == 1) {
                    skipped.add(changes.get(0).words() + ": " + e.problems().get(0).field() + " " + e.problems().get(0).message());
                }
                return java.util.Optional.empty();
            }
            Analysis a = analyzer.analyze(changed, facts, false);
            analyses++;
            Option o = option(changes, changed, a);
            evaluated.put(key, o);
            if (changes.size() == 1) {
                analysesByOption.put(o, a);
            }
            return java.util.Optional.of(o);
        }

        Analysis analysisOf(Option o) {
            return analysesByOption.get(o);
        }

        static String key(List<Change> changes) {
            return changes.stream().map(Change::key).sorted().reduce((a, b) -> a + "," + b).orElse("");
        }

        /** The option with its share of samples on time. */
        Option sampled(Option o) {
            Uncertainty u = monteCarlo.run(o.plan(), facts, request.samples(), request.seed(), null);
            analyses += u.samples() + 1;
            return new Option(o.changes(), o.plan(), o.schedule(), o.onTime(), u.onTimeProbability(), o.leverCost(),
                    o.delayCost(), o.marginMonths(), o.firstWall(), o.thenWall(), o.thenOn());
        }

        Option option(List<Change> changes, Plan changed, Analysis a) {
            List<Schedule> schedule = Schedule.of(a);
            boolean onTime = schedule.stream().allMatch(s -> s.delayMonths() != null && s.delayMonths() == 0);
            double leverCost = changes.stream().mapToDouble(Change::cost).sum();
            double delayCost = 0;
            long before = 0;
            for (int i = 0; i < schedule.size(); i++) {
                Schedule s = schedule.get(i);
                long added = Math.max(0, changed.phases().get(i).accelerators() - before);
                before = Math.max(before, changed.phases().get(i).accelerators());
                delayCost += s.delayMonths() == null ? Double.POSITIVE_INFINITY
                        : (double) s.delayMonths() * added * levers.delay().cost();
            }
            Wall then = onTime ? null : a.scheduleWall();
            return new Option(changes, changed, schedule, onTime, null, leverCost, delayCost, margin(a),
                    a.firstWall() == null ? null : a.firstWall().factor(), then == null ? null : then.factor(),
                    then == null ? null : then.fullCapacityOn());
        }
    }

    static Object typed(Attributes declared, String field, String value) {
        Attributes.Attribute a = declared.declared().get(field);
        return a == null ? value : Levers.typed(a, value);
    }

    /** The plan's facility load at full capacity, in kW: the largest phase's. */
    public static double loadKw(Analysis a) {
        return a.demand().stream().mapToDouble(PhaseDemand::facilityMw).max().orElse(0) * 1000;
    }

    /** The fewest months between a wall letting a phase run and its target; null when no wall names a date. */
    static Integer margin(Analysis a) {
        Integer least = null;
        for (Wall w : a.walls()) {
            for (Wall.PhaseReady p : w.phases()) {
                if (p.readyOn() == null) {
                    return Integer.MIN_VALUE;
                }
                int m = (int) ChronoUnit.MONTHS.between(p.readyOn(), p.target());
                least = least == null ? m : Math.min(least, m);
            }
        }
        return least;
    }

    /** The plan with the changes made: targets later, phases smaller, another power type or region, attributes set. */
    public static Plan apply(Plan plan, List<Change> changes, Levers levers, Attributes declared, double loadKw) {
        List<Phase> phases = plan.phases();
        Power power = plan.power();
        String location = plan.location();
        Map<String, Object> attributes = new TreeMap<>(plan.attributes());
        for (Change c : changes) {
            Levers.Lever lever = levers.lever(c.lever());
            switch (c.field()) {
                case "targets" -> {
                    int months = Integer.parseInt(c.step().substring(1));
                    phases = phases.stream().map(p -> new Phase(p.number(), p.online().plusMonths(months), p.accelerators()))
                            .toList();
                }
                case "accelerators" -> {
                    double keep = 1 + Double.parseDouble(c.step().replace("%", "")) / 100.0;
                    phases = phases.stream().map(p -> new Phase(p.number(), p.online(),
                            Math.max(1, Math.round(p.accelerators() * keep)))).toList();
                }
                case "power" -> power = Power.valueOf(c.step());
                case "location" -> location = c.step();
                default -> attributes.put(c.field(), typed(declared, c.field(), c.step()));
            }
            if (lever != null) {
                lever.with().forEach((k, v) -> attributes.put(k, v.equals(Levers.LOAD)
                        ? (Object) (long) Math.ceil(loadKw / 1000) : typed(declared, k, v)));
            }
        }
        return new Plan(plan.name(), location, power, plan.accelerator(), plan.decisionDate(), phases, attributes);
    }
}
