package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.system.AuditLog;

/**
 * The app, started over a rules directory that a crash left mid-publish (journal written, files
 * half written, no revision), finds the old rule set on disk and live, and says so in the audit log.
 */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:recovery-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class PublishRecoveryTests {

    static Path rulesDir;
    static Map<String, String> before;

    @DynamicPropertySource
    static void crashedMidPublish(DynamicPropertyRegistry registry) throws Exception {
        rulesDir = AnalysisFixtures.copyOfRules();
        before = KilledPublishTests.ruleSet(rulesDir);
        Map<String, String> changes = KilledPublishTests.moveARuleBetweenFiles(before);
        PublishJournal.Entry journal = PublishJournal.begin(rulesDir, "rule_revision", changes, before);
        // Half the files written, as a kill between two renames leaves them.
        Map<String, PublishJournal.Change> half = new TreeMap<>();
        journal.files().entrySet().stream().limit(journal.files().size() / 2)
                .forEach(e -> half.put(e.getKey(), e.getValue()));
        PublishJournal.apply(rulesDir, new PublishJournal.Entry(journal.id(), journal.table(), half), true);
        Files.writeString(rulesDir.resolve("grid/.publish-123.tmp"), "left by the crash");
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    @Autowired
    RuleEditingService editing;

    @Autowired
    AuditLog audit;

    @Test
    void aPublishInterruptedBeforeItsRevisionIsUndoneAtStart() throws Exception {
        assertThat(KilledPublishTests.ruleSet(rulesDir)).isEqualTo(before);
        assertThat(rulesDir.resolve(PublishJournal.FILE)).doesNotExist();
        assertThat(rulesDir.resolve("grid/.publish-123.tmp")).doesNotExist();
        assertThat(editing.liveVersion()).isEqualTo(FileSets.version(before));
        assertThat(editing.revisions().get(0).version()).isEqualTo(FileSets.version(before));
        assertThat(audit.entries()).anySatisfy(e -> assertThat(e.get("ACTION")).isEqualTo("rolled back"));
    }
}
