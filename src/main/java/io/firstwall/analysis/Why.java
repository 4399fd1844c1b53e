package io.firstwall.analysis;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import io.firstwall.facts.FactBase;
import io.firstwall.plan.Plan;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleInfo;
import io.firstwall.rules.TraceProbes;

/**
 * Why a plan got its answer: which rules fired, and for each rule that did not, the first of its
 * conditions that failed, with the values the plan and the facts it was tested on had ("did not
 * fire: power == Power.ONSITE_GAS does not hold; power is GRID"). A rule from a decision table names
 * its row. The rules run as in an analysis, then the probes of {@link TraceProbes}.
 */
public final class Why {

    /** What one rule did for one plan. */
    public record RuleWhy(String id, String sentence, String file, int tableRow, int timesFired, int conditions,
            int held, String failedCondition, String failedIn, List<String> values) {

        public boolean fired() {
            return timesFired > 0;
        }
    }

    private static final int CACHED = 2;
    private static final Map<String, Why> CACHE = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Why> eldest) {
            return size() > CACHED;
        }
    };

    private final RuleBase traced;
    private final TraceProbes.Probes probes;
    private final boolean factsGlobal;

    private Why(RuleBase traced, TraceProbes.Probes probes) {
        this.traced = traced;
        this.probes = probes;
        this.factsGlobal = Analyzer.declaresFactsGlobal(traced.kieBase());
    }

    /**
     * The trace of the live rule base, built once per rule-set version and kept for the next plans;
     * one build at a time (a build is about a second of CPU), so requests after a publish wait for
     * the one build rather than each making its own. Drafts in the editor use {@link #build}.
     */
    public static Why of(RuleBase rules) {
        synchronized (CACHE) {
            Why cached = CACHE.get(rules.version());
            if (cached == null) {
                cached = build(rules);
                CACHE.put(rules.version(), cached);
            }
            return cached;
        }
    }

    /** The trace of a rule base, built anew (the probes cut and compiled with the rules); {@link #of} keeps it. */
    public static Why build(RuleBase rules) {
        TraceProbes.Probes probes = TraceProbes.of(rules.files());
        return new Why(RuleCompiler.compile(probes.ruleSet(rules.files())), probes);
    }

    /**
     * Every rule of the set, fired ones first, each in rule-id order. The rules run as an analysis
     * runs (firing limit, time budget); a failure is an {@link AnalysisException} that says what happened.
     */
    public List<RuleWhy> explain(Plan plan, FactBase facts) {
        Map<String, Integer> fired = new HashMap<>();
        Set<String> probesFired = new HashSet<>();
        return Analyzer.guarded(traced.kieBase().newKieSession(), plan, facts, factsGlobal, Analyzer.DEFAULT_TIME_BUDGET, null,
                session -> session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        String name = event.getMatch().getRule().getName();
                        if (name.startsWith(TraceProbes.PREFIX)) {
                            probesFired.add(name);
                        } else {
                            fired.merge(name, 1, Integer::sum);
                        }
                    }
                }), session -> {
                    session.getAgenda().getAgendaGroup(TraceProbes.AGENDA_GROUP).setFocus();
                    int probeFirings = session.fireAllRules(Analyzer.MAX_FIRINGS);
                    if (probeFirings >= Analyzer.MAX_FIRINGS) {
                        throw new AnalysisException("the trace matched more than " + Analyzer.MAX_FIRINGS
                                + " times; too many facts for a trace of '" + plan.name() + "'", null);
                    }
                    return trace(session, fired, probesFired);
                });
    }

    private List<RuleWhy> trace(KieSession session, Map<String, Integer> fired, Set<String> probesFired) {
        Map<String, Set<Integer>> stepsHeld = new HashMap<>();
        probes.probes().forEach((name, of) -> {
            if (probesFired.contains(name)) {
                stepsHeld.computeIfAbsent(of.rule(), k -> new HashSet<>()).add(of.step());
            }
        });
        List<RuleWhy> out = new ArrayList<>();
        for (TraceProbes.Traced rule : probes.rules()) {
            RuleInfo info = RuleInfo.of("", rule.name());
            int times = fired.getOrDefault(rule.name(), 0);
            Set<Integer> held = stepsHeld.getOrDefault(rule.name(), Set.of());
            int first = 0;
            while (held.contains(first)) {
                first++;
            }
            if (times > 0 || first >= rule.steps().size()) {
                // Fired, or (all its conditions held yet it did not fire: an untraced rule) said as it is.
                out.add(new RuleWhy(info.id(), info.sentence(), rule.file(), rule.tableRow(), times,
                        rule.steps().size(), times > 0 ? rule.steps().size() : 0, null, null, List.of()));
            } else {
                TraceProbes.Step step = rule.steps().get(first);
                out.add(new RuleWhy(info.id(), info.sentence(), rule.file(), rule.tableRow(), 0, rule.steps().size(),
                        first, step.condition(), step.element(), values(session, step)));
            }
        }
        out.sort(Comparator.comparing((RuleWhy r) -> !r.fired()).thenComparing(RuleWhy::id));
        return out;
    }

    /**
     * The values a failed condition was tested on: each property it names, on each fact of the
     * pattern's type in the session ("power is GRID", "attribute existingBuilding is false").
     */
    static List<String> values(KieSession session, TraceProbes.Step step) {
        if (step.objectType() == null || step.fromSource()) {
            return List.of();
        }
        Expression expression;
        try {
            expression = StaticJavaParser.parseExpression(step.condition());
        } catch (RuntimeException e) {
            return List.of();
        }
        Collection<? extends Object> objects = session.getObjects(o -> o.getClass().getSimpleName().equals(step.objectType()));
        if (objects.isEmpty()) {
            return List.of("there is no " + step.objectType() + " to test");
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object o : objects) {
            for (NameExpr name : expression.findAll(NameExpr.class)) {
                property(o, name.getNameAsString()).ifPresent(v -> values.add(name.getNameAsString() + " is " + v));
            }
            if (o instanceof Plan plan) {
                for (MethodCallExpr call : expression.findAll(MethodCallExpr.class)) {
                    if (call.getScope().isEmpty() && !call.getArguments().isEmpty()
                            && call.getArgument(0) instanceof StringLiteralExpr key) {
                        String k = key.asString();
                        switch (call.getNameAsString()) {
                            case "flag" -> values.add("attribute " + k + " is " + plan.flag(k));
                            case "text" -> values.add("attribute " + k + " is \"" + plan.text(k, "") + "\"");
                            case "number" -> values.add("attribute " + k + " is "
                                    + (plan.attributes().containsKey(k) ? Format.num(plan.number(k, 0)) : "not set"));
                            default -> {
                            }
                        }
                    }
                }
            }
            if (values.size() >= 6) {
                break;
            }
        }
        return List.copyOf(values);
    }

    private static Optional<String> property(Object o, String name) {
        if (!o.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    Object v = c.getAccessor().invoke(o);
                    return Optional.of(v instanceof Double d ? Format.num(d) : String.valueOf(v));
                } catch (ReflectiveOperationException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
