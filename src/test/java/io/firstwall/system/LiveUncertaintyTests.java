package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

import io.firstwall.facts.FactBase;
import io.firstwall.plan.Plan;
import io.firstwall.uncertainty.Uncertainty;

/**
 * The live Monte Carlo answers the same question on the same rules and facts once: a what-if that
 * refreshes as the analyst types does not sample the base plan again; a new fact base samples anew.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LiveUncertaintyTests {

    @Autowired
    LiveAnalyzer live;

    @Test
    void theSameQuestionOnTheSameBasesIsAnsweredOnce() throws Exception {
        Plan plan = live.planReader().read(Files.readString(Path.of("data/plans/orbital-cluster-1gw.json")));
        Uncertainty first = live.uncertainty(plan, Map.of(), 200, 3);
        assertThat(live.uncertainty(plan, Map.of(), 200, 3)).isSameAs(first);
        assertThat(live.uncertainty(plan, Map.of(), 200, 4)).isNotSameAs(first);
        assertThat(live.uncertainty(plan, Map.of("launch.buyer_share_licensed", 0.4), 200, 3)).isNotSameAs(first);
        FactBase facts = live.facts();
        try {
            live.swapFacts(new FactBase(facts.facts(), facts.regions().values(), facts.accelerators().values()), live.factFiles());
            Uncertainty again = live.uncertainty(plan, Map.of(), 200, 3);
            assertThat(again).isNotSameAs(first).isEqualTo(first);
        } finally {
            live.swapFacts(facts, live.factFiles());
        }
    }
}
