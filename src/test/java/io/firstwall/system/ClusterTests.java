package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.firstwall.FirstwallApplication;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.cli.BatchCommand;
import io.firstwall.plan.Json;
import tools.jackson.databind.JsonNode;

/**
 * Several JVMs on one PostgreSQL, as a deployment runs them: two app nodes serving one live rule set,
 * and the nightly run partitioned across batch workers, one of them killed mid-partition. Each test
 * gets a schema of its own; without PostgreSQL they are skipped and say why (see {@link TestDatabase}).
 */
@Tag("postgres")
class ClusterTests {

    private static final String EXPERT = "Basic " + Base64.getEncoder().encodeToString("expert:expert".getBytes(
            StandardCharsets.UTF_8));
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    private Process start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), FirstwallApplication.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process node(TestDatabase.Postgres pg, int port, Path log) throws IOException {
        return node(pg, port, log, AnalysisFixtures.copyOfRules());
    }

    private Process node(TestDatabase.Postgres pg, int port, Path log, Path rulesDir) throws IOException {
        List<String> args = new ArrayList<>(pg.springArgs());
        args.addAll(List.of("--server.port=" + port, "--firstwall.rules-dir=" + rulesDir,
                "--firstwall.data-dir=" + AnalysisFixtures.copyOfData(), "--firstwall.batch.cron=-",
                "--firstwall.cluster.poll=500ms"));
        return start(log, args);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", EXPERT)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", EXPERT)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode rules(int port) throws Exception {
        return Json.MAPPER.readTree(get(port, "/api/rules").body());
    }

    private void awaitUp(int port, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("the node stopped; its log: " + Files.readString(log)).isTrue();
            try {
                if (get(port, "/api/rules").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node on port " + port + " did not start; its log: " + Files.readString(log));
    }

    /** The rule file the publishes edit, with one more comment line (a new version, the same answers). */
    private static Map<String, String> withComment(JsonNode rules, String comment) {
        String path = "grid/grid_interconnect.drl";
        return Map.of(path, rules.get("files").get(path).asString() + "\n// " + comment + "\n");
    }

    @Test
    void twoNodesServeOneLiveRuleSetAndAgreeOnConflicts(@TempDir Path dir) throws Exception {
        TestDatabase.Postgres pg = TestDatabase.freshPostgres();
        int portA = freePort();
        int portB = freePort();
        Path rulesOfA = AnalysisFixtures.copyOfRules();
        Process a = node(pg, portA, dir.resolve("a.log"), rulesOfA);
        awaitUp(portA, a, dir.resolve("a.log"));
        Process b = node(pg, portB, dir.resolve("b.log"));
        awaitUp(portB, b, dir.resolve("b.log"));
        String first = rules(portA).get("version").asString();
        assertThat(rules(portB).get("version").asString()).isEqualTo(first);

        // A publish on A is served by B within 5 s.
        HttpResponse<String> published = post(portA, "/api/rules/publish", Map.of("files",
                withComment(rules(portA), "published on node A"), "baseVersion", first, "message", "cluster test"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        String second = Json.MAPPER.readTree(published.body()).get("version").asString();
        long since = System.nanoTime();
        while (!rules(portB).get("version").asString().equals(second)
                && System.nanoTime() - since < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(100);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        assertThat(rules(portB).get("version").asString()).as("B serves A's publish").isEqualTo(second);
        assertThat(took).as("B swapped within 5 s").isLessThan(Duration.ofSeconds(5));
        assertThat(rules(portB).get("files").get("grid/grid_interconnect.drl").asString()).contains("published on node A");
        System.out.println("Node B served node A's publish after " + took.toMillis() + " ms");

        // Concurrent publishes on the same version, one on each node: one wins, the other is told (409).
        JsonNode live = rules(portA);
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> quietly(() -> post(portA,
                "/api/rules/publish", Map.of("files", withComment(live, "race on A"), "baseVersion", second, "message",
                        "race A"))));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> quietly(() -> post(portB,
                "/api/rules/publish", Map.of("files", withComment(live, "race on B"), "baseVersion", second, "message",
                        "race B"))));
        HttpResponse<String> ra = onA.get();
        HttpResponse<String> rb = onB.get();
        assertThat(List.of(ra.statusCode(), rb.statusCode())).as(ra.body() + "\n" + rb.body())
                .containsExactlyInAnyOrder(201, 409);
        HttpResponse<String> loser = ra.statusCode() == 409 ? ra : rb;
        assertThat(loser.body()).contains("Conflict");
        String winner = ra.statusCode() == 201 ? "race on A" : "race on B";
        String third = Json.MAPPER.readTree((ra.statusCode() == 201 ? ra : rb).body()).get("version").asString();
        since = System.nanoTime();
        while ((!rules(portA).get("version").asString().equals(third) || !rules(portB).get("version").asString()
                .equals(third)) && System.nanoTime() - since < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(100);
        }
        for (int port : new int[] {portA, portB}) {
            String text = rules(port).get("files").get("grid/grid_interconnect.drl").asString();
            assertThat(text).as("both nodes serve the winner's rules").contains(winner).contains("published on node A");
            assertThat(text).doesNotContain(winner.equals("race on A") ? "race on B" : "race on A");
        }
        try (Connection c = pg.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select kind, message from rule_revision order by id")) {
            List<String> revisions = new ArrayList<>();
            while (rs.next()) {
                revisions.add(rs.getString(1) + ": " + rs.getString(2));
            }
            assertThat(revisions).as("the first, A's publish and the race's winner; no external or lost revision")
                    .hasSize(3).allMatch(r -> !r.startsWith("external"));
        }

        // An outside edit of A's rules/ is checked and published like any publish, and B serves it.
        Path file = rulesOfA.resolve("grid/grid_interconnect.drl");
        Files.writeString(file, Files.readString(file) + "// edited outside firstwall on node A\n");
        since = System.nanoTime();
        while (!rules(portB).get("files").get("grid/grid_interconnect.drl").asString().contains("edited outside")
                && System.nanoTime() - since < Duration.ofSeconds(20).toNanos()) {
            Thread.sleep(100);
        }
        assertThat(rules(portB).get("files").get("grid/grid_interconnect.drl").asString())
                .as("B serves the outside edit made on A").contains("edited outside firstwall on node A");
        assertThat(rules(portB).get("version").asString()).isEqualTo(rules(portA).get("version").asString());
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T quietly(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final int PLANS = 10_000;

    @Test
    void aPartitionedRunSurvivesAWorkerKilledMidPartition(@TempDir Path dir) throws Exception {
        TestDatabase.Postgres pg = TestDatabase.freshPostgres();
        pg.migrate();
        try (Connection c = pg.connect()) {
            TestDatabase.insertPlanVariants(c, PLANS);
        }
        List<String> common = new ArrayList<>(pg.springArgs());
        common.addAll(List.of("--firstwall.rules-dir=" + AnalysisFixtures.copyOfRules(), "--firstwall.data-dir="
                + AnalysisFixtures.copyOfData(), "--firstwall.batch.chunk-size=50", "--firstwall.batch.samples=0",
                "--firstwall.batch.cheapest-fix=false",
                "--firstwall.rules-watch=false"));
        List<String> worker = new ArrayList<>(List.of("batch", "--worker", "--firstwall.batch.worker-poll=200ms"));
        worker.addAll(common);
        Path log1 = dir.resolve("worker1.log");
        Path log2 = dir.resolve("worker2.log");
        Process w1 = start(log1, worker);
        Process w2 = start(log2, worker);
        List<String> manager = new ArrayList<>(List.of("batch", "--out", dir.resolve("reports").toString(),
                "--firstwall.batch.partitions=4"));
        manager.addAll(common);
        Process m = start(dir.resolve("manager.log"), manager);

        // Kill worker 1 as soon as it has analysed its first chunk: its partition is in progress.
        Pattern started = Pattern.compile("started (analyzePartition:partition\\d)");
        String killedIn = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (killedIn == null && System.nanoTime() < deadline && m.isAlive()) {
            String text = Files.readString(log1);
            Matcher s = started.matcher(text);
            String current = null;
            while (s.find()) {
                current = s.group(1);
            }
            if (current != null && text.lastIndexOf("plans of " + current) > text.lastIndexOf("started " + current)) {
                w1.destroyForcibly();
                w1.waitFor();
                killedIn = current;
            }
            Thread.sleep(20);
        }
        assertThat(killedIn).as("worker 1 analysed a chunk while the run went on; its log: " + Files.readString(log1)
                + "\nmanager: " + Files.readString(dir.resolve("manager.log"))).isNotNull();

        assertThat(m.waitFor(300, TimeUnit.SECONDS)).as("the manager finished").isTrue();
        assertThat(m.exitValue()).as(Files.readString(dir.resolve("manager.log"))).isZero();
        assertThat(Files.readString(log2)).as("worker 2 redid the partition worker 1 was killed in")
                .contains("started " + killedIn);
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from report_row")).isEqualTo(PLANS);
            assertThat(count(s, "select count(distinct item_key) from report_row")).isEqualTo(PLANS);
            assertThat(count(s, "select count(*) from BATCH_STEP_EXECUTION where step_name like 'analyzePartition:%'"
                    + " and status = 'COMPLETED'")).isEqualTo(4);
            assertThat(count(s, "select count(*) from INT_CHANNEL_MESSAGE")).isZero();
        }
        assertThat(w2.isAlive()).as("worker 2 goes on waiting for the next run").isTrue();
    }

    @Test
    void theCliBatchRunsOnPostgres(@TempDir Path dir) throws Exception {
        TestDatabase.Postgres pg = TestDatabase.freshPostgres();
        List<String> args = new ArrayList<>(List.of("batch", "--out", dir.resolve("reports").toString(),
                "--firstwall.rules-dir=" + AnalysisFixtures.copyOfRules(), "--firstwall.data-dir="
                        + AnalysisFixtures.copyOfData(), "--firstwall.batch.samples=0", "--firstwall.rules-watch=false"));
        args.addAll(pg.springArgs());
        int status = new BatchCommand(System.out, System.err).run(FirstwallApplication.class, args.toArray(String[]::new));
        assertThat(status).isZero();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            long plans = count(s, "select count(*) from saved_plan");
            assertThat(plans).as("the example plans, seeded at start").isGreaterThan(5);
            assertThat(count(s, "select count(*) from report_row where status = 'OK'")).isEqualTo(plans
                    + count(s, "select count(*) from scenario"));
            assertThat(count(s, "select count(*) from report_run where finished_at is not null")).isEqualTo(1);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
