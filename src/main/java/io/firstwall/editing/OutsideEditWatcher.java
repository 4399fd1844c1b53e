package io.firstwall.editing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Picks up a directory's files edited outside the browser (an expert's editor, a git pull): the
 * difference from the live files is checked like any publish; good edits go live as a revision by
 * "external edit", bad ones are rejected, the live files stay, and the page says why.
 */
abstract class OutsideEditWatcher {

    private static final Logger log = LoggerFactory.getLogger(OutsideEditWatcher.class);

    private final Editor<?> editor;
    private final Path dir;
    private final String what;
    private final boolean enabled;
    private DirectoryWatcher watcher;
    private volatile String lastRejection;

    /** Watches {@code dir} when enabled; {@code what} names the live files in messages ("rules", "facts"). */
    OutsideEditWatcher(Editor<?> editor, Path dir, String what, boolean enabled) {
        this.editor = editor;
        this.dir = dir;
        this.what = what;
        this.enabled = enabled;
    }

    /** Starts watching once the subclass is fully built, so that a change never meets half a watcher. */
    @PostConstruct
    void start() {
        watcher = enabled ? DirectoryWatcher.start(dir, what + "-watcher", this::check) : null;
    }

    /** The files on disk, keyed as the live ones are. */
    abstract Map<String, String> readDisk();

    /** Called after an outside edit went live. */
    void adopted() {
    }

    /** Why the last outside edit was rejected, or null when the files on disk are live. */
    public String lastRejection() {
        return lastRejection;
    }

    /** Compares the files on disk with the live ones and adopts or rejects the difference. */
    public synchronized void check() {
        Map<String, String> disk;
        try {
            disk = readDisk();
        } catch (RuntimeException e) {
            lastRejection = "The " + what + " on disk cannot be read: " + e.getMessage();
            return;
        }
        Map<String, String> changes = FileSets.changes(editor.liveFiles(), disk);
        if (changes.isEmpty()) {
            return;
        }
        try {
            Revision r = editor.adoptExternal(changes);
            lastRejection = null;
            if (r != null) {
                log.info("Outside edit of {} is live as {} revision {}", changes.keySet(), what, r.id());
                adopted();
            }
        } catch (RefusedException e) {
            lastRejection = "The edit of " + String.join(", ", changes.keySet()) + " made outside firstwall was"
                    + " rejected; the live " + what + " stay. " + e.explained();
            log.warn(lastRejection);
        }
    }

    @PreDestroy
    void stop() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
