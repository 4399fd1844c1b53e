package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Plan;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.system.LiveAnalyzer;

/**
 * Unpublished rules run in a worker process with a CPU budget and a memory cap: a draft that spins
 * is stopped with its process, so no thread of the app or of the worker keeps spinning after the
 * answer; the app answers other users while the draft still runs; "why" on a draft runs there too.
 * (Until December 2026 a draft's rule tests ran on the app's own threads, and one kept a core busy
 * until restart after "did not finish within 30 s".)
 */
@Tag("database")
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:drafts-${random.uuid};DB_CLOSE_DELAY=-1",
        "firstwall.candidate-budget=10s"})
@ActiveProfiles("test")
class DraftSandboxTests {

    /** About ten seconds of CPU inside one accumulate, for every plan: past any draft's budget. */
    static final String SPINNING = """
            package rules.test;
            import io.firstwall.plan.Plan;
            import io.firstwall.analysis.Supply;
            import io.firstwall.analysis.Calc;
            import java.util.List;

            function double spin(List xs) { double n = 0; for (Object a : xs) { for (Object b : xs) { n = n + Math.sqrt(n + 1); } } return n; }

            rule "T-901 Supplies to spin over"
            when
                $p : Plan()
            then
                for (Object s : Calc.monthly("PROBE", "probe", $p.decisionDate(), $p.decisionDate().plusYears(100), 1.0,
                        $p.decisionDate(), $p.decisionDate(), 0, 1e18, "T-901", "", List.of())) {
                    insert(s);
                }
            end

            rule "T-902 Every supply spins over all of them"
            when
                $p : Plan()
                $all : List(size > 1000) from accumulate(Supply(lane == "probe", $s : this); collectList($s))
                $n : Number() from accumulate(Supply(lane == "probe"); sum(spin($all)))
            then
            end
            """;

    static Path rulesDir;

    @DynamicPropertySource
    static void rulesCopy(DynamicPropertyRegistry registry) {
        rulesDir = AnalysisFixtures.copyOfRules();
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    @Autowired
    RuleEditingService editing;

    @Autowired
    LiveAnalyzer live;

    @Autowired
    PlanStore plans;

    @Autowired
    WebApplicationContext context;

    /** Threads of this JVM that run rule code of a draft: none may exist, ever. */
    static Set<String> threadsInRuleCode() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().contains("candidate") || List.of(e.getValue()).stream()
                        .anyMatch(f -> f.getClassName().startsWith("rules.test")))
                .map(e -> e.getKey().getName()).collect(Collectors.toSet());
    }

    @AfterEach
    void noWorkerLeftSpinning() throws Exception {
        for (ProcessHandle p : DraftSandbox.processes()) {
            // An idle worker may stay; it uses no CPU while it waits for the next draft.
            long before = p.info().totalCpuDuration().orElseThrow().toMillis();
            Thread.sleep(300);
            assertThat(p.info().totalCpuDuration().orElseThrow().toMillis() - before).as("idle worker CPU").isLessThan(150);
        }
        assertThat(threadsInRuleCode()).isEmpty();
    }

    @Test
    void aSpinningDraftIsStoppedWithItsProcessWhileOthersAreAnswered() throws Exception {
        String before = editing.liveVersion();
        CompletableFuture<Validation> validating = CompletableFuture.supplyAsync(
                () -> editing.validate(Map.of("test/spinning.drl", SPINNING)));
        // The draft runs in a worker: wait until one is at work on it.
        ProcessHandle worker = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (worker == null && System.nanoTime() < deadline) {
            for (ProcessHandle p : DraftSandbox.processes()) {
                long cpu = p.info().totalCpuDuration().orElseThrow().toMillis();
                Thread.sleep(200);
                if (p.info().totalCpuDuration().orElseThrow().toMillis() - cpu > 100) {
                    worker = p;
                }
            }
            Thread.sleep(50);
        }
        assertThat(worker).as("a worker at work on the draft").isNotNull();

        // Another user's analysis is answered while the draft still runs.
        Plan plan = live.planReader().read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
        assertThat(live.analyze(plan, Map.of()).firstWall()).isNotNull();
        assertThat(validating).as("the draft still runs after the answer").isNotDone();
        assertThat(threadsInRuleCode()).isEmpty();

        Validation refused = validating.get(120, TimeUnit.SECONDS);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.errors()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("did not finish within 10 s of CPU").contains("were stopped, with the process they ran in")
                .contains("nothing was published"));
        ProcessHandle stopped = worker;
        assertThat(stopped.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(editing.liveVersion()).isEqualTo(before);

        // A fresh worker takes the next draft at once.
        Validation fine = editing.validate(Map.of("test/fine.drl", "package rules.test;\nimport io.firstwall.plan.Plan;\n"
                + "rule \"T-903 Harmless\"\nwhen\n    $p : Plan()\nthen\nend\n"));
        assertThat(fine.ok()).as(fine.errors().toString()).isTrue();
        assertThat(fine.ruleTests()).isNotEmpty().allSatisfy(t -> assertThat(t.passed()).isTrue());
    }

    @Test
    void whyOnADraftRunsInTheWorkerAndIsStoppedThere() throws Exception {
        SavedPlan saved = plans.list().get(0);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String page = mvc.perform(post("/rules/why").with(user("expert").roles("ANALYST", "EXPERT")).with(csrf())
                        .param("file", "test/spinning.drl").param("text", SPINNING)
                        .param("baseVersion", editing.liveVersion()).param("plan", Long.toString(saved.id())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as(page.substring(Math.max(0, page.indexOf("<main")), Math.min(page.length(), page.indexOf("<main") + 3000)))
                .contains("was stopped").contains("did not finish within 10 s of CPU");
        assertThat(threadsInRuleCode()).isEmpty();
        String fine = mvc.perform(post("/rules/why").with(user("expert").roles("ANALYST", "EXPERT")).with(csrf())
                        .param("file", "grid/grid_interconnect.drl").param("text", editing.liveFiles().get(
                                "grid/grid_interconnect.drl")).param("baseVersion", editing.liveVersion())
                        .param("plan", Long.toString(saved.id())))
                .andReturn().getResponse().getContentAsString();
        assertThat(fine).contains("id=\"why-summary\"").contains("not published");
    }
}
