package io.firstwall.editing;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publish step both editors share: journal, files, then one database transaction that records
 * the revision (and whatever else must change with it) — the moment the publish happens — made
 * durable before anything is answered ({@code durable}: H2's store written at once), then the live
 * swap. A failure before the commit puts every file back; nothing is live that is not recorded.
 */
final class JournaledPublish {

    /** The longest message a revision keeps. */
    static final int MAX_MESSAGE = 2000;

    private JournaledPublish() {
    }

    /** Refuses, before anything is written, a message the revision could not store. */
    static void checkMessage(String message) {
        if (message != null && message.length() > MAX_MESSAGE) {
            throw new RefusedException("A publish message may be at most " + MAX_MESSAGE + " characters; this one has "
                    + message.length() + ". Nothing was published.");
        }
    }

    static Revision run(Path dir, RevisionStore revisions, JdbcClient jdbc, TransactionTemplate tx,
            Map<String, String> changes, Map<String, String> current, Function<String, Revision> record,
            Runnable durable, Runnable goLive) {
        PublishJournal.Entry journal = PublishJournal.begin(dir, revisions.table(), changes, current);
        Revision revision;
        try {
            PublishJournal.apply(dir, journal, true);
            revision = tx.execute(status -> record.apply(journal.id()));
            durable.run();
        } catch (RuntimeException e) {
            if (!RevisionStore.committed(jdbc, revisions.table(), journal.id())) {
                PublishJournal.apply(dir, journal, false);
                PublishJournal.end(dir, journal);
                throw e;
            }
            revision = revisions.revisions().get(0);
        }
        goLive.run();
        PublishJournal.end(dir, journal);
        return revision;
    }
}
