package io.firstwall.editing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    PublishRecovery(FirstwallProperties properties, JdbcClient jdbc, AuditLog audit) {
        recover(properties.rulesDir(), jdbc, audit);
        recover(properties.dataDir(), jdbc, audit);
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
