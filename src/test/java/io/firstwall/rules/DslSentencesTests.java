package io.firstwall.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;

/** Rules in sentences: the vocabulary, the checks the expander does not make, the allowlist on what sentences stand for. */
class DslSentencesTests {

    static final String VOCABULARY = "dsl/firstwall.dsl";
    static final String SENTENCES = "permits/permits_sentences.dslr";

    static Map<String, String> files() {
        return new HashMap<>(AnalysisFixtures.RULES.files());
    }

    static String rule(String name, String when, String then) {
        return """
                package rules.permits;

                import io.firstwall.plan.Plan;
                import io.firstwall.plan.Power;
                import io.firstwall.facts.Fact;
                import io.firstwall.facts.Region;
                import io.firstwall.analysis.PhaseDemand;
                import io.firstwall.analysis.Calc;

                global io.firstwall.facts.FactBase facts;

                rule "%s"
                when
                %s
                then
                %s
                end
                """.formatted(name, when, then);
    }

    @Test
    void theVocabularyIsReadAsSentencesForTheEditor() {
        DslSentences vocabulary = DslSentences.of(files());
        assertThat(vocabulary.problems()).isEmpty();
        assertThat(vocabulary.sentences()).extracting(DslSentences.Sentence::words)
                .contains("There is a plan", "- located in {region}", "It needs the {lane} permit: {what}");
        assertThat(vocabulary.sentences()).filteredOn(s -> s.words().equals("- powered by on-site gas"))
                .singleElement().satisfies(s -> {
                    assertThat(s.section()).isEqualTo("when");
                    assertThat(s.drl()).isEqualTo("power == Power.ONSITE_GAS");
                });
    }

    @Test
    void anExpertsNewPermitRuleInSentencesCompilesAndFires() {
        Map<String, String> files = files();
        files.put("permits/solar_permits.dslr", rule("PERM-050 Solar in Arizona needs a land-use permit",
                """
                    There is a plan
                    - located in US-AZ
                    - powered by solar and storage
                    The plan is on Earth
                    The lead time is the fact permits.local_approval_months.US-AZ""",
                "    It needs the land permit: a land-use permit for the solar field"));
        RuleBase rules = RuleCompiler.compile(files);
        assertThat(rules.rules()).extracting(RuleInfo::id).contains("PERM-050");
        assertThat(RuleCompiler.ruleText("permits/solar_permits.dslr", files.get("permits/solar_permits.dslr"), files))
                .contains("$p : Plan(location == \"US-AZ\", power == Power.SOLAR_STORAGE)");
    }

    @Test
    void aLineThatIsNoSentenceIsNamedAtItsLineWithTheNearestSentence() {
        Map<String, String> files = files();
        String text = rule("PERM-051 Coal", "    There is a plan running on coal\n    The plan is on Earth",
                "    It needs the air permit: nothing");
        files.put("permits/coal.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("rules/permits/coal.dslr");
                    assertThat(p.line()).isEqualTo(lineOf(text, "running on coal"));
                    assertThat(p.message()).contains("\"There is a plan running on coal\" is not a sentence")
                            .contains("the nearest is \"There is a plan\"");
                }));
    }

    @Test
    void anActionThatIsNoSentenceIsNamedToo() {
        Map<String, String> files = files();
        String text = rule("PERM-052 X", "    There is a plan\n    The lead time is the fact permits.transmission_line_months",
                "    It wants a permit");
        files.put("permits/x.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(lineOf(text, "It wants"));
                    assertThat(p.message()).contains("as an action").contains("It needs the {lane} permit: {what}");
                }));
    }

    @Test
    void aSentenceThatStandsForForbiddenCodeIsRefusedAtTheLineThatUsesIt() {
        Map<String, String> files = files();
        files.put(VOCABULARY, files.get(VOCABULARY) + "[then]Stop the server=System.exit(0);\n");
        String text = rule("PERM-053 Hostile", "    There is a plan", "    Stop the server");
        files.put("permits/hostile.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/permits/hostile.dslr");
                    assertThat(p.line()).isEqualTo(lineOf(text, "Stop the server"));
                    assertThat(p.message()).startsWith("what this sentence stands for cannot be used").contains("System");
                }));
    }

    @Test
    void aBlankWithItsOwnPatternIsRefused() {
        Map<String, String> files = files();
        files.put(VOCABULARY, files.get(VOCABULARY) + "[when]- very slow {x:(a+)+b}=name == \"{x}\"\n");
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/" + VOCABULARY);
                    assertThat(p.message()).contains("has a pattern").contains("a plain name in braces");
                }));
    }

    @Test
    void aKeywordMappingThatRewritesEveryLineIsRefused() {
        Map<String, String> files = files();
        files.put(VOCABULARY, files.get(VOCABULARY) + "[keyword]end=end\n");
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("a sentence is [when] or [then]")));
    }

    @Test
    void anActionUsingAFactNoSentenceBoundIsNamedAtTheAction() {
        Map<String, String> files = files();
        String text = rule("PERM-054 No fact", "    There is a plan\n    - located in US-AZ",
                "    It needs the land permit: a permit");
        files.put("permits/nofact.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(lineOf(text, "It needs the land permit"));
                    assertThat(p.message()).startsWith("what this sentence stands for cannot be used").contains("$f");
                }));
    }

    @Test
    void aConditionJoinedToTheWrongSentenceIsNamedAtIt() {
        Map<String, String> files = files();
        // "- powered by the grid" joins the Region sentence above it, and a region has no power.
        String text = rule("PERM-055 Misplaced condition", """
                    There is a plan
                    The plan is on Earth
                    - powered by the grid
                    The lead time is the fact permits.transmission_line_months""",
                "    It needs the land permit: a permit");
        files.put("permits/misplaced.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("rules/permits/misplaced.dslr");
                    assertThat(p.line()).isEqualTo(lineOf(text, "The plan is on Earth"));
                    assertThat(p.message()).startsWith("what this sentence stands for cannot be used").contains("power");
                }));
    }

    @Test
    void aCompilerErrorInWhatTheSentencesStandForIsSaidInTheSentenceFile() {
        Map<String, String> files = files();
        String one = rule("PERM-056 Twice", "    There is a plan\n    The lead time is the fact permits.transmission_line_months",
                "    It needs the land permit: a permit");
        String text = one + one.substring(one.indexOf("rule \""));
        files.put("permits/twice.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/permits/twice.dslr");
                    assertThat(p.message()).startsWith("what this sentence stands for does not compile")
                            .containsIgnoringCase("duplicate");
                }));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> payloads() {
        return HostileRuleCorpusTests.PAYLOADS.entrySet().stream()
                .map(e -> org.junit.jupiter.params.provider.Arguments.of(e.getKey(), e.getValue()));
    }

    /**
     * A payload written into a sentence's blank, where the sentence puts it into code: the allowlist
     * refuses it at the sentence's line (a payload with a line break is two lines, neither a sentence).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} in a blank")
    @org.junit.jupiter.params.provider.MethodSource("payloads")
    void aPayloadInABlankIsRefused(String what, String payload) {
        Map<String, String> files = files();
        String text = rule("PERM-070 Hostile", "    There is a plan\n    Its last phase draws more than "
                + payload + " MW\n    The lead time is the fact permits.transmission_line_months",
                "    It needs the land permit: a permit");
        files.put("permits/hostile.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).as(what).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/permits/hostile.dslr");
                    assertThat(p.message()).startsWith(payload.contains("\n") ? "\"" : "what this sentence stands for cannot be used");
                }));
    }

    /** A payload in what a new sentence of the vocabulary stands for is refused at the line of the rule that uses it. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} in a sentence's rule text")
    @org.junit.jupiter.params.provider.MethodSource("payloads")
    void aPayloadInTheVocabularyIsRefused(String what, String payload) {
        org.junit.jupiter.api.Assumptions.assumeFalse(payload.contains("\n") || payload.contains("{"),
                "a line break or a brace is not one vocabulary line");
        Map<String, String> files = files();
        files.put(VOCABULARY, files.get(VOCABULARY) + "[then]Do the thing=Object o = String.valueOf(" + payload + ");\n");
        String text = rule("PERM-071 Hostile", "    There is a plan", "    Do the thing");
        files.put("permits/hostile.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).as(what).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(lineOf(text, "Do the thing"));
                    assertThat(p.message()).startsWith("what this sentence stands for cannot be used");
                }));
    }

    @Test
    void signsThatMeanSomethingToARegularExpressionAreRefusedInASentence() {
        Map<String, String> files = files();
        files.put(VOCABULARY, files.get(VOCABULARY) + "[when](a|aa)+ plan=$p : Plan()\n");
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
                        .contains("has the sign '('").contains("a sentence is made of words")));
    }

    @Test
    void blanksAreFewAndHaveAWordBetweenThem() {
        Map<String, String> files = files();
        files.put(VOCABULARY, files.get(VOCABULARY) + "[when]{a} {b} stop=$p : Plan()\n"
                + "[when]a {a} b {b} c {c} d {d}=$p : Plan()\n");
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m)
                        .contains("two blanks with no word between them")).anySatisfy(m -> assertThat(m)
                        .contains("has 4 blanks; a sentence has at most 3")));
    }

    @Test
    void aVeryLongLineIsRefusedBeforeAnySentenceIsMatchedAgainstIt() {
        Map<String, String> files = files();
        String text = rule("PERM-072 Long", "    There is a plan " + "x ".repeat(400), "    It needs the land permit: a permit");
        files.put("permits/long.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                        .contains("characters; a sentence has at most 300")));
    }

    @Test
    void aBlockCommentKeepsTheLinesWhereTheyAreAndACommentAfterWhenStillChecksTheSentences() {
        Map<String, String> files = files();
        String text = rule("PERM-073 Commented", "    /* the plan\n       and where it is */\n    There is a plan running on coal",
                "    It needs the land permit: a permit").replace("\nwhen\n", "\nwhen // the conditions\n");
        files.put("permits/commented.dslr", text);
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOfSatisfying(RuleBuildException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(lineOf(text, "running on coal"));
                    assertThat(p.message()).contains("is not a sentence");
                }));
    }

    static int lineOf(String text, String part) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part);
    }

    /**
     * The probe's shape: ten sentences of three blanks with one word between them, against 200 lines of
     * "x x ... x z" (61 KB), took 62 s of CPU; the matching now stops at its step budget with words.
     */
    @Test
    void sentencesThatCanBeReadManyWaysAreRefusedInsteadOfTakingMinutes() {
        StringBuilder vocabulary = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            vocabulary.append("[when]{a} x {b} x {c} y").append(i).append("=$p : Plan()\n");
        }
        String line = "    " + "x ".repeat(146) + "z";
        StringBuilder when = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            when.append(line).append("\n");
        }
        DslSentences sentences = DslSentences.of(Map.of("dsl/slow.dsl", vocabulary.toString()));
        assertThat(sentences.problems()).isEmpty();
        DslSentences.Result result = sentences.expand("rules/permits/slow.dslr", rule("T-1 Slow", when.toString().stripTrailing(), ""));
        assertThat(result.expansion()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("takes too long"));
    }
}
