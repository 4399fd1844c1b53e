package io.firstwall.editing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.firstwall.system.AuditLog;
import io.firstwall.system.Durability;
import io.firstwall.system.LiveAnalyzer;

/**
 * The one way rules and facts change: validate → rule tests → impact → atomic write → revision →
 * live swap, with revert, outside edits, history, diff and audit. What differs between rules and
 * facts is said by their {@link EditedFiles}; everything else happens here, once.
 *
 * @param <C> what the files make when they read: a rule base, a fact base
 */
final class PublishPipeline<C> {

    private static final Logger log = LoggerFactory.getLogger(PublishPipeline.class);

    /** A checked change: what the expert sees, what the files make (null when they do not read), every file after it. */
    record Checked<C>(Validation validation, C candidate, Map<String, String> merged) {
    }

    /**
     * What to do when a rule test answers differently and the expert said the new answers are right:
     * given the check, the step that records the new expectations once the publish is done.
     */
    @FunctionalInterface
    interface NewAnswers<C> {
        Consumer<Revision> take(Checked<C> checked);
    }

    private final EditedFiles<C> files;
    private final RevisionStore revisions;
    private final LiveAnalyzer live;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Durability durability;
    /** The live revision this node last found it serves (see {@link #follow}). */
    private RevisionStore.Live followed;

    PublishPipeline(EditedFiles<C> files, RevisionStore revisions, LiveAnalyzer live, AuditLog audit, JdbcClient jdbc,
            TransactionTemplate tx, Durability durability) {
        this.durability = durability;
        this.files = files;
        this.revisions = revisions;
        this.live = live;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        try {
            Revision adopted = tx.execute(status -> {
                Revision r = revisions.recordStart(files.liveFiles(), files.folder());
                if (r != null && r.kind().equals("external")) {
                    audit.record(r.author(), "publish", files.folder() + " as found at start \u2192 "
                            + files.revisionName() + " " + r.id(), r.message());
                }
                return r;
            });
            if (adopted != null) {
                durability.afterCommit();
            }
        } catch (ConflictException | DuplicateKeyException e) {
            // Several nodes started on an empty database at once: one of them recorded the first revision.
            log.info("Another app node recorded the {} at the same moment; this node follows it", files.folder());
        }
    }

    String liveVersion() {
        return FileSets.version(files.liveFiles());
    }

    /** Every check a publish makes, and the impact on every saved plan; nothing changes. */
    Validation validate(Map<String, String> changes) {
        return check(files.normalized(changes), true, false, files::check).validation();
    }

    /** Checks a change set once; publishing reuses what the check built instead of building it again. */
    private Checked<C> check(Map<String, String> changes, boolean withImpact, boolean testsOnDisk,
            EditedFiles.Check<C> how) {
        for (String path : changes.keySet()) {
            FileSets.checkLength(path);
            files.checkPath(path);
        }
        Map<String, String> before = files.liveFiles();
        Map<String, String> merged = FileSets.apply(before, changes);
        Map<String, List<LineDiff.Line>> diff = FileSets.diff(before, merged, changes.keySet());
        EditedFiles.Outcome<C> outcome = how.check(merged, changes.keySet(), withImpact, testsOnDisk);
        Validation validation = new Validation(outcome.errors().isEmpty() && outcome.candidate() != null
                && outcome.ruleTests().stream().allMatch(t -> t.passed()), FileSets.version(before), outcome.errors(),
                outcome.ruleTests(), outcome.impact(), outcome.generatedDrl(), diff, CellDiff.headers(diff.keySet(),
                        merged, before), files.warnings(merged, changes.keySet()));
        return new Checked<>(validation, outcome.errors().isEmpty() ? outcome.candidate() : null, merged);
    }

    /**
     * Publishes a change set made on {@code baseVersion}. Refused, with nothing changed, when the
     * base is no longer live (a conflict), when the files do not read, or when a rule test answers
     * differently, unless {@code newAnswers} takes the new answers.
     */
    synchronized Revision publish(Map<String, String> changes, String baseVersion, String author, String message,
            NewAnswers<C> newAnswers) {
        return publish(changes, baseVersion, author, message, newAnswers, files::check);
    }

    /** A publish whose files are checked in another way (rule tests checked against facts about to go live). */
    synchronized Revision publish(Map<String, String> submitted, String baseVersion, String author, String message,
            NewAnswers<C> newAnswers, EditedFiles.Check<C> how) {
        // What follows a publish (new rule test expectations, a publish of their own) runs after it.
        // A publish takes no analysis slot: an analysis stuck in a bad rule never holds up its fix.
        Done done = checkAndWrite(submitted, baseVersion, author, message, newAnswers, how);
        done.then().accept(done.revision());
        return done.revision();
    }

    private record Done(Revision revision, Consumer<Revision> then) {
    }

    private Done checkAndWrite(Map<String, String> submitted, String baseVersion, String author, String message,
            NewAnswers<C> newAnswers, EditedFiles.Check<C> how) {
        Map<String, String> changes = files.normalized(submitted);
        if (message == null || message.isBlank()) {
            throw new RefusedException("Say why: a publish needs a message (what changed and where the new"
                    + " figure or reasoning comes from).");
        }
        JournaledPublish.checkMessage(message);
        changes.keySet().forEach(FileSets::checkLength);
        String liveVersion = liveVersion();
        if (!liveVersion.equals(baseVersion)) {
            throw revisions.conflict(baseVersion, liveVersion, files.liveFiles(), changes.keySet());
        }
        Checked<C> checked = check(changes, false, false, how);
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty()) {
            throw new RefusedException(files.unreadable() + "; nothing was published.", validation, Map.of());
        }
        Consumer<Revision> then = r -> {
        };
        if (!validation.ruleTestsPass()) {
            if (newAnswers == null) {
                throw new RefusedException(files.failingRuleTests(), validation, Map.of());
            }
            then = newAnswers.take(checked);
        }
        Revision revision = JournaledPublish.run(files.dir(), revisions, jdbc, tx, changes, files.liveFiles(),
                publishId -> {
                    files.store(checked.candidate());
                    Revision r = revisions.record(author, message, "publish", checked.merged(), publishId,
                            liveVersion);
                    audit.record(author, "publish", files.describe(changes.keySet()) + " \u2192 "
                            + files.revisionName() + " " + r.id(), message);
                    return r;
                }, durability::afterCommit, () -> files.goLive(checked.candidate(), checked.merged()));
        return new Done(revision, then);
    }

    /**
     * Adopts files already changed on disk by someone outside firstwall, after the same checks as a
     * publish (the rule tests as on disk); nothing is written. Null when the files on disk are
     * already live (a publish wrote them).
     */
    synchronized Revision adoptExternal(Map<String, String> onDisk) {
        Map<String, String> current = files.liveFiles();
        Map<String, String> changes = new TreeMap<>(files.normalized(onDisk));
        changes.entrySet().removeIf(e -> Objects.equals(current.get(e.getKey()), e.getValue()));
        if (changes.isEmpty()) {
            return null;
        }
        Checked<C> checked = check(changes, false, true, files::check);
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty() || !validation.ruleTestsPass()) {
            String why = validation.errors().isEmpty() ? "a rule test answers differently" : files.unreadable();
            audit.record("external edit", "rejected", files.describe(changes.keySet()), why);
            throw new RefusedException("Rejected: " + why + ".", validation, Map.of());
        }
        String base = FileSets.version(current);
        Revision revision = tx.execute(status -> {
            files.store(checked.candidate());
            Revision r = revisions.record("external edit", "picked up from " + files.folder() + " on disk", "external",
                    checked.merged(), null, base);
            audit.record("external edit", "publish", files.describe(changes.keySet()) + " \u2192 " + files.revisionName()
                    + " " + r.id(), "edited outside firstwall");
            return r;
        });
        durability.afterCommit();
        files.goLive(checked.candidate(), checked.merged());
        return revision;
    }

    /**
     * Serves the revision the database says is live when another app node published it: its files are
     * written here (through a journal, as a publish writes them) and go live, with nothing recorded,
     * since the node that published recorded it. Files on disk that an outside edit changed and that
     * the revision replaces are kept aside first ({@link LocalCopies}). Null when this node already
     * serves the live revision.
     */
    synchronized RevisionStore.Live follow() {
        RevisionStore.Live latest = revisions.live().orElse(null);
        // The version of the live files is a hash of all of them: computed once per new live revision, not
        // at every poll.
        if (latest == null || latest.equals(followed) || latest.version().equals(liveVersion())) {
            followed = latest;
            return null;
        }
        Map<String, String> published = revisions.files(latest.revisionId());
        Map<String, String> current = files.liveFiles();
        Map<String, String> changes = FileSets.changes(current, published);
        Checked<C> checked = check(changes, false, false, (merged, changed, impact, disk) -> files.followed(merged,
                changed));
        if (checked.candidate() == null) {
            throw new IllegalStateException("The live " + files.revisionName() + " " + latest.revisionId()
                    + " published on another node does not read here: " + checked.validation().errors());
        }
        LocalCopies.keepOutsideEdits(files.dir(), current, changes.keySet());
        PublishJournal.writeRecorded(files.dir(), revisions.table(), changes, current,
                () -> files.goLive(checked.candidate(), checked.merged()));
        followed = latest;
        return latest;
    }

    /** Publishes the files of an earlier revision again, after the same checks as any publish. */
    Revision revert(long revisionId, String author, String message, NewAnswers<C> newAnswers) {
        return revert(revisionId, liveVersion(), author, message, newAnswers);
    }

    /**
     * What putting back an earlier revision would change (its diff, the rule tests, the impact on every saved
     * plan), checked like any publish; nothing changes.
     */
    Validation reviewRevert(long revisionId) {
        return validate(revisions.changesBackTo(revisionId, files.liveFiles()));
    }

    /**
     * Publishes the files of an earlier revision again, as reviewed on {@code baseVersion}: refused as a
     * conflict when the live files changed since the review, and without a message.
     */
    Revision revert(long revisionId, String baseVersion, String author, String message, NewAnswers<C> newAnswers) {
        if (message == null || message.isBlank()) {
            throw new RefusedException("Say why: a revert needs a message (what was wrong with the newer revisions).");
        }
        JournaledPublish.checkMessage(message);
        Map<String, String> changes = revisions.changesBackTo(revisionId, files.liveFiles());
        if (changes.isEmpty()) {
            throw new RefusedException("The live " + files.folder() + " are already those of " + files.revisionName() + " "
                    + revisionId + ": there is nothing to revert.");
        }
        return publish(changes, baseVersion, author, "revert to " + files.revisionName() + " " + revisionId + ": "
                + message, newAnswers);
    }

    List<Revision> revisions() {
        return revisions.revisions();
    }

    Map<String, String> files(long revisionId) {
        return revisions.files(revisionId);
    }

    /** The line diff of every file that differs between two revisions (rows, for decision tables and facts). */
    Map<String, List<LineDiff.Line>> diff(long fromId, long toId) {
        return revisions.diff(fromId, toId);
    }

    /** The revisions in which one file changed, newest first, with the lines each changed. */
    List<RevisionStore.FileChange> history(String path) {
        return revisions.history(path);
    }

    /** The history of one file narrowed to its lines that {@code keep} accepts (one fact's row). */
    List<RevisionStore.FileChange> history(String path, Function<LineDiff.Line, Boolean> keep) {
        return history(path).stream()
                .map(c -> new RevisionStore.FileChange(c.revision(), c.lines().stream().filter(keep::apply).toList()))
                .filter(c -> !c.lines().isEmpty()).toList();
    }
}
