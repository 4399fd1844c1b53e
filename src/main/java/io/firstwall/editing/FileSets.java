package io.firstwall.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.firstwall.analysis.Json;
import io.firstwall.system.Hashes;

/** A set of text files (path to text) as the editors handle them: versioned, merged, diffed, written atomically. */
final class FileSets {

    private static final Logger log = LoggerFactory.getLogger(FileSets.class);

    private FileSets() {
    }

    /** The version of a whole file set. */
    static String version(Map<String, String> files) {
        return Hashes.of(Json.MAPPER.writeValueAsString(new TreeMap<>(files)));
    }

    /** The files after a change set (path to new text; {@code null} deletes). */
    static Map<String, String> apply(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(base);
        changes.forEach((path, text) -> {
            if (text == null) {
                merged.remove(path);
            } else {
                merged.put(path, text.replace("\r\n", "\n"));
            }
        });
        return merged;
    }

    /** The change set that turns one file set into another: changed and new files, and null for removed ones. */
    static Map<String, String> changes(Map<String, String> from, Map<String, String> to) {
        Map<String, String> changes = new TreeMap<>();
        to.forEach((path, text) -> {
            if (!text.equals(from.get(path))) {
                changes.put(path, text);
            }
        });
        from.keySet().stream().filter(path -> !to.containsKey(path)).forEach(path -> changes.put(path, null));
        return changes;
    }

    /** The changed lines (rows) of every file that differs between two file sets, limited to some paths. */
    static Map<String, List<LineDiff.Line>> diff(Map<String, String> from, Map<String, String> to,
            Collection<String> paths) {
        Map<String, List<LineDiff.Line>> out = new TreeMap<>();
        for (String path : new TreeSet<>(paths)) {
            if (!Objects.equals(from.get(path), to.get(path))) {
                out.put(path, LineDiff.changes(from.get(path), to.get(path)));
            }
        }
        return out;
    }

    /** The changed lines of every file that differs between two file sets. */
    static Map<String, List<LineDiff.Line>> diff(Map<String, String> from, Map<String, String> to) {
        TreeSet<String> paths = new TreeSet<>(from.keySet());
        paths.addAll(to.keySet());
        return diff(from, to, paths);
    }

    /**
     * Writes all files under {@code dir} or none: each through a temporary file and an atomic move;
     * earlier files are put back if a later one fails.
     */
    static void write(Path dir, Map<String, String> changes) {
        Map<Path, String> backups = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> change : changes.entrySet()) {
                Path target = dir.resolve(change.getKey()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new IOException("refusing to write outside " + dir + ": " + change.getKey());
                }
                backups.put(target, Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null);
                if (change.getValue() == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Path temp = Files.createTempFile(target.getParent(), ".publish-", ".tmp");
                    Files.writeString(temp, change.getValue(), StandardCharsets.UTF_8);
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            backups.forEach((path, text) -> {
                try {
                    if (text == null) {
                        Files.deleteIfExists(path);
                    } else {
                        Files.writeString(path, text, StandardCharsets.UTF_8);
                    }
                } catch (IOException restore) {
                    log.error("Could not restore {} after a failed publish", path, restore);
                }
            });
            throw new UncheckedIOException("cannot write the files; nothing was published: " + e.getMessage(), e);
        }
    }
}
