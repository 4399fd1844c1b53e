package io.firstwall.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Json;
import io.firstwall.editing.FactEditingService;
import io.firstwall.security.ApiTokenService;

/**
 * Malformed, oversized and absurd requests over real HTTP get a clear 4xx problem, never a 500, and
 * leave nothing behind.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:hostile-requests-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class HostileRequestTests {

    static Path rulesDir;
    static Path dataDir;

    @DynamicPropertySource
    static void copies(DynamicPropertyRegistry registry) {
        rulesDir = AnalysisFixtures.copyOfRules();
        dataDir = AnalysisFixtures.copyOfData();
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
        registry.add("firstwall.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    FactEditingService facts;

    String expert;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void token() {
        expert = "Bearer " + tokens.create("expert", "hostile requests");
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", expert).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String plan(String accelerators, String online) throws Exception {
        return Files.readString(Path.of("data/plans/h100-expansion-feasible.json"))
                .replace("\"accelerators\": 10000", "\"accelerators\": " + accelerators)
                .replace("\"online\": \"2027-03-31\"", "\"online\": \"" + online + "\"");
    }

    @Test
    void aHugeAcceleratorCountIsAFieldError() throws Exception {
        for (String count : new String[] {"9223372036854775808", "9223372036854775807", "1e300", "-1"}) {
            for (String path : new String[] {"/api/analyses", "/api/plans"}) {
                HttpResponse<String> r = post(path, plan(count, "2027-03-31"));
                assertThat(r.statusCode()).as(count + " to " + path + ": " + r.body()).isBetween(400, 499);
                assertThat(r.body()).contains("accelerators");
            }
        }
    }

    @Test
    void anAbsurdYearIsAFieldErrorInPlainWords() throws Exception {
        for (String date : new String[] {"+999999999-12-31", "99999-01-01", "0000-01-01", "2027-02-30"}) {
            HttpResponse<String> r = post("/api/analyses", plan("10000", date));
            assertThat(r.statusCode()).as(date + ": " + r.body()).isBetween(400, 499);
            assertThat(r.body()).as(date).doesNotContain("DateTimeException").doesNotContain("java.");
        }
    }

    @Test
    void aPlanOverOneMebibyteIs413OnEveryPlanEndpoint() throws Exception {
        String big = plan("10000", "2027-03-31").replace("\"name\": \"", "\"name\": \"" + "x".repeat(1_100_000));
        for (String path : new String[] {"/api/plans", "/api/analyses"}) {
            HttpResponse<String> r = post(path, big);
            assertThat(r.statusCode()).as(path).isEqualTo(413);
            assertThat(r.body()).contains("1 MiB");
        }
    }

    @Test
    void aMillionRowFactsCsvOverTheApiIs413() throws Exception {
        StringBuilder csv = new StringBuilder("id,value,low,high,unit,as_of,source,status,note\n");
        for (int i = 0; csv.length() < 2_000_000; i++) {
            csv.append("x.").append(i).append(",1,,,W,2024,s,primary,\n");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", Map.of("facts/huge.csv", csv.toString()));
        HttpResponse<String> r = post("/api/facts/validate", Json.MAPPER.writeValueAsString(body));
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void factsValidateAndPublishNeedNoAcceptNewAnswersField() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", Map.of("facts/power.csv", facts.liveFiles().get("facts/power.csv")));
        HttpResponse<String> r = post("/api/facts/validate", Json.MAPPER.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        body.put("baseVersion", facts.liveVersion());
        body.put("message", "nothing really");
        r = post("/api/facts/publish", Json.MAPPER.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }

    @Test
    void aVeryLongOrDeepFilePathIsRefusedAndLeavesNothingBehind() throws Exception {
        String longName = "facts/" + "a".repeat(300) + ".csv";
        String deep = "facts/" + "a/".repeat(2_048) + "x.csv";
        String rule = "grid/" + "b".repeat(300) + ".drl";
        for (String[] call : new String[][] {{"/api/facts/validate", longName}, {"/api/facts/publish", longName},
                {"/api/facts/validate", deep}, {"/api/rules/validate", rule}, {"/api/rules/publish", rule}}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("files", Map.of(call[1], "id,value,low,high,unit,as_of,source,status,note\n"));
            body.put("baseVersion", "x");
            body.put("message", "long");
            HttpResponse<String> r = post(call[0], Json.MAPPER.writeValueAsString(body));
            assertThat(r.statusCode()).as(call[0] + " " + call[1].length() + ": " + r.body()).isBetween(400, 499);
            assertThat(r.body()).contains("at most 120 characters");
        }
        for (Path dir : new Path[] {rulesDir, dataDir}) {
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".publish-"));
            }
        }
    }

    @Test
    void anOverlongPublishMessageIsRefusedBeforeAnythingGoesLive() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", Map.of("facts/power.csv", facts.liveFiles().get("facts/power.csv") + "\n"));
        body.put("baseVersion", facts.liveVersion());
        body.put("message", "m".repeat(2_500));
        String before = facts.liveVersion();
        HttpResponse<String> r = post("/api/facts/publish", Json.MAPPER.writeValueAsString(body));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("at most 2000 characters");
        assertThat(facts.liveVersion()).isEqualTo(before);
    }
}
