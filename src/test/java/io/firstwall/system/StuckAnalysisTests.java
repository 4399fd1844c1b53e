package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.CpuWatch;
import io.firstwall.analysis.StuckAnalysis;
import io.firstwall.editing.RuleEditingService;
import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;

/**
 * The live service outlives a bad rule. A published rule that passes every check (two loops deep,
 * every member in the vocabulary) yet spins for seconds inside one join, for one plan name, is
 * given up at its CPU budget: its caller gets a clear refusal, its slot goes to the next analysis,
 * the rule set is flagged on the rules page, the same plan is not run again while it is stuck, and
 * another user's analysis and the expert's fix go on while the stuck threads still run. Ordering is
 * shown by the stuck threads being alive at each step, never by a timing threshold.
 */
@Tag("database")
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:stuck-${random.uuid};DB_CLOSE_DELAY=-1",
        "firstwall.analysis-budget=150ms"})
@ActiveProfiles("test")
class StuckAnalysisTests {

    /** About ten seconds of CPU in one accumulate, for plans named PROBE-HANG..., and nothing for others. */
    static final String SPINNING = """
            package rules.test;
            import io.firstwall.plan.Plan;
            import io.firstwall.analysis.Supply;
            import io.firstwall.analysis.Calc;
            import java.util.List;

            function double spin(List xs) { double n = 0; for (Object a : xs) { for (Object b : xs) { n = n + Math.sqrt(n + 1); } } return n; }

            rule "T-901 Supplies for the probe plan"
            when
                $p : Plan(name.startsWith("PROBE-HANG"))
            then
                for (Object s : Calc.monthly("PROBE", "probe", $p.decisionDate(), $p.decisionDate().plusYears(100), 1.0,
                        $p.decisionDate(), $p.decisionDate(), 0, 1e18, "T-901", "", List.of())) {
                    insert(s);
                }
            end

            rule "T-902 Every probe supply spins over all of them"
            when
                $p : Plan(name.startsWith("PROBE-HANG"))
                $all : List(size > 1000) from accumulate(Supply(lane == "probe", $s : this); collectList($s))
                $n : Number() from accumulate(Supply(lane == "probe"); sum(spin($all)))
            then
            end
            """;

    static Path rulesDir;

    @DynamicPropertySource
    static void rulesWithASpinningRule(DynamicPropertyRegistry registry) {
        rulesDir = AnalysisFixtures.copyOfRules();
        try {
            Files.createDirectories(rulesDir.resolve("test"));
            Files.writeString(rulesDir.resolve("test/spinning.drl"), SPINNING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    @Autowired
    LiveAnalyzer live;

    @Autowired
    RuleEditingService editing;

    @Autowired
    WebApplicationContext context;

    static Plan plan(String name) {
        return AnalysisFixtures.plan("US-TX", Power.GRID).name(name).phase("2028-06-30", 1000).build();
    }

    /** Runs {@code work} as a signed-in user, as a request would. */
    static <T> T as(String name, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, "",
                List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static Throwable refusal(Supplier<?> work) {
        try {
            work.get();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void aStuckAnalysisIsGivenUpWhileOtherUsersAndTheFixGoOn() throws Exception {
        Plan ordinary = plan("An ordinary plan");
        as("bob", () -> live.analyze(ordinary, Map.of()));
        ExecutorService mallory = Executors.newFixedThreadPool(2);
        List<StuckAnalysis> stuck;
        try {
            // Two stuck analyses at once would have pinned both slots for as long as they spin.
            Future<Throwable> first = mallory.submit(() -> as("mallory", () -> refusal(() -> live.analyze(plan("PROBE-HANG 1"),
                    Map.of()))));
            Future<Throwable> second = mallory.submit(() -> as("mallory", () -> refusal(() -> live.analyze(
                    plan("PROBE-HANG 2"), Map.of()))));
            for (Future<Throwable> f : List.of(first, second)) {
                assertThat(f.get()).isInstanceOf(AnalysisException.class).hasMessageContaining("was given up")
                        .hasMessageContaining("ms of CPU").hasMessageContaining("its slot went to the next analysis");
            }
        } finally {
            mallory.shutdown();
        }
        stuck = live.stuckAnalyses();
        assertThat(stuck).hasSize(2).allSatisfy(s -> assertThat(s.stillRunning()).as(s.describe()).isTrue());

        // Another user is answered while both stuck analyses still run.
        Analysis answered = as("bob", () -> live.analyze(ordinary, Map.of()));
        assertThat(answered.demand()).isNotEmpty();
        assertThat(stuck).allSatisfy(s -> assertThat(s.stillRunning()).isTrue());

        // The same plan is refused at once while it is stuck, rather than stacking more spinning threads.
        assertThatThrownBy(() -> as("mallory", () -> live.analyze(plan("PROBE-HANG 1"), Map.of())))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("still stuck");

        // The rules page flags the rule set with what was stuck and where.
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String page = mvc.perform(get("/rules").with(user("expert").roles("ANALYST", "EXPERT"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"stuck\"").contains("PROBE-HANG 1").contains("PROBE-HANG 2")
                .contains("left 2 analyses stuck");

        // The expert's fix is published while the stuck threads still spin: a publish takes no analysis slot.
        editing.publish(Map.of("test/spinning.drl", SPINNING.replace("name.startsWith(\"PROBE-HANG\")",
                "name == \"no such plan\"")), editing.liveVersion(), "expert", "the probe rule spun for seconds");
        assertThat(stuck).anySatisfy(s -> assertThat(s.stillRunning()).as("a stuck analysis at the fix").isTrue());
        assertThat(live.stuckAnalyses()).as("the new rule set has nothing stuck").isEmpty();
        assertThat(as("mallory", () -> live.analyze(plan("PROBE-HANG 1"), Map.of())).demand()).isNotEmpty();

        // No thread is left spinning: the stuck ones end on their own (bounded work), within minutes at worst.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (stuck.stream().anyMatch(StuckAnalysis::stillRunning) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(stuck).noneMatch(StuckAnalysis::stillRunning);
        assertThat(CpuWatch.stuckCount()).isZero();
    }
}
