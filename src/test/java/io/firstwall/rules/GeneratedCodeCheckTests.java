package io.firstwall.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.firstwall.analysis.AnalysisFixtures;

/** The bytecode Drools generates is checked before anything runs, even were the text check to miss something. */
class GeneratedCodeCheckTests {

    static final String CANARY = "firstwall.bytecode.canary";

    @AfterEach
    void nothingRan() {
        assertThat(System.getProperty(CANARY)).isNull();
    }

    static String drl(String functions, String when, String then) {
        return "package rules.test;\nimport io.firstwall.plan.Plan;\n" + functions
                + "rule \"T-001 Test\"\nwhen\n    $p : Plan()\n" + when + "then\n    " + then + "\nend\n";
    }

    static Stream<Arguments> hostile() {
        String set = "System.setProperty(\"" + CANARY + "\", \"ran\")";
        return Stream.of(
                Arguments.of("consequence", "", "", set + ";"),
                Arguments.of("function body", "function Object hostile() { return " + set + "; }\n", "", "Object o = hostile();"),
                Arguments.of("eval", "", "    eval(" + set + " != null)\n", ""),
                Arguments.of("inline accumulate", "", "    $o : Object() from accumulate(Plan(), init(Object o = null;),"
                        + " action(o = " + set + ";), result(o))\n", ""),
                Arguments.of("reflection in a consequence", "", "", "insert(Class.forName(\"java.lang.Runtime\"));"),
                Arguments.of("a class constant", "", "", "insert(String.class);"),
                Arguments.of("a lambda", "", "", "Runnable r = () -> { }; insert(r);"),
                Arguments.of("a project class outside the vocabulary", "", "",
                        "insert(new io.firstwall.rules.RuleProblem(\"a\", 1, 1, \"b\"));"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void withTheTextCheckSkippedTheBytecodeCheckStillRefuses(String place, String functions, String when, String then) {
        Map<String, String> files = new LinkedHashMap<>(AnalysisFixtures.RULES.files());
        files.put("test/hostile.drl", drl(functions, when, then));
        assertThatThrownBy(() -> RuleCompiler.compile(files, false))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("rules/test");
                            assertThat(p.message()).contains("which rules may not use");
                        }));
    }

    @Test
    void theRealRulesGenerateOnlyAllowedCode() {
        assertThat(GeneratedCodeCheck.check(AnalysisFixtures.RULES.kieBase())).isEmpty();
    }

    static final class Escape {
        static String run() throws Exception {
            Runtime.getRuntime().exec("true");
            return System.getProperty("user.home") + Escape.class.getName();
        }
    }

    @Test
    void aClassFileIsReadForWhatItCalls() throws IOException {
        byte[] bytes;
        try (InputStream in = Escape.class.getResourceAsStream("GeneratedCodeCheckTests$Escape.class")) {
            bytes = in.readAllBytes();
        }
        assertThat(GeneratedCodeCheck.check(bytes)).contains("java.lang.Runtime.getRuntime", "java.lang.Runtime.exec",
                "java.lang.System.getProperty").anySatisfy(r -> assertThat(r).contains("class or method constant"));
    }
}
