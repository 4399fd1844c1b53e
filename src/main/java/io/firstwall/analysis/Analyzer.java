package io.firstwall.analysis;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.Spread;
import io.firstwall.facts.FactStatus;
import io.firstwall.facts.MissingFactException;
import io.firstwall.plan.Plan;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleInfo;
import io.firstwall.rules.RuleVocabulary;

/**
 * The analyzer core. Thread-safe: the rule base is shared, each call opens and disposes its own
 * session. The plan, its region and accelerator go into the session; rules read facts through the
 * global {@code facts} and insert demand, needs, supplies and notes, from which walls, the first
 * wall and the cascade follow.
 */
public final class Analyzer {

    /** Rule firings allowed per analysis before the rules are taken to loop. */
    public static final int MAX_FIRINGS = 100_000;
    /** How far past the target date the curves for charts run. */
    static final int CHART_YEARS_AFTER_TARGET = 6;

    /** The global through which rules read facts: {@code $f : Fact() from facts.get("id")}. */
    public static final String FACTS_GLOBAL = RuleVocabulary.FACTS_GLOBAL;

    /** How much CPU time one analysis may use before the watchdog halts it. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);
    /**
     * The first analysis on a rule base also compiles its constraints as they are first evaluated
     * and loads its classes; it may use this many budgets, so that first use is not taken for a loop.
     */
    static final int FIRST_USE_BUDGETS = 10;

    private final RuleBase rules;
    private final boolean factsGlobal;
    private final Duration timeBudget;
    private final CpuWatch.StuckListener stuck;
    /** Whether an analysis on this rule base has finished: the first one carries the first-use work. */
    private final AtomicBoolean warmed = new AtomicBoolean();
    /**
     * Sessions reused from analysis to analysis (Drools resets one when it is disposed back into the pool):
     * cheaper than a fresh session each time, since the node memories are kept. Made on first use.
     */
    private volatile KieSessionsPool pool;

    public Analyzer(RuleBase rules) {
        this(rules, DEFAULT_TIME_BUDGET);
    }

    /** An analyzer whose analyses are halted from outside after {@code timeBudget} of CPU time. */
    public Analyzer(RuleBase rules, Duration timeBudget) {
        this(rules, timeBudget, null);
    }

    /**
     * As {@link #Analyzer(RuleBase, Duration)}; {@code stuck} is told of an analysis that keeps working
     * after it was halted (see {@link CpuWatch}).
     */
    public Analyzer(RuleBase rules, Duration timeBudget, CpuWatch.StuckListener stuck) {
        this.rules = rules;
        this.timeBudget = timeBudget;
        this.stuck = stuck;
        this.factsGlobal = declaresFactsGlobal(rules.kieBase());
    }

    public RuleBase rules() {
        return rules;
    }

    private KieSessionsPool pool() {
        KieSessionsPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = rules.kieBase().newKieSessionsPool(2 * Runtime.getRuntime().availableProcessors());
                }
                p = pool;
            }
        }
        return p;
    }

    /** The CPU time one analysis may use (the first on a rule base may use {@value #FIRST_USE_BUDGETS} times as much). */
    public Duration timeBudget() {
        return timeBudget;
    }

    public Analysis analyze(Plan plan, FactBase facts) {
        return analyze(plan, facts, true);
    }

    /** As {@link #analyze(Plan, FactBase)}; without {@code curves} the chart data is left out (batch). */
    public Analysis analyze(Plan plan, FactBase facts, boolean curves) {
        Set<String> fired = new LinkedHashSet<>();
        Duration budget = warmed.get() ? timeBudget : timeBudget.multipliedBy(FIRST_USE_BUDGETS);
        try {
            return guarded(pool().newKieSession(), plan, facts, factsGlobal, budget, stuck, session -> {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        fired.add(RuleInfo.of("", event.getMatch().getRule().getName()).id());
                    }
                });
            }, session -> assemble(plan, facts, objects(session, PhaseDemand.class), objects(session, Need.class),
                    objects(session, Supply.class), objects(session, Note.class), fired, curves));
        } finally {
            // Whatever its end, the first analysis has compiled what it reached.
            warmed.set(true);
        }
    }

    /** What a guarded session does: before its facts go in, and after its rules have fired. */
    interface SessionStep<T> {
        T apply(KieSession session);
    }

    /**
     * Runs a session as every analysis runs: the inputs in, the rules fired within the firing limit
     * and the CPU budget (watched and halted from outside, {@link CpuWatch}), and any failure turned
     * into an {@link AnalysisException} that says what happened; the session is disposed.
     */
    static <T> T guarded(KieSession session, Plan plan, FactBase facts, boolean factsGlobal, Duration timeBudget,
            CpuWatch.StuckListener stuck, java.util.function.Consumer<KieSession> before, SessionStep<T> after) {
        CpuWatch.Watched watched = CpuWatch.start(session, plan.name(), timeBudget, stuck);
        DefaultAgendaEventListener tracking = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                watched.rule = event.getMatch().getRule().getName();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                watched.lastFired = watched.rule;
                watched.rule = null;
            }
        };
        try {
            session.addEventListener(tracking);
            before.accept(session);
            insertInputs(session, plan, facts, factsGlobal);
            int count = session.fireAllRules(MAX_FIRINGS);
            checkFired(count, watched);
            T result = after.apply(session);
            checkFired(0, watched);
            return result;
        } catch (AnalysisException e) {
            throw e;
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw new AnalysisException("the rules ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack")
                    + " while analyzing '" + plan.name() + "' and were stopped; a rule builds something too large", null);
        } catch (RuntimeException e) {
            if (watched.halted) {
                throw overrun(watched, 0);
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof java.time.DateTimeException || root instanceof ArithmeticException) {
                // A date past the calendar's end or a count past a long: a figure far outside any sensible
                // range (a fact edited or overridden so), not a rule that went wrong.
                throw new AnalysisException("a figure is far outside any sensible range: while analyzing '" + plan.name()
                        + "' a date or count went past what the calendar can hold (" + root.getMessage()
                        + "); check the facts edited or overridden for this answer", e);
            }
            String kind = root.getClass().getSimpleName();
            String why = root.getMessage() == null ? kind : root instanceof MissingFactException ? root.getMessage()
                    : kind.replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                            + ": " + root.getMessage();
            throw new AnalysisException("a rule failed while analyzing '" + plan.name() + "': " + why, e);
        } finally {
            CpuWatch.stop(watched);
            // A pooled session keeps its listeners through the reset: this analysis's must not outlive it.
            session.removeEventListener(tracking);
            session.dispose();
        }
    }

    /** Fails when the rules ran out of CPU time or fired without settling. */
    static void checkFired(int count, CpuWatch.Watched watched) {
        if (watched.halted) {
            throw overrun(watched, count);
        }
        if (count >= MAX_FIRINGS) {
            throw new AnalysisException("the rules fired " + MAX_FIRINGS
                    + " times without settling; a rule probably re-triggers itself", null);
        }
    }

    private static AnalysisException overrun(CpuWatch.Watched watched, int count) {
        CpuWatch.Overrun o = watched.overrun();
        return new AnalysisException("the rules used more than " + o.budgetMillis() + " ms of CPU while analyzing '"
                + o.planName() + "' and were stopped" + (count > 0 ? " after " + count + " firings" : "")
                + " (" + o.where() + "); a rule probably loops or does too much work", null);
    }

    /** Whether a rule base declares the facts global its rules read facts through. */
    static boolean declaresFactsGlobal(org.kie.api.KieBase kieBase) {
        return kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(FACTS_GLOBAL)));
    }

    /** What every session starts from: the facts global, the plan, its region and its accelerator. */
    static void insertInputs(KieSession session, Plan plan, FactBase facts, boolean factsGlobal) {
        if (factsGlobal) {
            session.setGlobal(FACTS_GLOBAL, facts);
        }
        session.insert(plan);
        session.insert(facts.regions().get(plan.location()));
        session.insert(facts.accelerators().get(plan.accelerator()));
    }

    /**
     * A wall that rests on figures with no public source says so in its sentence, and one that rests on
     * an uncertain event at its more likely outcome says that it took that outcome.
     */
    private static Wall withAssumptionsNamed(Wall w, FactBase facts) {
        List<Fact> read = w.factIds().stream().map(facts::fact).flatMap(Optional::stream).toList();
        List<String> assumed = read.stream().filter(f -> f.status() == FactStatus.ASSUMPTION).map(Fact::id).toList();
        List<String> events = read.stream().map(Analyzer::eventTaken).filter(Objects::nonNull).toList();
        if (assumed.isEmpty() && events.isEmpty()) {
            return w;
        }
        String said = w.explanation();
        if (!events.isEmpty()) {
            said += " Taken at the more likely of two outcomes (the odds with samples include both): "
                    + String.join("; ", events) + ".";
        }
        if (!assumed.isEmpty()) {
            said += " Assumed, with no public source: " + String.join(", ", assumed) + ".";
        }
        return new Wall(w.factor(), w.bindsOn(), w.slipMonths(), w.fullCapacityOn(), w.needed(), w.shortfall(), w.unit(),
                said, w.ruleIds(), w.factIds(), w.phases());
    }

    /** "id at V (P%; W otherwise)" for an event fact at its more likely outcome, else null (a sample's other branch). */
    private static String eventTaken(Fact f) {
        if (!f.distribution().regionMatches(true, 0, "event", 0, 5)) {
            return null; // most facts: no parse on the hot path
        }
        Spread spread = f.spread();
        if (spread.shape() != Spread.Shape.EVENT) {
            return null;
        }
        double p = spread.probability();
        boolean atHigh = f.value() == f.high();
        boolean likely = atHigh ? p >= 0.5 : p <= 0.5;
        if (!likely) {
            return null;
        }
        return f.id() + " at " + Format.num(f.value()) + " (" + Math.round(100 * (atHigh ? p : 1 - p)) + "%; "
                + Format.num(atHigh ? f.low() : f.high()) + " otherwise)";
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        Collection<?> found = session.getObjects(new ClassObjectFilter(type));
        List<T> list = new ArrayList<>(found.size());
        for (Object o : found) {
            list.add(type.cast(o));
        }
        return list;
    }

    private Analysis assemble(Plan plan, FactBase facts, List<PhaseDemand> demand, List<Need> needs,
            List<Supply> supplies, List<Note> notes, Set<String> fired, boolean withCurves) {
        demand.sort(Comparator.comparingInt(PhaseDemand::phase));
        Map<String, List<Need>> needsByFactor = new TreeMap<>();
        for (Need n : needs) {
            needsByFactor.computeIfAbsent(n.factor(), k -> new ArrayList<>()).add(n);
        }
        Map<String, List<Supply>> suppliesByFactor = new LinkedHashMap<>();
        for (Supply s : supplies) {
            suppliesByFactor.computeIfAbsent(s.factor(), k -> new ArrayList<>()).add(s);
        }
        List<Wall> walls = new ArrayList<>();
        List<FactorCurve> curves = new ArrayList<>();
        LocalDate chartEnd = plan.targetDate().plusYears(CHART_YEARS_AFTER_TARGET);
        needsByFactor.forEach((factor, factorNeeds) -> {
            List<Supply> factorSupplies = suppliesByFactor.getOrDefault(factor, List.of());
            WallCalculator.wall(factor, factorNeeds, factorSupplies).ifPresent(walls::add);
            if (withCurves) {
                curves.add(WallCalculator.curve(factor, factorNeeds, factorSupplies, plan.decisionDate(), chartEnd));
            }
        });
        walls.replaceAll(w -> withAssumptionsNamed(w, facts));
        walls.sort(WallCalculator.FIRST_WALL_ORDER);
        notes.sort(Comparator.comparing(Note::factor).thenComparing(Note::ruleId));
        Set<String> factIds = new LinkedHashSet<>();
        demand.forEach(d -> factIds.addAll(d.factIds()));
        walls.forEach(w -> factIds.addAll(w.factIds()));
        notes.forEach(n -> factIds.addAll(n.factIds()));
        List<FactUse> used = factIds.stream().map(facts::fact).flatMap(Optional::stream)
                .map(FactUse::of).toList();
        Wall first = walls.isEmpty() ? null : walls.get(0);
        return new Analysis(plan, demand, walls, first, WallCalculator.cascade(walls), walls.isEmpty(), notes,
                used, List.copyOf(fired), rules.version(), facts.version(), curves);
    }
}
