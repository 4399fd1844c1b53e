package io.firstwall.editing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;


import io.firstwall.plan.Json;
import io.firstwall.system.Hashes;

/** A set of text files (path to text) as the editors handle them: versioned, merged, diffed, written atomically. */
final class FileSets {

    private FileSets() {
    }

    /** The version of a whole file set. */
    static String version(Map<String, String> files) {
        return Hashes.ofFiles(files);
    }

    /** The files after a change set (path to new text; {@code null} deletes). */
    static Map<String, String> apply(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(base);
        changes.forEach((path, text) -> {
            if (text == null) {
                merged.remove(path);
            } else {
                merged.put(path, normalized(text));
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

    /** A file's text as the editors keep it: line feeds only, whatever the browser or editor sent. */
    static String normalized(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
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

    /** The longest path an editor accepts, well below what any file system allows. */
    static final int MAX_PATH = 120;

    /** Refuses a path too long to be a rule or fact file, before anything is written. */
    static void checkLength(String path) {
        if (path.length() > MAX_PATH) {
            throw new RefusedException("A file path may be at most " + MAX_PATH + " characters; '"
                    + path.substring(0, 40) + "\u2026' has " + path.length() + ". Nothing was changed.");
        }
    }
}
