package io.firstwall.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.Analyzer;
import io.firstwall.plan.Power;

/**
 * The hostile corpus: every payload that tries to run code on the server, in every place code can
 * hide in a rule file or a decision table, is refused before it compiles, and nothing ran (a
 * canary system property and a canary file stay untouched). Each place is first proven genuine by
 * a harmless control that compiles and runs there.
 */
class HostileRuleCorpusTests {

    static final String PROPERTY = "firstwall.canary";
    static Path canary;

    @BeforeAll
    static void canaryFile() throws IOException {
        canary = Files.createTempDirectory("firstwall-canary-").resolve("ran");
    }

    /** Payload expressions, each an Object-valued expression that would touch the canary if it ran. */
    static final Map<String, String> PAYLOADS = new LinkedHashMap<>();

    static {
        String set = "\"" + PROPERTY + "\", \"ran\"";
        PAYLOADS.put("System.setProperty", "System.setProperty(" + set + ")");
        PAYLOADS.put("fully qualified java.lang.System", "java.lang.System.setProperty(" + set + ")");
        PAYLOADS.put("explicit type arguments", "String.class.<Object>forName(\"java.lang.System\").<Object>getMethod("
                + "\"setProperty\", String.class, String.class).<Object>invoke(null, " + set + ")");
        PAYLOADS.put("getClass reflection", "$p.getClass().forName(\"java.lang.System\").getMethod(\"setProperty\","
                + " String.class, String.class).invoke(null, " + set + ")");
        PAYLOADS.put("MVEL null-safe calls", "$p.?getClass().?forName(\"java.lang.System\")");
        PAYLOADS.put("MVEL class property", "$p.class.forName(\"java.lang.System\")");
        PAYLOADS.put("MVEL classLoader property", "$p.class.classLoader.loadClass(\"java.lang.System\")");
        PAYLOADS.put("enum declaring class", "Power.GRID.getDeclaringClass().getClassLoader()");
        PAYLOADS.put("describeConstable", "\"x\".describeConstable().get()");
        PAYLOADS.put("cast to Object then getClass", "((Object) $p).getClass().getClassLoader()");
        PAYLOADS.put("class literal", "Object.class.getClassLoader()");
        PAYLOADS.put("Class.forName", "Class.forName(\"java.lang.System\")");
        PAYLOADS.put("Runtime exec", "Runtime.getRuntime().exec(new String[] {\"touch\", \"CANARY\"})");
        PAYLOADS.put("fully qualified Runtime", "java.lang.Runtime.getRuntime().exec(\"touch CANARY\")");
        PAYLOADS.put("ProcessBuilder", "new ProcessBuilder(\"touch\", \"CANARY\").start()");
        PAYLOADS.put("java.io.File", "new java.io.File(\"CANARY\").createNewFile()");
        PAYLOADS.put("java.nio Files", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"CANARY\"), \"ran\")");
        PAYLOADS.put("thread context class loader", "Thread.currentThread().getContextClassLoader()");
        PAYLOADS.put("system class loader", "ClassLoader.getSystemClassLoader().loadClass(\"java.lang.System\")");
        PAYLOADS.put("MethodHandles", "java.lang.invoke.MethodHandles.lookup()");
        PAYLOADS.put("lambda", "((java.util.function.Supplier<Object>) () -> System.setProperty(" + set + ")).get()");
        PAYLOADS.put("method reference", "java.util.Optional.of(\"" + PROPERTY + "\").map(System::getProperty)");
        PAYLOADS.put("anonymous class", "new Object() { public String toString() { return System.setProperty(" + set
                + "); } }.toString()");
        PAYLOADS.put("text block with odd quotes", "\"\"\"\n  \" \"\"\".length() + java.lang.System.setProperty(" + set + ")");
        PAYLOADS.put("unicode escape", "\\u0053ystem.setProperty(" + set + ")");
        PAYLOADS.put("script engine", "new javax.script.ScriptEngineManager().getEngineByName(\"js\")");
        PAYLOADS.put("Spring reflection utils", "org.springframework.util.ReflectionUtils.findMethod(Object.class, \"x\")");
        PAYLOADS.put("Unsafe", "sun.misc.Unsafe.getUnsafe()");
        PAYLOADS.put("System.getenv", "System.getenv(\"HOME\")");
        PAYLOADS.put("monitor wait", "$p.wait()");
        PAYLOADS.put("stream with lambda", "$p.phases().stream().map(x -> System.setProperty(" + set + ")).count()");
        PAYLOADS.put("executor", "java.util.concurrent.Executors.newSingleThreadExecutor()");
        PAYLOADS.put("runaway date stream", "java.time.LocalDate.MIN.datesUntil(java.time.LocalDate.MAX).count()");
        PAYLOADS.put("project class literal", "Calc.class.getClassLoader()");
        PAYLOADS.put("facts global getClass", "facts.getClass().getClassLoader()");
        PAYLOADS.put("reflect Array", "java.lang.reflect.Array.newInstance(Object.class, 1)");
        PAYLOADS.put("project class outside the vocabulary", "new io.firstwall.analysis.Analyzer(null)");
        PAYLOADS.put("MVEL inline map", "[\"a\" : System.setProperty(" + set + ")]");
        PAYLOADS.put("MVEL cast", "$p#Object.getClass()");
        PAYLOADS.put("comment hides nothing", "/* \" */ System.setProperty(" + set + ") /* \" */");
        PAYLOADS.put("shadowing a forbidden name via property getter", "$p.runtime");
        PAYLOADS.put("switch expression", "switch (1) { default -> System.setProperty(" + set + "); }");
    }

    /**
     * Payloads that run no foreign code but would hang the service, fill its memory or change it for
     * every user (the December 2026 probe): each is refused by name, wherever it hides.
     */
    static final Map<String, String> EXHAUSTING = new LinkedHashMap<>();

    static {
        EXHAUSTING.put("a collection of two billion copies", "java.util.Collections.nCopies(2000000000, \"x\").size()");
        EXHAUSTING.put("a catastrophic regular expression", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\".matches(\"(.*a){12}\")");
        EXHAUSTING.put("regular-expression replace", "\"aaaa\".replaceAll(\"(a+)+b\", \"c\")");
        EXHAUSTING.put("regular-expression split", "\"a,b\".split(\"(a|a)*c\").length");
        EXHAUSTING.put("string repetition", "\"x\".repeat(1000000000)");
        EXHAUSTING.put("a formatted string of a billion characters", "String.format(\"%1000000000d\", 1)");
        EXHAUSTING.put("a huge array", "new long[650000000]");
        EXHAUSTING.put("an array of a given size", "java.util.Arrays.asList(new Object[100])");
        EXHAUSTING.put("a list of a given capacity", "new java.util.ArrayList(2000000000)");
        EXHAUSTING.put("the default locale changed for everyone",
                "java.util.Locale.setDefault(java.util.Locale.forLanguageTag(\"tr-TR\"))");
        EXHAUSTING.put("the default locale through its import", "Locale.setDefault(Locale.ROOT)");
        EXHAUSTING.put("a clock", "java.time.Instant.now()");
        EXHAUSTING.put("today's date", "java.time.LocalDate.now()");
        EXHAUSTING.put("a date stream", "$p.decisionDate().datesUntil(java.time.LocalDate.MAX)");
        EXHAUSTING.put("a collection changed", "$p.phases().add(null)");
        EXHAUSTING.put("a string builder", "new StringBuilder().append(\"x\")");
    }

    /** Where a payload can stand: a template producing a file (path → text) from a payload. */
    record Place(String name, String path, UnaryOperator<String> file) {
    }

    static String drl(String imports, String functions, String when, String then) {
        return "package rules.test;\nimport io.firstwall.plan.Plan;\nimport io.firstwall.plan.Power;\n"
                + "import io.firstwall.facts.Fact;\nimport io.firstwall.analysis.Calc;\n" + imports
                + "global io.firstwall.facts.FactBase facts;\n" + functions
                + "rule \"T-001 Test\"\nwhen\n    $p : Plan()\n" + when + "then\n    " + then + "\nend\n";
    }

    static String table(String functions, String condition, String action, String conditionCell, String actionCell) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("RuleSet", "rules.test");
            csv.printRecord("Import", "io.firstwall.plan.Plan, io.firstwall.plan.Power, io.firstwall.analysis.Calc");
            csv.printRecord("Variables", "io.firstwall.facts.FactBase facts");
            if (!functions.isEmpty()) {
                csv.printRecord("Functions", functions);
            }
            csv.printRecord("", "");
            csv.printRecord("RuleTable Hostile");
            csv.printRecord("NAME", "CONDITION", "ACTION");
            csv.printRecord("", "$p : Plan", "");
            csv.printRecord("", condition, action);
            csv.printRecord("Rule", "Condition", "Action");
            csv.printRecord("T-001 Hostile", conditionCell, actionCell);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static final List<Place> PLACES = List.of(
            new Place("consequence", "test/hostile.drl", x -> drl("", "", "", "Object o = " + x + ";")),
            new Place("constraint", "test/hostile.drl", x -> drl("", "", "    Plan(String.valueOf(" + x + ") != null)\n", "")),
            new Place("eval", "test/hostile.drl", x -> drl("", "", "    eval(String.valueOf(" + x + ") != null)\n", "")),
            new Place("from", "test/hostile.drl", x -> drl("", "", "    $o : Object() from String.valueOf(" + x + ")\n", "")),
            new Place("accumulate function argument", "test/hostile.drl", x -> drl("", "",
                    "    $c : Number() from accumulate(Plan(); count(String.valueOf(" + x + ")))\n", "")),
            new Place("inline accumulate action", "test/hostile.drl", x -> drl("", "",
                    "    $c : Object() from accumulate(Plan(), init(Object o = null;), action(o = String.valueOf(" + x
                            + ");), result(o))\n", "")),
            new Place("function body", "test/hostile.drl", x -> drl("",
                    "function Object hostile(Plan $p) {\n    return String.valueOf(" + x + ");\n}\n", "",
                    "Object o = hostile($p);")),
            new Place("declared field's initial value", "test/hostile.drl", x -> drl("",
                    "declare Box\n    value : Object = String.valueOf(" + x + ")\nend\n", "", "insert(new Box());")),
            new Place("decision-table action cell", "test/hostile.drl.csv", x -> table("", "name != \"$param\"",
                    "insert(String.valueOf($param));", "nobody", x)),
            new Place("decision-table condition cell", "test/hostile.drl.csv", x -> table("",
                    "String.valueOf($param) != null", "insert(\"x\");", x, "x")),
            new Place("decision-table header code", "test/hostile.drl.csv", x -> table("", "name != \"$param\"",
                    "insert(String.valueOf(" + x + ") + \"$param\");", "nobody", "x")),
            new Place("decision-table Functions row", "test/hostile.drl.csv", x -> table(
                    "function Object hostile(Plan $p) { return String.valueOf(" + x + "); }", "name != \"$param\"",
                    "insert(hostile($p) + \"$param\");", "nobody", "x")));

    static Stream<Arguments> placedPayloads() {
        List<Arguments> cases = new ArrayList<>();
        for (Place place : PLACES) {
            PAYLOADS.forEach((what, payload) -> cases.add(Arguments.of(what + " in a " + place.name(), place, payload)));
            EXHAUSTING.forEach((what, payload) -> cases.add(Arguments.of(what + " in a " + place.name(), place, payload)));
        }
        return cases.stream();
    }

    /** Structural attacks: the file's shape, not one expression, is the payload. */
    static Stream<Arguments> structuralAttacks() {
        String set = "System.setProperty(\"" + PROPERTY + "\", \"ran\")";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("function named like a forbidden member", drl("", "function void invoke(int x) {}\n", "",
                "Object o = String.class.getMethod(\"x\").invoke(null);"));
        files.put("function named getClass", drl("", "function Object getClass(int x) { return null; }\n", "",
                "Object o = $p.getClass();"));
        files.put("declare ProcessBuilder", drl("", "declare ProcessBuilder end\n", "",
                "Object o = new ProcessBuilder(\"touch\", \"CANARY\").start();"));
        files.put("declare System", drl("", "declare System end\n", "", "Object o = System.setProperty(\"a\", \"b\");"));
        files.put("declare Runtime", drl("", "declare Runtime end\n", "", "Object o = Runtime.getRuntime();"));
        files.put("declare an existing project type", drl("", "declare Plan end\n", "", ""));
        files.put("declare extending Thread", drl("", "declare Box extends java.lang.Thread end\n", "", ""));
        files.put("declare with annotations", drl("", "declare Box @role(event) end\n", "", ""));
        files.put("import static", drl("import static java.lang.System.setProperty;\n", "", "",
                "Object o = setProperty(\"a\", \"b\");"));
        files.put("import function", drl("import function java.lang.System.setProperty;\n", "", "",
                "Object o = setProperty(\"a\", \"b\");"));
        files.put("import reflection", drl("import java.lang.reflect.Method;\n", "", "", ""));
        files.put("import wildcard java.lang", drl("import java.lang.*;\n", "", "", ""));
        files.put("import accumulate function", drl("import accumulate java.lang.Object hostile;\n", "", "", ""));
        files.put("global of another type", drl("global java.util.List list;\n", "", "", ""));
        files.put("global named facts of another type", "package rules.test;\nglobal java.lang.Runtime facts;\n");
        files.put("package java.lang", "package java.lang;\nrule \"T-001 x\"\nwhen\nthen\nend\n");
        files.put("package of the analyzer", "package io.firstwall.analysis;\nrule \"T-001 x\"\nwhen\nthen\nend\n");
        files.put("mvel dialect on the rule", drl("", "", "", "").replace("rule \"T-001 Test\"\n",
                "rule \"T-001 Test\"\ndialect \"mvel\"\n"));
        files.put("mvel dialect on the package", drl("", "", "", "").replace("package rules.test;\n",
                "package rules.test;\ndialect \"mvel\"\n"));
        files.put("salience expression", drl("", "", "", "").replace("rule \"T-001 Test\"\n",
                "rule \"T-001 Test\"\nsalience (" + set + ".length())\n"));
        files.put("enabled expression", drl("", "", "", "").replace("rule \"T-001 Test\"\n",
                "rule \"T-001 Test\"\nenabled (" + set + " != null)\n"));
        files.put("timer attribute", drl("", "", "", "").replace("rule \"T-001 Test\"\n",
                "rule \"T-001 Test\"\ntimer (int: 0 1s)\n"));
        files.put("query with code", drl("", "query hostile()\n    Plan(String.valueOf(" + set + ") != null)\nend\n", "", ""));
        files.put("entry point", drl("", "", "    Plan() from entry-point \"x\"\n", ""));
        files.put("breaking out of the consequence", drl("", "", "",
                "} static { " + set + "; } public void more() {"));
        files.put("breaking out with a comment", drl("", "", "", "/* */ } static { " + set + "; } /* {"));
        files.put("while loop", drl("", "", "", "while (true) { }"));
        files.put("for loop", drl("", "", "", "for (int i = 0; ; i++) { }"));
        files.put("do loop", drl("", "", "", "do { } while (true);"));
        files.put("recursion between functions", drl("",
                "function int a(int x) { return b(x); }\nfunction int b(int x) { return a(x); }\n", "",
                "int n = a(1);"));
        files.put("try catch", drl("", "", "", "try { Object o = " + set + "; } catch (Throwable t) { }"));
        files.put("synchronized", drl("", "", "", "synchronized ($p) { }"));
        files.put("local class", drl("", "", "", "class X { } Object o = new X();"));
        files.put("drools engine handle", drl("", "", "", "Object o = drools.getKieRuntime();"));
        files.put("kcontext engine handle", drl("", "", "", "Object o = kcontext.getKieRuntime();"));
        files.put("drools rule internals", drl("", "", "", "Object o = drools.getRule().getPackageName();"));
        files.put("drools bound to a variable", drl("", "", "", "Object d = drools;"));
        files.put("rule name with a quote", drl("", "", "", "").replace("T-001 Test", "T-001 \\\" + x + \\\""));
        files.put("named consequence", drl("", "", "    do[hostile]\n", "").replace("end\n",
                "then[hostile]\n    Object o = " + set + ";\nend\n"));
        files.put("decision table Import row", table("", "name != \"$param\"", "insert(\"$param\");", "x", "y")
                .replace("io.firstwall.analysis.Calc", "java.lang.Runtime"));
        files.put("decision table Variables row", table("", "name != \"$param\"", "insert(\"$param\");", "x", "y")
                .replace("io.firstwall.facts.FactBase facts", "java.util.List facts"));
        files.put("decision table RuleSet row", table("", "name != \"$param\"", "insert(\"$param\");", "x", "y")
                .replace("RuleSet,rules.test", "RuleSet,java.lang"));
        String loop = "for (Object a : $p.phases()) { for (Object b : $p.phases()) { for (Object c : $p.phases()) { } } }";
        files.put("loops nested three deep", drl("", "", "", loop));
        files.put("loops nested three deep in a function", drl("",
                "function int deep(Plan $q) { int n = 0; for (Object a : $q.phases()) { for (Object b : $q.phases()) {"
                        + " for (Object c : $q.phases()) { n = n + 1; } } } return n; }\n", "", "int n = deep($p);"));
        files.put("a loop over two billion copies", drl("import java.util.Collections;\n", "", "",
                "long n = 0; for (Object a : Collections.nCopies(2000000000, \"x\")) { n = n + 1; }"));
        files.put("the probe's published hang", drl("import java.time.Instant;\nimport java.util.Collections;\n", "",
                "    Plan(name == \"PROBE-HANG\")\n", "Instant end = Instant.now().plusSeconds(70); long n = 0;"
                        + " for (Object a : Collections.nCopies(2000000000, \"x\")) { n = n + 1; if (Instant.now().isAfter(end))"
                        + " { break; } }"));
        files.put("from over two billion copies", drl("import java.util.Collections;\n", "",
                "    $a : String() from Collections.nCopies(100000, \"x\")\n"
                        + "    $b : Integer() from Collections.nCopies(2000000000, \"y\")\n", ""));
        files.put("a catastrophic regular expression with the matches operator", drl("", "",
                "    Plan(name matches \"(.*a){12}\")\n", ""));
        files.put("a string doubled in a loop", drl("", "", "",
                "String s = \"x\"; for (Object a : $p.phases()) { s = s + s; }"));
        files.put("a string doubled in a loop with +=", drl("", "", "",
                "String s = \"x\"; for (Object a : $p.phases()) { s += s; }"));
        files.put("the default locale changed in a consequence", drl("import java.util.Locale;\n", "", "",
                "Locale.setDefault(Locale.forLanguageTag(\"tr-TR-u-nu-arab\"));"));
        files.put("a binding named like a process class", drl("", "", "    ProcessHandle : Plan()\n"
                + "    Plan(ProcessHandle.of(1).isPresent())\n", ""));
        files.put("a binding named like System", drl("", "", "    System : Plan()\n    Plan(System.name != null)\n", ""));
        files.put("a local variable named like a class", drl("", "", "", "String Math = \"x\";"));
        files.put("a function parameter named like a class", drl("",
                "function int f(Plan Runtime) { return 1; }\n", "", "int n = f($p);"));
        files.put("3,000 nested parentheses", drl("", "", "    Plan(" + "(".repeat(3000) + "true"
                + ")".repeat(3000) + ")\n", ""));
        List<Arguments> cases = new ArrayList<>();
        files.forEach((what, text) -> cases.add(Arguments.of(what, what.startsWith("decision table")
                ? "test/hostile.drl.csv" : "test/hostile.drl", text)));
        return cases.stream();
    }

    @AfterEach
    void nothingRan() {
        assertThat(System.getProperty(PROPERTY)).as("the canary property").isNull();
        assertThat(canary).as("the canary file").doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placedPayloads")
    void aPayloadIsRefusedWhereverItHides(String what, Place place, String payload) {
        String text = place.file().apply(payload.replace("CANARY", canary.toString()));
        refusedAndNothingRan(what, place.path(), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structuralAttacks")
    void aHostileShapeIsRefused(String what, String path, String text) {
        refusedAndNothingRan(what, path, text.replace("CANARY", canary.toString()));
    }

    /** The control: each place, with a harmless value, compiles and runs, so a refusal is the payload's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void eachPlaceAcceptsHarmlessCode(Place place) {
        String text = place.file().apply("\"grid\".toUpperCase()");
        RuleBase base = RuleCompiler.compile(withTheRealRules(place.path(), text));
        new Analyzer(base).analyze(AnalysisFixtures.plan("US-TX", Power.GRID).phase("2028-06-30", 100_000).build(), AnalysisFixtures.FACTS);
    }

    static Stream<Place> places() {
        return PLACES.stream();
    }

    static Map<String, String> withTheRealRules(String path, String text) {
        Map<String, String> files = new LinkedHashMap<>(AnalysisFixtures.RULES.files());
        files.put(path, text);
        return files;
    }

    static void refusedAndNothingRan(String what, String path, String text) {
        try {
            RuleCompiler.compile(Map.of(path, text));
        } catch (RuleBuildException e) {
            assertThat(e.problems()).as(what).isNotEmpty();
            assertThat(e.problems()).as(what).allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/" + path));
            return;
        }
        try {
            new Analyzer(RuleCompiler.compile(withTheRealRules(path, text)))
                    .analyze(AnalysisFixtures.plan("US-TX", Power.GRID).phase("2028-06-30", 100_000).build(), AnalysisFixtures.FACTS);
        } catch (RuntimeException ignored) {
            // the failure is the compile that should not have happened
        }
        fail(what + " compiled:\n" + text);
    }
}
