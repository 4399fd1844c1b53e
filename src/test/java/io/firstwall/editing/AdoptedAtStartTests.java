package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.system.AuditLog;
import io.firstwall.system.TestDatabase;

/**
 * Rules changed on disk while the app was stopped are adopted at the next start as a revision by
 * "system", and the audit log says so (before, the adoption left no audit entry). The older revision is
 * recorded in an H2 database before the context starts, so the class runs on H2 only: the PostgreSQL
 * suite gives every context a fresh schema of its own, where that revision is not (the adoption itself
 * does not depend on the database; {@code ClusterTests} and {@code KilledPublishTests} run there).
 */
@SpringBootTest
@ActiveProfiles("test")
class AdoptedAtStartTests {

    static final String URL = "jdbc:h2:mem:adopted-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    static Connection keepOpen;

    @DynamicPropertySource
    static void anOlderRevisionRecorded(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.migrateH2(URL);
        keepOpen = DriverManager.getConnection(URL, "sa", "");
        Map<String, String> older = new TreeMap<>(KilledPublishTests.ruleSet(io.firstwall.analysis.AnalysisFixtures.RULES_DIR));
        older.computeIfPresent("grid/grid_interconnect.drl", (p, t) -> t + "// an older revision\n");
        new RevisionStore(JdbcClient.create(new SingleConnectionDataSource(keepOpen, true)), Clock.systemUTC(),
                "rule_revision", "rule set").record("expert", "an older publish", "publish", older, null, null);
        registry.add("spring.datasource.url", () -> URL);
        // The same H2 account as above, whatever database the run's environment names for the other tests.
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    AuditLog audit;

    @Test
    void rulesChangedWhileStoppedAreAdoptedAndAudited() {
        assertThat(audit.entries()).anySatisfy(e -> {
            assertThat(e.get("WHO")).isEqualTo("system");
            assertThat(e.get("ACTION")).isEqualTo("publish");
            assertThat((String) e.get("WHAT")).contains("rules/ as found at start");
            assertThat((String) e.get("WHY")).contains("changed outside firstwall while it was stopped");
        });
    }
}
