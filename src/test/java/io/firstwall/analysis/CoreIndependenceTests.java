package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The analyzer core has no Spring in it: all of analysis/ and rules/, and in plan/ and facts/ everything
 * but the web and storage adapters (*Store, *Controller, PlanForms).
 */
class CoreIndependenceTests {

    @Test
    void theCoreDoesNotImportSpring() throws IOException {
        List<Path> core;
        try (Stream<Path> files = Stream.of("analysis", "plan", "rules", "facts")
                .flatMap(p -> list(Path.of("src/main/java/io/firstwall", p)))) {
            core = files.filter(f -> !f.getFileName().toString().matches(".*(Store|Controller|Forms)\\.java")).toList();
        }
        assertThat(core).hasSizeGreaterThan(20);
        for (Path file : core) {
            assertThat(Files.readString(file).lines().filter(line -> line.startsWith("import ")))
                    .as(file.toString()).noneMatch(line -> line.contains("org.springframework"));
        }
    }

    static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
