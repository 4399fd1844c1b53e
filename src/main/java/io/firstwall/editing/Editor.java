package io.firstwall.editing;

import java.util.List;
import java.util.Map;

import io.firstwall.system.AuditLog;

/**
 * What every editor (rules, facts) offers the pages and the API the same way, through its
 * {@link PublishPipeline}: the live files and version, validation, outside edits, revisions, diffs,
 * history and the audit log.
 *
 * @param <C> what the files make when they read: a rule base, a fact base
 */
public abstract class Editor<C> {

    private final AuditLog audit;

    Editor(AuditLog audit) {
        this.audit = audit;
    }

    abstract PublishPipeline<C> pipeline();

    /** The live files, path to text. */
    public abstract Map<String, String> liveFiles();

    public String liveVersion() {
        return pipeline().liveVersion();
    }

    /** Every check a publish makes, and the impact on every saved plan; nothing changes. */
    public Validation validate(Map<String, String> changes) {
        return pipeline().validate(changes);
    }

    /**
     * Adopts files already changed on disk by someone outside firstwall, after the same checks as a
     * publish; nothing is written. Null when the files on disk are already live (a publish wrote them).
     */
    public Revision adoptExternal(Map<String, String> changes) {
        return pipeline().adoptExternal(changes);
    }

    /** Serves the revision another app node made live, if this node does not yet (see {@link PublishPipeline#follow}). */
    RevisionStore.Live follow() {
        return pipeline().follow();
    }

    /** What reverting to an earlier revision would change, checked and previewed like any publish; nothing changes. */
    public Validation reviewRevert(long revisionId) {
        return pipeline().reviewRevert(revisionId);
    }

    public List<Revision> revisions() {
        return pipeline().revisions();
    }

    public Map<String, String> files(long revisionId) {
        return pipeline().files(revisionId);
    }

    /** The line diff of every file that differs between two revisions (rows, for decision tables and facts). */
    public Map<String, List<LineDiff.Line>> diff(long fromId, long toId) {
        return pipeline().diff(fromId, toId);
    }

    /** The revisions in which one file changed, newest first, with the lines each changed. */
    public List<RevisionStore.FileChange> history(String path) {
        return pipeline().history(path);
    }

    public List<Map<String, Object>> auditLog() {
        return audit.entries();
    }
}
