package io.firstwall.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import io.firstwall.FirstwallApplication;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Json;
import io.firstwall.editing.RuleEditingService;
import io.firstwall.security.ApiTokenService;

/**
 * The API at full speed, over real HTTP on loopback: 24 concurrent clients post the example plans
 * to {@code POST /api/analyses} with a personal API token for a fixed time, while an expert
 * publishes a rule change (and back) three times; then the same load with HTTP Basic for
 * comparison. Prints analyses per second, errors and each publish's time. Run from the repository
 * root: {@code ... io.firstwall.bench.ApiBenchmark [seconds]} (default 20).
 */
public final class ApiBenchmark {

    static final int CLIENTS = 24;

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path rules = AnalysisFixtures.copyOfRules();
        Path data = AnalysisFixtures.copyOfData();
        try (var context = new SpringApplicationBuilder(FirstwallApplication.class).run("--server.port=0",
                "--firstwall.batch.cron=-", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.datasource.url=jdbc:h2:mem:api-bench;DB_CLOSE_DELAY=-1", "--firstwall.rules-dir=" + rules,
                "--firstwall.data-dir=" + data)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ApiTokenService tokens = context.getBean(ApiTokenService.class);
            String analyst = "Bearer " + tokens.create("analyst", "benchmark");
            String expert = "Bearer " + tokens.create("expert", "benchmark");
            String basic = "Basic " + Base64.getEncoder().encodeToString("analyst:analyst".getBytes());
            List<String> plans = new ArrayList<>();
            try (var files = Files.list(data.resolve("plans"))) {
                for (Path f : files.sorted().toList()) {
                    plans.add(Files.readString(f));
                }
            }
            RuleEditingService editing = context.getBean(RuleEditingService.class);
            String base = "http://127.0.0.1:" + port;
            load(base, plans, analyst, 5, null, null);
            System.out.println("token auth, " + CLIENTS + " clients, " + seconds + " s, 3 publishes during the run:");
            load(base, plans, analyst, seconds, editing, expert);
            System.out.println("HTTP Basic (bcrypt per request), " + CLIENTS + " clients, " + Math.min(10, seconds) + " s:");
            load(base, plans, basic, Math.min(10, seconds), null, null);
        }
    }

    static void load(String base, List<String> plans, String authorization, int seconds, RuleEditingService editing,
            String expert) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                int i = client;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/analyses"))
                            .header("Authorization", authorization).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(plans.get(i++ % plans.size()))).build();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() == 200 ? ok : errors).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        List<String> publishes = new ArrayList<>();
        if (editing != null) {
            String table = "permits/permits_by_region.drl.csv";
            for (int p = 0; p < 3; p++) {
                Thread.sleep(Duration.ofSeconds(seconds).toMillis() / 4);
                String live = editing.liveFiles().get(table);
                String changed = live.contains("US-TN,ONSITE_GAS,,FUEL_CELL,100,") ? live.replace("US-TN,ONSITE_GAS,,FUEL_CELL,100,",
                        "US-TN,ONSITE_GAS,,FUEL_CELL,150,") : live.replace("US-TN,ONSITE_GAS,,FUEL_CELL,150,", "US-TN,ONSITE_GAS,,FUEL_CELL,100,");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("files", Map.of(table, changed));
                body.put("baseVersion", editing.liveVersion());
                body.put("message", "benchmark publish " + (p + 1));
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/rules/publish"))
                        .header("Authorization", expert).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                publishes.add(String.format("%d in %d ms", response.statusCode(), (System.nanoTime() - t0) / 1_000_000));
            }
        }
        for (Future<?> f : running) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        System.out.printf("  %,d analyses in %.1f s = %,.0f analyses/s, %d errors%s%n", ok.get(), elapsed,
                ok.get() / elapsed, errors.get(), publishes.isEmpty() ? "" : "; publishes: " + publishes);
    }
}
