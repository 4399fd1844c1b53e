package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static io.firstwall.rules.PermitsRulesTests.DECISION;
import static io.firstwall.rules.PermitsRulesTests.PERMITS;
import static io.firstwall.rules.PermitsRulesTests.existingHall;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/permits/permits_sentences.dslr */
class PermitSentencesRulesTests {

    @Test
    void theRulesAreWrittenInSentencesNotJava() {
        String text = AnalysisFixtures.RULES.files().get("permits/permits_sentences.dslr");
        assertThat(text).contains("There is a plan", "It needs the nepa permit:").doesNotContain("insert(", "Calc.");
        assertThat(RuleCompiler.ruleText("permits/permits_sentences.dslr", text, AnalysisFixtures.RULES.files()))
                .contains("$p : Plan(flag(\"federalNexus\"))", "insert(Calc.permit(drools.getRule().getName(), \"nepa\"");
    }

    @Nested
    class Perm002Nepa {

        @Test
        void aFederalNexusAddsAnEnvironmentalImpactStatement() {
            Wall w = wall(analyze(existingHall().with("federalNexus", true)), PERMITS);
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(DECISION, fact("permits.nepa_eis_deadline_months")));
            assertThat(fact("permits.nepa_eis_deadline_months")).as("the 2023 statute, not the rescinded CEQ timeline").isEqualTo(24);
            assertThat(w.explanation()).contains("NEPA").contains("Fiscal Responsibility Act of 2023");
        }

        @Test
        void noFederalNexusNoStatement() {
            Analysis a = analyze(existingHall());
            assertThat(a.rulesFired()).doesNotContain("PERM-002");
            assertThat(hasWall(a, PERMITS)).isFalse();
        }
    }

    @Nested
    class Perm003TransmissionLine {

        @Test
        void aNewHighVoltageLineTakesAboutTenYears() {
            Wall w = wall(analyze(plan("US-VA", Power.GRID).phase("2027-06-30", 10_000).with("existingBuilding", true)
                    .with("newTransmissionLine", true)), PERMITS);
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(DECISION, fact("permits.transmission_line_months")));
            assertThat(w.explanation()).contains("transmission line");
        }

        @Test
        void noNewLineNoWait() {
            assertThat(analyze(existingHall()).rulesFired()).doesNotContain("PERM-003");
        }

        @Test
        void notForALineInsideErcot() {
            assertThat(analyze(existingHall().with("newTransmissionLine", true)).rulesFired()).doesNotContain("PERM-003");
        }
    }

}
