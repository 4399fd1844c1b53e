package io.firstwall.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's own copies of files the database's live revision is about to replace when they were
 * edited on disk and never published, under {@code var/kept-outside-edits/} beside the directory: an
 * expert's unpublished edit is never lost when another node's publish arrives.
 */
final class LocalCopies {

    private static final Logger log = LoggerFactory.getLogger(LocalCopies.class);

    private LocalCopies() {
    }

    /**
     * Copies aside each of {@code paths} whose text on disk differs from {@code known} (the files last
     * live here); returns the folder they went to, or null when there was nothing to keep.
     */
    static Path keepOutsideEdits(Path dir, Map<String, String> known, Collection<String> paths) {
        Path kept = null;
        try {
            for (String path : paths) {
                Path file = dir.resolve(path).normalize();
                if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                    continue;
                }
                String onDisk = FileSets.normalized(Files.readString(file, StandardCharsets.UTF_8));
                if (Objects.equals(onDisk, known.get(path))) {
                    continue;
                }
                if (kept == null) {
                    kept = dir.toAbsolutePath().normalize().resolveSibling("var").resolve("kept-outside-edits")
                            .resolve(Instant.now().toString().replace(':', '-')).resolve(dir.getFileName().toString());
                }
                Path copy = kept.resolve(path);
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, onDisk, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the outside edits of " + dir + " aside; nothing was replaced: "
                    + e.getMessage(), e);
        }
        if (kept != null) {
            log.warn("Files in {} edited on this node and never published are replaced by the live revision; copies"
                    + " are kept in {}", dir, kept);
        }
        return kept;
    }
}
