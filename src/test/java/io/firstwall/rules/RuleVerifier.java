package io.firstwall.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.drools.core.base.RuleNameStartsWithAgendaFilter;
import org.kie.api.runtime.KieSession;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.facts.FactBase;

/**
 * One rule alone, in the spirit of Timefold's {@code ConstraintVerifier}: only the rules whose name
 * starts with an id fire, over the real rule base, on the facts a test gives; the test then asserts
 * what they inserted. {@code RuleVerifier.verifyThat("TURB-001").given(plan, demand).inserted(Need.class)}.
 */
public final class RuleVerifier {

    private final String ruleId;
    private final RuleBase rules;
    private final FactBase facts;

    private RuleVerifier(String ruleId, RuleBase rules, FactBase facts) {
        this.ruleId = ruleId;
        this.rules = rules;
        this.facts = facts;
    }

    /** The rule with this id, in the repository's rules, reading the repository's facts. */
    public static RuleVerifier verifyThat(String ruleId) {
        return new RuleVerifier(ruleId, AnalysisFixtures.RULES, AnalysisFixtures.FACTS);
    }

    /** Fires the rule once on the given objects (nothing else is inserted for it). */
    public Outcome given(Object... objects) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal(RuleVocabulary.FACTS_GLOBAL, facts);
            Map<Object, Boolean> given = new IdentityHashMap<>();
            for (Object o : objects) {
                session.insert(o);
                given.put(o, true);
            }
            int fired = session.fireAllRules(new RuleNameStartsWithAgendaFilter(ruleId + " "));
            List<Object> inserted = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (!given.containsKey(o)) {
                    inserted.add(o);
                }
            }
            return new Outcome(fired, inserted);
        } finally {
            session.dispose();
        }
    }

    /** How often the rule fired and what it inserted. */
    public record Outcome(int fired, List<Object> inserted) {
        public <T> List<T> inserted(Class<T> type) {
            return inserted.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
