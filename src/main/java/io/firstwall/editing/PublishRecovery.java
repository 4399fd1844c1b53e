package io.firstwall.editing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.firstwall.facts.FactCsvReader;
import io.firstwall.system.AuditLog;
import io.firstwall.system.FirstwallProperties;

/**
 * Finishes or undoes, at start and before anything reads {@code rules/} or {@code data/}, a publish
 * that a crash interrupted (see {@link PublishJournal}).
 */
@Component("publishRecovery")
public class PublishRecovery {

    private static final Logger log = LoggerFactory.getLogger(PublishRecovery.class);
    private static final Set<String> TABLES = Set.of("rule_revision", "fact_revision");

    /** What recovery did in one directory. */
    public enum Outcome {
        NOTHING_PENDING, ROLLED_FORWARD, ROLLED_BACK
    }

    PublishRecovery(FirstwallProperties properties, JdbcClient jdbc, AuditLog audit,
            @Value("${firstwall.cluster.enabled:false}") boolean cluster) {
        recover(properties.rulesDir(), jdbc, audit);
        recover(properties.dataDir(), jdbc, audit);
        if (cluster) {
            followAtStart(properties.rulesDir(), "rule_revision", RuleEditingService.readDisk(properties.rulesDir()),
                    jdbc, audit);
            followAtStart(properties.dataDir(), "fact_revision", FactCsvReader.texts(properties.dataDir()), jdbc, audit);
        }
    }

    /**
     * With several nodes on one database, the database's live revision is the truth: a node that starts
     * with other files on disk (an older checkout, say) is brought to it before anything reads them.
     * Files that match no revision (edited on this node while it was stopped) are kept aside first.
     * Returns whether anything was written.
     */
    static boolean followAtStart(Path dir, String table, Map<String, String> onDisk, JdbcClient jdbc, AuditLog audit) {
        RevisionStore revisions = new RevisionStore(jdbc, Clock.systemUTC(), table, table);
        Optional<RevisionStore.Live> live = revisions.live();
        if (live.isEmpty()) {
            return false;
        }
        Map<String, String> published = revisions.files(live.get().revisionId());
        Map<String, String> changes = FileSets.changes(onDisk, published);
        if (changes.isEmpty()) {
            return false;
        }
        Map<String, String> known = revisions.filesOfVersion(FileSets.version(onDisk));
        Path kept = LocalCopies.keepOutsideEdits(dir, known, changes.keySet());
        PublishJournal.writeRecorded(dir, table, changes, onDisk, () -> {
        });
        String what = "brought " + dir.getFileName() + "/ on this node to the live revision " + live.get().revisionId()
                + (kept == null ? "" : "; its unpublished edits are kept in " + kept);
        log.warn("At start: {} ({})", what, String.join(", ", changes.keySet()));
        if (audit != null) {
            audit.record("system", "followed", AuditLog.shorten(what), "another app node published while this one was"
                    + " stopped");
        }
        return true;
    }

    /** Rolls a pending publish in {@code dir} forward or back; the same code the app runs at start. */
    public static Outcome recover(Path dir, JdbcClient jdbc, AuditLog audit) {
        PublishJournal.removeLeftovers(dir);
        Optional<PublishJournal.Entry> pending = PublishJournal.pending(dir);
        if (pending.isEmpty()) {
            return Outcome.NOTHING_PENDING;
        }
        PublishJournal.Entry entry = pending.get();
        if (!TABLES.contains(entry.table())) {
            throw new IllegalStateException("The publish journal in " + dir + " names an unknown revision table '"
                    + entry.table() + "'; move " + PublishJournal.FILE + " away after checking the files.");
        }
        boolean committed = RevisionStore.committed(jdbc, entry.table(), entry.id());
        PublishJournal.apply(dir, entry, committed);
        PublishJournal.end(dir, entry);
        String what = String.join(", ", entry.files().keySet());
        log.warn("A publish was interrupted; {} in {}: {}", committed ? "finished it" : "undid it", dir, what);
        if (audit != null) {
            audit.record("system", committed ? "recovered" : "rolled back", AuditLog.shorten(
                    (committed ? "finished an interrupted publish of " : "undid an interrupted publish of ") + what),
                    "the app stopped in the middle of a publish");
        }
        return committed ? Outcome.ROLLED_FORWARD : Outcome.ROLLED_BACK;
    }
}
