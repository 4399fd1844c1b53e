package io.firstwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.firstwall.plan.Json;
import tools.jackson.databind.JsonNode;

class CliTests {

    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheFirstWallAndCascadeAsText() {
        Run run = cli("analyze", "data/plans/memphis-onsite-gas-1gw.json");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("first wall: TURBINE_SUPPLY, binds on 2026-12-31, slip 49 months")
                .contains("cascade: TURBINE_SUPPLY -> CONSTRUCTION -> ELECTRICAL_EQUIPMENT -> PERMITS -> CHIP_SUPPLY -> MEMORY_SUPPLY");
    }

    @Test
    void printsOneJsonObjectForOnePlan() {
        Run run = cli("analyze", "data/plans/nova-grid-1gw.json", "--json");
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(run.status()).isZero();
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("firstWall").get("factor").asString()).isEqualTo("GRID_INTERCONNECT");
        assertThat(json.get("firstWall").get("bindsOn").asString()).isEqualTo("2027-06-30");
        assertThat(json.get("firstWall").get("slipMonths").asInt()).isEqualTo(58);
        assertThat(json.get("firstWall").get("explanation").asString()).contains("queue wait in US-VA");
        assertThat(json.get("plan").get("name").asString()).isEqualTo("1 GW grid-tied campus in Northern Virginia");
        assertThat(json.get("demand").size()).isEqualTo(2);
        assertThat(json.get("feasible").asBoolean()).isFalse();
        assertThat(json.get("cascade").get(0).asString()).isEqualTo("GRID_INTERCONNECT");
        assertThat(json.get("factBaseVersion").asString()).as("the version of the fact files it read").hasSize(16);
    }

    @Test
    void withSamplesItSaysHowSureReproducibly() {
        String southaven = "data/plans/southaven-gas-equipment-secured.json";
        Run text = cli("analyze", southaven, "--samples", "400", "--seed", "9");
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("how sure (400 samples, seed 9):").containsPattern("first wall PERMITS +\\d+\\.\\d%")
                .containsPattern("first wall TURBINE_SUPPLY +\\d+\\.\\d%")
                .contains("feasible as planned").contains("delay P10/P50/P90").contains("chip.buyer_share")
                .contains("at low 0.02:");
        Run json = cli("analyze", southaven, "--samples", "400", "--seed", "9", "--json");
        JsonNode first = Json.MAPPER.readTree(json.out());
        assertThat(first.get("firstWall").get("factor").asString()).isEqualTo("PERMITS");
        assertThat(first.get("uncertainty").get("samples").asInt()).isEqualTo(400);
        assertThat(first.get("uncertainty").get("firstWallProbability").get("PERMITS").asDouble()).isBetween(0.5, 0.97);
        Run again = cli("analyze", southaven, "--samples", "400", "--seed", "9", "--json");
        assertThat(again.out()).isEqualTo(json.out());
    }

    @Test
    void aBadSampleCountIsAUsageError() {
        for (String bad : new String[] {"0", "-5", "lots", "100001"}) {
            Run run = cli("analyze", "data/plans/orbital-cluster-1gw.json", "--samples", bad);
            assertThat(run.status()).as(bad).isEqualTo(2);
            assertThat(run.err()).contains("--samples needs a whole number from 1 to 100000");
        }
        assertThat(cli("analyze", "data/plans/orbital-cluster-1gw.json", "--seed").err()).contains("--seed needs a whole number");
    }

    @Test
    void printsAnArrayForSeveralPlans() {
        Run run = cli("analyze", "--json", "data/plans/nova-grid-1gw.json", "data/plans/h100-expansion-feasible.json");
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get(1).get("feasible").asBoolean()).isTrue();
        assertThat(json.get(1).get("firstWall").isNull()).isTrue();
    }

    @Test
    void aBadPlanNamesTheFieldAndFails(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("bad.json");
        Files.writeString(plan, Files.readString(Path.of("data/plans/nova-grid-1gw.json")).replace("\"GRID\"", "\"WIND\""));
        Run run = cli("analyze", plan.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("bad.json: invalid plan").contains("power: 'WIND' is not one of");
    }

    @Test
    void aMissingFileFails() {
        Run run = cli("analyze", "no-such-plan.json");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("no-such-plan.json: cannot read the file");
    }

    @Test
    void aBrokenRuleSetFailsWithFileLineColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.drl"), "package rules;\nrule \"X-001 Oops\" when Plan( then end\n");
        Run run = cli("analyze", "data/plans/nova-grid-1gw.json", "--rules", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("the rule set does not compile").containsPattern("rules/bad.drl:2:\\d+ ");
    }

    @Test
    void wrongUsageShowsTheUsage() {
        assertThat(cli().status()).isEqualTo(2);
        assertThat(cli("analyze").err()).contains("no plan file given").contains("usage:");
        assertThat(cli("analyze", "--bogus", "x.json").err()).contains("unknown option --bogus");
        assertThat(cli("analyze", "x.json", "--rules").err()).contains("--rules needs a directory");
    }

    /** "analyse" once started the whole web server; now it is an unknown command, with the nearest. */
    @Test
    void anUnknownFirstWordIsSaidToBeOneWithTheNearestCommand() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer exit = io.firstwall.FirstwallApplication.command(new String[] {"analyse", "data/plans/nova-grid-1gw.json"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'analyse'; did you mean analyze?");
        assertThat(io.firstwall.FirstwallApplication.command(new String[] {"--server.port=0"}, System.out, System.err))
                .as("options alone start the web app").isNull();
    }

    @Test
    void aPlanFileWithAByteOrderMarkIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path plan = dir.resolve("bom.json");
        java.nio.file.Files.writeString(plan, "\uFEFF" + java.nio.file.Files.readString(
                java.nio.file.Path.of("data/plans/nova-grid-1gw.json")));
        Run run = cli("analyze", plan.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("first wall: GRID_INTERCONNECT");
    }

    @Test
    void theBudgetIsACpuTimeOption() {
        assertThat(cli("analyze", "data/plans/nova-grid-1gw.json", "--budget", "5s").status()).isZero();
        Run bad = cli("analyze", "data/plans/nova-grid-1gw.json", "--budget", "soon");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--budget needs a CPU time such as 2s, 500ms or 1m");
    }

    /** With three busy loops beside it, every example plan and every backtest plan analyses with the default budget. */
    @Test
    void threeBusyLoopsBesideItDoNotMakeTheCommandLineRefuseRealPlans() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.List<Thread> busy = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x += System.nanoTime() % 7;
                }
                SINK.set(x);
            });
            t.setDaemon(true);
            t.start();
            busy.add(t);
        }
        try (java.util.stream.Stream<java.nio.file.Path> plans = java.nio.file.Files.list(java.nio.file.Path.of("data/plans"))) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("analyze"));
            plans.sorted().forEach(p -> args.add(p.toString()));
            Run run = cli(args.toArray(String[]::new));
            assertThat(run.status()).as(run.err()).isZero();
            Run backtest = cli("backtest");
            assertThat(backtest.status()).as(backtest.err()).isZero();
            assertThat(backtest.err()).doesNotContain("ms of CPU");
        } finally {
            stop.set(true);
            for (Thread t : busy) {
                t.join();
            }
        }
    }

    static final java.util.concurrent.atomic.AtomicLong SINK = new java.util.concurrent.atomic.AtomicLong();
}
