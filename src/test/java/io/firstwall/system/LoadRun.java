package io.firstwall.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.firstwall.FirstwallApplication;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.CpuWatch;
import io.firstwall.editing.FactEditingService;
import io.firstwall.plan.Json;
import io.firstwall.security.ApiTokenService;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load run of #31: the real app on a random port (H2 in memory, copies of the real rules and
 * data), 24 clients, each its own user with a personal API token, posting the example plans to
 * {@code POST /api/analyses} as fast as they are answered, while an expert publishes fact revisions;
 * after the first period the expert publishes a rule that spins for seconds for plans named
 * PROBE-HANG (the {@link StuckAnalysisTests#SPINNING} rule) and one client sends such plans; after
 * the second the fix is published. Each period lasts a third of the run after the publish that opens
 * it has answered. It prints, per period, the answers by status and the latencies of the ordinary
 * analyses, each publish's time, and whether any thread was left spinning. A measurement run by hand,
 * not a test:
 *
 * <pre>./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) io.firstwall.system.LoadRun 90</pre>
 */
public final class LoadRun {

    static final int CLIENTS = 24;

    enum Period { BEFORE, BAD_RULE_LIVE, AFTER_FIX }

    record Answer(Period period, boolean probe, int status, long micros) {
    }

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        Path rules = AnalysisFixtures.copyOfRules();
        Path data = AnalysisFixtures.copyOfData();
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--firstwall.rules-dir=" + rules,
                "--firstwall.data-dir=" + data, "--spring.datasource.url=jdbc:h2:mem:load;DB_CLOSE_DELAY=-1",
                "--logging.level.root=WARN", "--logging.level.io.firstwall=WARN"));
        // A list binds from one source: the demo accounts are restated here beside the clients.
        String[][] demo = {{"analyst", "ANALYST"}, {"expert", "ANALYST,EXPERT"}, {"admin", "ANALYST,EXPERT,ADMIN"}};
        for (int i = 0; i < demo.length; i++) {
            props.add("--firstwall.security.users[" + i + "].name=" + demo[i][0]);
            props.add("--firstwall.security.users[" + i + "].password={noop}" + demo[i][0]);
            props.add("--firstwall.security.users[" + i + "].roles=" + demo[i][1]);
        }
        for (int i = 0; i < CLIENTS; i++) {
            props.add("--firstwall.security.users[" + (3 + i) + "].name=" + client(i));
            props.add("--firstwall.security.users[" + (3 + i) + "].password={noop}load");
            props.add("--firstwall.security.users[" + (3 + i) + "].roles=ANALYST");
        }
        ConfigurableApplicationContext app = SpringApplication.run(FirstwallApplication.class, props.toArray(String[]::new));
        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        URI base = URI.create("http://localhost:" + port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> plans;
        try (Stream<Path> files = Files.list(Path.of("data/plans"))) {
            plans = files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        String probe = "{\"name\": \"PROBE-HANG %d\", \"location\": \"US-TX\", \"power\": \"GRID\", \"accelerator\": \"GB300\","
                + " \"decisionDate\": \"2026-01-15\", \"phases\": [{\"online\": \"2028-06-30\", \"accelerators\": 1000}]}";

        // Personal API tokens, as scripts use: HTTP Basic would check a bcrypt hash on every request.
        ApiTokenService tokens = app.getBean(ApiTokenService.class);
        List<String> bearer = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            bearer.add("Bearer " + tokens.create(client(i), "load run"));
        }
        String expert = "Bearer " + tokens.create("expert", "load run");

        AtomicReference<Period> period = new AtomicReference<>(Period.BEFORE);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        Map<String, String> publishes = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int me = i;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    Period now = period.get();
                    boolean sendsProbe = me == CLIENTS - 1 && now == Period.BAD_RULE_LIVE;
                    String body = sendsProbe ? probe.formatted(n % 3) : plans.get((me + n) % plans.size());
                    n++;
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(post(base.resolve("/api/analyses"), bearer.get(me), body),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    answers.add(new Answer(now, sendsProbe, status, (System.nanoTime() - t0) / 1000));
                }
            }, client(i));
            thread.start();
            clients.add(thread);
        }

        // Each period lasts a third of the run after the publish that opens it has answered.
        FactEditingService facts = app.getBean(FactEditingService.class);
        long third = seconds * 1000L / 3;
        Thread.sleep(third / 2);
        publishes.put("1 fact revision (before)", timed(() -> factRevision(facts, 1)));
        Thread.sleep(third / 2);
        String spinning = StuckAnalysisTests.SPINNING;
        publishes.put("2 the spinning rule", timed(() -> publishRule(http, base, expert, "test/spinning.drl", spinning,
                "a rule that spins")));
        period.set(Period.BAD_RULE_LIVE);
        Thread.sleep(third / 2);
        publishes.put("3 fact revision (bad rule live)", timed(() -> factRevision(facts, 2)));
        Thread.sleep(third / 2);
        long stuckAtFix = CpuWatch.stuckCount();
        publishes.put("4 the fix (" + stuckAtFix + " stuck analyses still running at the fix)", timed(() -> publishRule(http,
                base, expert, "test/spinning.drl", spinning.replace("name.startsWith(\"PROBE-HANG\")",
                        "name == \"no such plan\""), "the probe rule spun")));
        period.set(Period.AFTER_FIX);
        Thread.sleep(third / 2);
        publishes.put("5 fact revision (after the fix)", timed(() -> factRevision(facts, 3)));
        Thread.sleep(third / 2);
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        long waitedFor = System.nanoTime();
        while (CpuWatch.stuckCount() > 0 && System.nanoTime() - waitedFor < Duration.ofMinutes(3).toNanos()) {
            Thread.sleep(100);
        }
        long spinningAfter = (System.nanoTime() - waitedFor) / 1_000_000;

        System.out.printf(Locale.ROOT, "%nLoad run: %d clients with API tokens, periods of about %d s, %d cores, plans: %d examples; client %s sends PROBE-HANG"
                + " plans while the spinning rule is live%n", CLIENTS, seconds / 3, Runtime.getRuntime().availableProcessors(),
                plans.size(), client(CLIENTS - 1));
        System.out.println("period          | requests | 200 | 422 | 429 | other | ordinary p50 / p95 / max ms | probes: 422 / other statuses");
        for (Period p : Period.values()) {
            List<Answer> in = answers.stream().filter(a -> a.period() == p).toList();
            List<Long> ordinary = in.stream().filter(a -> !a.probe() && a.status() == 200).map(Answer::micros).sorted().toList();
            Map<Integer, Long> byStatus = new TreeMap<>();
            in.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
            long probes422 = in.stream().filter(a -> a.probe() && a.status() == 422).count();
            Map<Integer, Long> probesOther = new TreeMap<>();
            in.stream().filter(a -> a.probe() && a.status() != 422).forEach(a -> probesOther.merge(a.status(), 1L, Long::sum));
            long other = in.stream().filter(a -> a.status() != 200 && a.status() != 422 && a.status() != 429).count();
            System.out.printf(Locale.ROOT, "%-15s | %8d | %5d | %4d | %3d | %5d | %8.1f / %6.1f / %7.1f | %d / %s%n", p,
                    in.size(), byStatus.getOrDefault(200, 0L), byStatus.getOrDefault(422, 0L), byStatus.getOrDefault(429, 0L),
                    other, pct(ordinary, 50), pct(ordinary, 95), pct(ordinary, 100), probes422, probesOther);
        }
        new TreeMap<>(publishes).forEach((what, result) -> System.out.println("publish " + what + ": " + result));
        System.out.println("stuck analyses after the run: " + CpuWatch.stuckCount() + " (waited " + spinningAfter
                + " ms for the last spinning thread to end)");
        app.close();
        System.exit(0);
    }

    static String client(int i) {
        return String.format(Locale.ROOT, "client%02d", i + 1);
    }

    static HttpRequest post(URI uri, String authorization, String json) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static double pct(List<Long> sortedMicros, int p) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        int i = Math.min(sortedMicros.size() - 1, (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1);
        return sortedMicros.get(Math.max(0, i)) / 1000.0;
    }

    interface Step {
        String run() throws Exception;
    }

    static String timed(Step step) {
        long t0 = System.nanoTime();
        String result;
        try {
            result = step.run();
        } catch (Exception e) {
            result = "failed: " + e.getMessage();
        }
        return String.format(Locale.ROOT, "%s in %d ms", result, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A fact revision that moves answers a little: the design-hour PUE between 1.3 and 1.31, new answers accepted. */
    static String factRevision(FactEditingService facts, int n) {
        String file = "facts/power.csv";
        String text = facts.liveFiles().get(file);
        String from = n % 2 == 1 ? "pue.ai_site_peak,1.3," : "pue.ai_site_peak,1.31,";
        String to = n % 2 == 1 ? "pue.ai_site_peak,1.31," : "pue.ai_site_peak,1.3,";
        if (!text.contains(from)) {
            return "not run: " + from + " is not in " + file;
        }
        var revision = facts.publish(Map.of(file, text.replace(from, to)), facts.liveVersion(), "expert", "load run " + n, true);
        return "fact revision " + revision.id();
    }

    static String publishRule(HttpClient http, URI base, String expert, String file, String text, String message)
            throws Exception {
        HttpRequest get = HttpRequest.newBuilder(base.resolve("/api/rules")).header("Authorization", expert).build();
        String version = Json.MAPPER.readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body()).get("version")
                .asString();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("files").put(file, text);
        body.put("baseVersion", version).put("message", message);
        HttpResponse<String> answer = http.send(post(base.resolve("/api/rules/publish"), expert,
                Json.MAPPER.writeValueAsString(body)), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + (answer.statusCode() == 201 ? "" : " " + answer.body());
    }
}
