package io.firstwall.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.firstwall.plan.Json;

/**
 * Makes a publish all-or-nothing across files. Before any file is written, the whole change set
 * (each file's text before and after) is written to a journal in the directory, durably, under a
 * new publish id. The files are then written, and the revision carrying that id is committed in the
 * database: that commit is the moment the publish happens. The journal is removed once the new files
 * are live. At start, a journal left by a crash is rolled forward when its revision was committed
 * and back when it was not, so the directory holds exactly the old or the new file set, and the
 * revisions say which.
 */
final class PublishJournal {

    static final String FILE = ".firstwall-publish.json";
    private static final Logger log = LoggerFactory.getLogger(PublishJournal.class);

    /** One file's text before and after the publish; null where the file does not exist. */
    record Change(String before, String after) {
    }

    /** A pending publish: its id, the revision table it commits to, and its files. */
    record Entry(String id, String table, Map<String, Change> files) {
    }

    private PublishJournal() {
    }

    /** Writes the journal durably and returns it; nothing else is written yet. */
    static Entry begin(Path dir, String table, Map<String, String> changes, Map<String, String> current) {
        Map<String, Change> files = new TreeMap<>();
        changes.forEach((path, after) -> files.put(path, new Change(current.get(path), FileSets.normalized(after))));
        Entry entry = new Entry(UUID.randomUUID().toString(), table, files);
        try {
            Files.createDirectories(dir);
            writeDurably(dir, dir.resolve(FILE), Json.MAPPER.writeValueAsString(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the publish journal in " + dir + "; nothing was published: "
                    + e.getMessage(), e);
        }
        log.debug("publish {}: journal written", entry.id());
        return entry;
    }

    /** Writes every file to its new text ({@code forward}) or back to its old one. */
    static void apply(Path dir, Entry entry, boolean forward) {
        try {
            for (Map.Entry<String, Change> file : entry.files().entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new IOException("refusing to write outside " + dir + ": " + file.getKey());
                }
                String text = forward ? file.getValue().after() : file.getValue().before();
                if (text == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.createDirectories(target.getParent());
                    writeDurably(target.getParent(), target, text);
                }
                log.debug("publish {}: wrote {}", entry.id(), file.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a change set that is already recorded elsewhere (another node's revision) through the journal,
     * then runs {@code goLive} before the journal goes: a crash midway leaves a journal that recovery rolls
     * back, and the node follows the revision again.
     */
    static void writeRecorded(Path dir, String table, Map<String, String> changes, Map<String, String> current,
            Runnable goLive) {
        Entry entry = begin(dir, table, changes, current);
        apply(dir, entry, true);
        goLive.run();
        end(dir, entry);
    }

    /** The publish is complete: the journal goes. */
    static void end(Path dir, Entry entry) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
            log.debug("publish {}: journal removed", entry.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A journal left behind by a publish that did not finish. */
    static Optional<Entry> pending(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), Entry.class));
        } catch (IOException | RuntimeException e) {
            // A journal that does not read was never completely written (its rename is the last step of
            // writing it), so no file of its publish was touched.
            log.warn("Ignoring an unreadable publish journal {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Removes temporary files a crash may have left behind (they are never part of a file set). */
    static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.filter(p -> p.getFileName().toString().startsWith(".publish-")
                    && p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Could not remove leftover temporary files in {}: {}", dir, e.getMessage());
        }
    }

    /** Writes a file through a synced temporary file and an atomic rename, then syncs the directory. */
    private static void writeDurably(Path parent, Path target, String text) throws IOException {
        Path temp = Files.createTempFile(parent, ".publish-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(text));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(parent);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }
}
