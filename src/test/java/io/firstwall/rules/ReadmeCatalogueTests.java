package io.firstwall.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;

/** The README's rules catalogue lists every rule of rules/, with its sentence. */
class ReadmeCatalogueTests {

    @Test
    void everyRuleIsInTheCatalogue() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (RuleInfo rule : AnalysisFixtures.RULES.rules()) {
            assertThat(readme).as(rule.id()).contains("| " + rule.id() + " | ").contains(rule.sentence());
        }
    }
}
