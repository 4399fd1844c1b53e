package io.firstwall.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.analysis.AnalysisFixtures;

/** Rules can run Java: hostile rules are refused before they compile, with where and why. */
class RuleAllowlistTests {

    static String rule(String imports, String when, String then) {
        return "package rules.test;\nimport io.firstwall.plan.Plan;\n" + imports + "\n"
                + "rule \"T-001 Test\"\nwhen\n    $p : Plan(" + when + ")\nthen\n    " + then + "\nend\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "System.exit in a consequence||| System.exit(0);|System",
            "Runtime exec||| Runtime.getRuntime().exec(\"rm -rf /\");|Runtime",
            "ProcessBuilder||| new ProcessBuilder(\"sh\").start();|ProcessBuilder",
            "fully qualified java.lang.System||| java.lang.System.exit(1);|java.lang.System",
            "reflection through getClass||| $p.getClass().getClassLoader();|getClass",
            "Class.forName||| Class.forName(\"x\");|Class",
            "import of java.lang.reflect|import java.lang.reflect.Method;|| String s = \"\";|java.lang.reflect.Method",
            "fully qualified reflection||| java.lang.reflect.Array.newInstance(Object.class, 1);|java.lang.reflect",
            "a thread||| new Thread(() -> {}).start();|Thread",
            "an executor|import java.util.concurrent.Executors;|| String s = \"\";|java.util.concurrent.Executors",
            "a file|import java.io.File;|| String s = \"\";|java.io.File",
            "fully qualified files||| java.nio.file.Files.delete(java.nio.file.Path.of(\"x\"));|java.nio.file",
            "a socket||| new java.net.Socket(\"example.com\", 80);|java.net.Socket",
            "a URL||| new java.net.URL(\"http://example.com\").openStream();|java.net.URL",
            "HttpClient by import|import java.net.http.HttpClient;|| String s = \"\";|java.net.http.HttpClient",
            "Spring beans|import org.springframework.context.ApplicationContext;|| String s = \"\";|org.springframework",
            "the engine itself||| drools.getKieRuntime().dispose();|getKieRuntime",
            "a static import|import static java.lang.System.exit;|| exit(0);|import static",
            "an import function|import function java.lang.System.exit;|| String s = \"\";|import function",
            "unicode escape to hide System||| \\u0053ystem.exit(0);|unicode",
            "System in a constraint||name == System.getenv(\"HOME\")| String s = \"\";|System",
            "reflection in a constraint||this.getClass().getName() == \"x\"| String s = \"\";|getClass",
            "a class loader||| ClassLoader.getSystemClassLoader();|ClassLoader",
            "MethodHandles||| java.lang.invoke.MethodHandles.lookup();|java.lang.invoke",
            "Unsafe|import sun.misc.Unsafe;|| String s = \"\";|sun.misc.Unsafe",
            "a script engine|import javax.script.ScriptEngineManager;|| String s = \"\";|javax.script",
            "a project class outside the allowlist|import io.firstwall.analysis.Analyzer;|| String s = \"\";|io.firstwall.analysis.Analyzer",
            "System.out println||| System.out.println(\"hi\");|System",
            "object wait (threads)||| $p.wait();|wait"})
    void aHostileRuleIsRefusedBeforeItCompiles(String what, String imports, String when, String then, String named) {
        String drl = rule(imports == null ? "" : imports, when == null ? "" : when, then);
        List<RuleProblem> problems = RuleAllowlist.check("rules/test/hostile.drl", drl);
        assertThat(problems).as(what).isNotEmpty();
        assertThat(problems).anySatisfy(p -> assertThat(p.toString()).contains(named));
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/test/hostile.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
        assertThatThrownBy(() -> RuleCompiler.compile(Map.of("test/hostile.drl", drl)))
                .isInstanceOf(RuleBuildException.class);
    }

    @Test
    void theOffenceIsPlacedAtItsLineAndColumn() {
        String drl = rule("", "", "System.exit(0);");
        assertThat(RuleAllowlist.check("rules/x.drl", drl)).first()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(8);
                    assertThat(p.column()).isEqualTo(5);
                    assertThat(p.message()).contains("the runtime and processes are off limits");
                });
    }

    @Test
    void namesInStringsAndCommentsAreHarmless() {
        String drl = rule("import java.time.LocalDate;\nimport java.util.List;\nimport io.firstwall.analysis.Format;",
                "name != \"System.exit\"", "// System.exit(0) would be bad\n    String s = \"Runtime\" + Format.num(1);"
                        + " LocalDate d = LocalDate.of(2026, 1, 1); List l = java.util.List.of(); double m = Math.max(1, 2);");
        assertThat(RuleAllowlist.check("rules/ok.drl", drl)).isEmpty();
    }

    @Test
    void everyRepositoryRuleFileAndTablePasses() {
        AnalysisFixtures.RULES.files().forEach((path, text) -> {
            if (!RuleCompiler.isRuleFile(path)) {
                return;
            }
            String drl = RuleCompiler.ruleText(path, text, AnalysisFixtures.RULES.files());
            assertThat(RuleAllowlist.check(path, drl)).as(path).isEmpty();
        });
    }

    @Test
    void aHostileDecisionTableRowIsRefusedAtItsRow() {
        String table = AnalysisFixtures.RULES.files().get("permits/permits_by_region.drl.csv");
        // Quotes in quoted cells are escaped by Drools, but the threshold cell is code: it calls System.exit.
        String hostile = table.replace("needs a contested major-source air permit,US-TN,ONSITE_GAS,,FUEL_CELL,100,",
                "needs a contested major-source air permit,US-TN,ONSITE_GAS,,FUEL_CELL,100 || System.exit(0) == 0,");
        assertThat(hostile).isNotEqualTo(table);
        assertThatThrownBy(() -> RuleCompiler.compile(Map.of("permits/permits_by_region.drl.csv", hostile)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).startsWith("row ").contains("System")));
    }

    @Test
    void twoLoopsMayNestAndAThirdIsRefused() {
        String two = rule("", "", "int n = 0; for (Object a : $p.phases()) { for (Object b : $p.phases()) { n = n + 1; } }");
        assertThat(RuleAllowlist.check("rules/ok.drl", two)).isEmpty();
        String three = rule("", "", "int n = 0; for (Object a : $p.phases()) { for (Object b : $p.phases()) {"
                + " for (Object c : $p.phases()) { n = n + 1; } } }");
        assertThat(RuleAllowlist.check("rules/deep.drl", three)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("nest 2 deep at most"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "a member whose signature looks safe but is not listed|String s = \"x\".repeat(3);|repeating a string",
            "a regular expression|boolean b = $p.name().matches(\"a*\");|regular expressions",
            "a JVM-wide setter|java.util.Locale.setDefault(java.util.Locale.ROOT);|settings of the whole service",
            "a collection factory with a size|java.util.List l = java.util.Collections.nCopies(3, \"x\");|java.util.Collections",
            "a clock|java.time.LocalDate d = java.time.LocalDate.now();|clocks",
            "a list changed|$p.phases().add(null);|do not change collections",
            "new of a type that is not a result|String s = new String(\"x\");|creates only results"})
    void theVocabularyIsClosed(String what, String then, String said) {
        assertThat(RuleAllowlist.check("rules/closed.drl", rule("", "", then))).as(what)
                .anySatisfy(p -> assertThat(p.message()).contains(said));
    }

    @Test
    void aBindingMayNotBeNamedLikeAClass() {
        String drl = "package rules.test;\nimport io.firstwall.plan.Plan;\nrule \"T-001 Test\"\nwhen\n"
                + "    ProcessHandle : Plan()\n    Plan(ProcessHandle.of(1).isPresent())\nthen\nend\n";
        assertThat(RuleAllowlist.check("rules/shadow.drl", drl))
                .anySatisfy(p -> assertThat(p.message()).contains("binding ProcessHandle needs another name"));
        String fine = drl.replace("ProcessHandle : Plan()\n    Plan(ProcessHandle.of(1).isPresent())", "$handle : Plan()");
        assertThat(RuleAllowlist.check("rules/fine.drl", fine)).isEmpty();
    }

    /** A wall's name is stored in 40 characters; the probe published a 45-character one that failed the nightly run. */
    @Test
    void aWallNameThatNoReportCanHoldIsRefusedAtItsText() {
        String drl = rule("import io.firstwall.analysis.Note;\nimport java.util.List;", "",
                "insert(new Note(\"SUBSTATION_AND_TRANSMISSION_SWITCHGEAR_SUPPLY\", \"T-001\", \"x\", List.of()));");
        assertThat(RuleAllowlist.check("rules/long.drl", drl)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has 45 characters; a wall's name has at most 40"));
        assertThat(RuleAllowlist.check("rules/lower.drl", drl.replace("SUBSTATION_AND_TRANSMISSION_SWITCHGEAR_SUPPLY",
                "grid wall"))).singleElement().satisfies(p -> assertThat(p.message()).contains("capitals, digits and _"));
    }
}
