package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.firstwall.plan.Json;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.plan.Power;
import io.firstwall.rules.RuleCompiler;

/** Rules that never settle, outrun their CPU time or exhaust memory end as a clear refusal, never a hang or a crash. */
class AnalysisBudgetTests {

    static final Plan PLAN = AnalysisFixtures.plan("US-TX", Power.GRID).phase("2028-06-30", 100_000).build();

    static Map<String, String> withRule(String when, String then) {
        Map<String, String> files = new LinkedHashMap<>(AnalysisFixtures.RULES.files());
        files.put("test/budget.drl", "package rules.test;\nimport io.firstwall.plan.Plan;\nimport io.firstwall.analysis.Note;\n"
                + "rule \"T-001 Budget\"\nwhen\n" + when + "then\n    " + then + "\nend\n");
        return files;
    }

    /** Never settles: each note begets a longer one, a character longer. */
    static final Map<String, String> LOOPING = withRule("    $p : Plan()\n    $n : Note()\n",
            "insert(new Note($n.factor(), $n.ruleId(), $n.text() + \".\", $n.factIds()));");

    /**
     * Never settles either: each firing replaces a note with one forty characters longer. Each firing copies
     * the growing text while only the newest note of each chain is kept, so the CPU budget is spent long
     * before the engine's 100,000 firings, and memory stays small (with one character a firing a fast
     * machine reached the firing cap first; keeping every note ran out of memory first).
     */
    static final Map<String, String> LOOPING_SLOWLY = withRule("    $p : Plan()\n    $n : Note()\n",
            "delete($n); insert(new Note($n.factor(), $n.ruleId(), $n.text() + \" and so on, and so on, and so on, and so"
                    + " on.\", $n.factIds()));");

    @Test
    void aRuleThatOutrunsItsCpuTimeIsHaltedFromOutsideTheSession() {
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(LOOPING_SLOWLY), Duration.ofMillis(100));
        long start = System.nanoTime();
        // The first analysis on a rule base may use ten budgets: it also compiles the constraints.
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("used more than 1000 ms of CPU while analyzing")
                .hasMessageContaining("rule \"T-001 Budget\"");
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("used more than 100 ms of CPU while analyzing");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    /**
     * The budget counts the analysing thread's CPU time, not the clock: a thread that waits (as it does
     * on a machine whose cores are busy with other work) is not taken for a looping rule.
     */
    @Test
    void theBudgetCountsCpuTimeNotTheClock() {
        AnalysisFixtures.analyze(PLAN);
        Analysis a = Analyzer.guarded(AnalysisFixtures.RULES.kieBase().newKieSession(), PLAN, AnalysisFixtures.FACTS, true,
                Duration.ofSeconds(1), null, session -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, session -> AnalysisFixtures.analyze(PLAN));
        assertThat(a.demand()).isNotEmpty();
    }

    /** A consequence that would run for hours stops at Calc's next step once the watchdog halted it. */
    @Test
    void aHaltedAnalysisStopsInsideAConsequence() {
        String months = "Calc.monthly(\"T\", \"t\", $p.decisionDate(), $p.decisionDate().plusYears(100), 1.0,"
                + " $p.decisionDate(), $p.decisionDate(), 0, 1e18, \"T-001\", \"\", java.util.List.of())";
        Map<String, String> files = withRule("    $p : Plan()\n", "double n = 0; for (Object a : " + months
                + ") { for (Object b : " + months + ") { n = n + " + months + ".size(); } }");
        files.put("test/budget.drl", files.get("test/budget.drl").replace("import io.firstwall.analysis.Note;",
                "import io.firstwall.analysis.Note;\nimport io.firstwall.analysis.Calc;"));
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(files), Duration.ofMillis(50));
        long cpu = CpuWatch.currentCpu();
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("ms of CPU while analyzing");
        assertThat(Duration.ofNanos(CpuWatch.currentCpu() - cpu)).as("CPU used past the halt").isLessThan(Duration.ofSeconds(5));
    }

    /**
     * With three busy loops beside them on this machine, every example plan and every backtest plan
     * still analyses within the default budget (a clock budget refused real plans under load).
     */
    @Test
    void threeBusyLoopsBesideItDoNotMakeARealPlanOverrun() throws Exception {
        List<Plan> plans = new ArrayList<>();
        PlanReader reader = new PlanReader(AnalysisFixtures.FACTS, AnalysisFixtures.RULES.attributes());
        try (Stream<Path> files = Files.list(AnalysisFixtures.DATA_DIR.resolve("plans"))) {
            for (Path f : files.sorted().toList()) {
                plans.add(reader.read(Files.readString(f)));
            }
        }
        try (Stream<Path> files = Files.list(AnalysisFixtures.DATA_DIR.resolve("backtests"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                plans.add(reader.read(Json.MAPPER.readTree(Files.readString(f)).get("plan")));
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x += System.nanoTime() % 7;
                }
                Blackhole.sink = x;
            }, "busy-" + i);
            t.setDaemon(true);
            t.start();
            busy.add(t);
        }
        try {
            Analyzer fresh = new Analyzer(RuleCompiler.compile(AnalysisFixtures.RULES.files()));
            for (Plan p : plans) {
                assertThat(fresh.analyze(p, AnalysisFixtures.FACTS).plan()).as(p.name()).isEqualTo(p);
            }
        } finally {
            stop.set(true);
            for (Thread t : busy) {
                t.join();
            }
        }
    }

    /** Where the busy loops put their sums, so that no compiler drops the work. */
    static final class Blackhole {
        static volatile long sink;
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedAtTheFiringCap() {
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(LOOPING), Duration.ofMinutes(5));
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("fired " + Analyzer.MAX_FIRINGS + " times");
    }

    @Test
    void aRuleThatExhaustsMemoryIsAClearRefusal() {
        // Each firing doubles a note's text: no loop, no array, yet a billion characters after thirty firings.
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(withRule("    $p : Plan()\n    $n : Note()\n",
                "insert(new Note($n.factor(), $n.ruleId(), $n.text() + $n.text(), $n.factIds()));")), Duration.ofMinutes(5));
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("ran out of memory");
    }

    @Test
    void theRealRulesFinishWellWithinTheBudget() {
        Analysis a = AnalysisFixtures.ANALYZER.analyze(PLAN, AnalysisFixtures.FACTS);
        assertThat(a.demand()).isNotEmpty();
    }

    /** A wall's name made at run time is checked when the result is made: the analysis fails in words. */
    @Test
    void aWallNameMadeAtRunTimeThatNoReportCanHoldFailsTheAnalysisInWords() {
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(withRule("    $p : Plan()\n",
                "insert(new Note(\"SUBSTATION_AND_TRANSMISSION_\" + \"SWITCHGEAR_SUPPLY\", \"T-001\", \"x\", java.util.List.of()));")));
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("the wall name SUBSTATION_AND_TRANSMISSION_SWITCHGEAR_SUPPLY has 45 characters");
    }
}
