package io.firstwall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module diagram in {@code docs/modules.md} is generated from the compiled classes: every
 * package's dependencies on the others, grouped by ring. The test fails when the committed diagram
 * no longer matches the code; {@code -Dfirstwall.write-diagram=true} writes it anew.
 */
class ModuleDiagramTests {

    static final Path DIAGRAM = Path.of("docs/modules.md");

    /** Each package's ring, as {@link LayeringTests} checks them. */
    static String ring(String module) {
        String pattern = "io.firstwall." + module + "..";
        if (Arrays.asList(LayeringTests.CORE).contains(pattern)) {
            return "core";
        }
        if (Arrays.asList(LayeringTests.FEATURES).contains(pattern)) {
            return "features";
        }
        return module.equals("system") ? "runtime" : "app";
    }

    static String module(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith("io.firstwall.")) {
            return pkg.equals("io.firstwall") ? "app" : null;
        }
        return pkg.substring("io.firstwall.".length()).split("\\.")[0];
    }

    static String diagram() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.firstwall");
        Map<String, Set<String>> edges = new TreeMap<>();
        Map<String, Integer> sizes = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = module(c);
            if (from == null) {
                continue;
            }
            if (!c.isNestedClass() && !c.getSimpleName().equals("package-info")) {
                sizes.merge(from, 1, Integer::sum);
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = module(d.getTargetClass());
                if (to != null && !to.equals(from) && !to.equals("app")) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        StringBuilder md = new StringBuilder("""
                # Modules

                Generated from the compiled classes by `ModuleDiagramTests`; after moving code, run
                `./mvnw test -Dtest=ModuleDiagramTests -Dfirstwall.write-diagram=true`. Arrows point from a
                package to the packages it uses. They point inward only: features and the runtime use the core,
                features use the runtime, and the core uses nothing of either (`LayeringTests` fails the build
                otherwise). The number is the package's top-level classes.

                ```mermaid
                flowchart TB
                """);
        for (String ring : List.of("app", "features", "runtime", "core")) {
            md.append("  subgraph ").append(ring).append('\n');
            sizes.forEach((m, n) -> {
                if (ring(m).equals(ring)) {
                    md.append("    ").append(m).append("[\"").append(m).append(" (").append(n).append(")\"]\n");
                }
            });
            md.append("  end\n");
        }
        edges.forEach((from, tos) -> tos.forEach(to -> md.append("  ").append(from).append(" --> ").append(to)
                .append('\n')));
        md.append("```\n");
        return md.toString();
    }

    @Test
    void theCommittedDiagramMatchesTheCode() throws IOException {
        String now = diagram();
        if (Boolean.getBoolean("firstwall.write-diagram")) {
            Files.createDirectories(DIAGRAM.getParent());
            Files.writeString(DIAGRAM, now, StandardCharsets.UTF_8);
        }
        assertThat(DIAGRAM).as("docs/modules.md is stale: run ./mvnw test -Dtest=ModuleDiagramTests"
                + " -Dfirstwall.write-diagram=true").exists();
        assertThat(Files.readString(DIAGRAM, StandardCharsets.UTF_8)).as("docs/modules.md is stale: run ./mvnw test"
                + " -Dtest=ModuleDiagramTests -Dfirstwall.write-diagram=true").isEqualTo(now);
    }

    @Test
    void everyArrowPointsInward() {
        List<String> order = List.of("core", "runtime", "features", "app");
        String text = diagram();
        text.lines().filter(l -> l.contains(" --> ")).forEach(l -> {
            String[] ends = l.trim().split(" --> ");
            assertThat(order.indexOf(ring(ends[0]))).as(l).isGreaterThanOrEqualTo(order.indexOf(ring(ends[1])));
        });
    }
}
