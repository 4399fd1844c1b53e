package io.firstwall.ruletests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.firstwall.analysis.AnalysisFixtures;

/**
 * A rule test's plan is inline JSON or the bare file name of an example plan, read only inside
 * data/plans: a path anywhere else is refused in words that echo nothing the server read (the
 * December 2026 probe read /etc/shadow's first word and a whole one-line secret this way).
 */
class RuleTestsTests {

    static final String SECRET = "PROBE_SECRET_TOKEN_abc123";

    @TempDir
    static Path data;
    static Path outside;

    @BeforeAll
    static void dataDirectory() throws IOException {
        Path plans = Files.createDirectories(data.resolve("plans"));
        Files.copy(AnalysisFixtures.DATA_DIR.resolve("plans/memphis-onsite-gas-1gw.json"),
                plans.resolve("memphis-onsite-gas-1gw.json"));
        outside = Files.writeString(data.resolve("secret.txt"), SECRET);
        Files.writeString(plans.resolve("secret.json"), SECRET);
        Files.createSymbolicLink(plans.resolve("link.json"), outside);
        Files.writeString(plans.resolve("huge.json"), "{\"name\": \"" + "x".repeat((int) RuleTests.MAX_PLAN_BYTES) + "\"}");
        Files.createDirectories(plans.resolve("folder.json"));
    }

    static RuleTestResult run(String planValue) {
        String test = "{\"plan\": " + planValue + ", \"expect\": {\"firstWall\": \"none\"}}";
        List<RuleTestResult> results = RuleTests.run(Map.of("tests/t.json", test), AnalysisFixtures.ANALYZER,
                AnalysisFixtures.FACTS, data);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void anExamplePlanIsNamedByItsBareFileName() {
        RuleTestResult result = run("\"memphis-onsite-gas-1gw.json\"");
        assertThat(result.actual()).startsWith("firstWall TURBINE_SUPPLY");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/etc/shadow", "/etc/passwd", "/proc/self/environ", "/dev/zero", "../secret.txt",
            "../../../../../etc/hostname", "plans/memphis-onsite-gas-1gw.json", "data/plans/memphis-onsite-gas-1gw.json",
            "./memphis-onsite-gas-1gw.json", "..", "link.json", "folder.json", "nonexistent.json", "secret.txt",
            "C:\\\\Windows\\\\win.ini"})
    void aPathOutsideTheExamplePlansIsRefusedAndNothingReadIsEchoed(String path) {
        RuleTestResult result = run("\"" + path.replace("\\", "\\\\") + "\"");
        assertThat(result.passed()).isFalse();
        assertThat(result.actual()).startsWith("cannot run: ").contains("data/plans")
                .doesNotContain(SECRET).doesNotContain("root").doesNotContain("Unrecognized token");
    }

    @Test
    void anExamplePlanThatIsNoPlanIsNamedWithoutItsContent() {
        RuleTestResult result = run("\"secret.json\"");
        assertThat(result.actual()).contains("secret.json", "is not a valid plan").doesNotContain(SECRET);
    }

    @Test
    void anExamplePlanOverTheSizeCapIsRefusedUnread() {
        assertThat(run("\"huge.json\"").actual()).contains("huge.json is larger than 1024 KiB");
    }

    @Test
    void aPlanThatIsNeitherAnObjectNorANameIsRefusedInWords() {
        assertThat(run("42").actual()).contains("the file name of an example plan in data/plans");
    }

    @Test
    void theRepositoryRuleTestsNameTheirPlansByBareFileName() {
        RuleTests.read(AnalysisFixtures.RULES_DIR).forEach((file, text) -> assertThat(text).as(file)
                .doesNotContain("\"plans/"));
    }
}
