package io.firstwall.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.drools.drl.parser.lang.ExpanderException;
import org.drools.drl.parser.lang.dsl.DSLMapping;
import org.drools.drl.parser.lang.dsl.DSLMappingEntry;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultDSLMapping;
import org.drools.drl.parser.lang.dsl.DefaultExpander;

/**
 * Rules in the sentences of the domain: Drools' own domain-specific language. The vocabulary is
 * every {@code *.dsl} file of the rule set ("[when]There is a plan=$p : Plan()"); a {@code *.dslr}
 * file holds rules written in those sentences, which Drools' expander turns into DRL. The DRL that
 * comes out is what {@link RuleCompiler} checks against the allowlist and compiles, so a sentence
 * can never stand for more than a hand-written rule could.
 *
 * <p>Two checks the expander does not make: every line between {@code when} and {@code then} (and
 * between {@code then} and {@code end}) must be one whole sentence of the vocabulary (the expander
 * would leave a half-matched line half-expanded, for the parser to fail on far away), and a blank
 * in a sentence is a plain {@code {name}}: the {@code {name:regex}} form would let whoever edits the
 * vocabulary write the patterns the server matches every rule line against.
 */
public final class DslSentences {

    /** A sentence of the vocabulary: where it may stand, its words, and the DRL it stands for. */
    public record Sentence(String section, String words, String drl) {
    }

    /** A rule file in sentences, expanded: the DRL, and for each DRL line the line of the sentence file. */
    public record Expansion(String drl, int[] sourceLines) {

        /** The sentence-file line a line of the DRL came from (1-based); 0 if unknown. */
        public int sourceLine(int drlLine) {
            return drlLine >= 1 && drlLine <= sourceLines.length ? sourceLines[drlLine - 1] : 0;
        }
    }

    private final List<DSLMappingEntry> entries;
    private final List<Pattern> wholeLines;
    private final List<RuleProblem> problems;

    private DslSentences(List<DSLMappingEntry> entries, List<RuleProblem> problems) {
        this.entries = entries;
        this.wholeLines = entries.stream().map(DslSentences::whole).toList();
        this.problems = problems;
    }

    /** Whether a path is a vocabulary file. */
    public static boolean isVocabulary(String path) {
        return path.endsWith(".dsl");
    }

    /** Whether a path is a rule file in sentences. */
    public static boolean isSentenceRules(String path) {
        return path.endsWith(".dslr");
    }

    /** The vocabulary of a rule set: every {@code .dsl} file, keyed by path under rules/. */
    public static DslSentences of(Map<String, String> files) {
        List<DSLMappingEntry> entries = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        files.forEach((path, text) -> {
            if (isVocabulary(path)) {
                read("rules/" + path, text, entries, problems);
            }
        });
        return new DslSentences(entries, problems);
    }

    private static void read(String path, String text, List<DSLMappingEntry> entries, List<RuleProblem> problems) {
        DSLTokenizedMappingFile file = new DSLTokenizedMappingFile();
        try {
            if (!file.parseAndLoad(new StringReader(text))) {
                for (Object error : file.getErrors()) {
                    problems.add(new RuleProblem(path, 0, 0, "a line of the vocabulary cannot be read: " + error));
                }
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\\R", -1);
        for (DSLMappingEntry entry : file.getMapping().getEntries()) {
            int line = lineOf(lines, entry.getMappingKey());
            String blank = patternBlank(entry.getMappingKey());
            String wrongSign = wrongSign(entry.getMappingKey());
            if (blank != null) {
                problems.add(new RuleProblem(path, line, 0, "the blank " + blank + " in the sentence \""
                        + entry.getMappingKey() + "\" has a pattern; a blank is a plain name in braces, like {region}"));
            } else if (wrongSign != null) {
                problems.add(new RuleProblem(path, line, 0, "the sentence \"" + entry.getMappingKey() + "\" " + wrongSign));
            } else if (entry.getSection() != DSLMappingEntry.CONDITION && entry.getSection() != DSLMappingEntry.CONSEQUENCE) {
                problems.add(new RuleProblem(path, line, 0, "the sentence \"" + entry.getMappingKey()
                        + "\" is marked " + entry.getSection() + "; a sentence is [when] or [then]"));
            } else {
                entries.add(entry);
            }
        }
    }

    /** The most blanks a sentence may have. */
    static final int MAX_BLANKS = 3;
    /** The longest line a sentence file may have. */
    static final int MAX_LINE = 300;

    /**
     * What is wrong with the words of a sentence, or null. Drools reads a sentence's words as a
     * regular expression, so a sign that means something there is refused: the words are words.
     * Blanks are few and have a word between them, so matching a line stays quick.
     */
    private static String wrongSign(String key) {
        int blanks = 0;
        boolean wordSinceBlank = true;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '{') {
                if (!wordSinceBlank) {
                    return "has two blanks with no word between them; put a word between them";
                }
                blanks++;
                wordSinceBlank = false;
                i = key.indexOf('}', i);
            } else if (Character.isLetterOrDigit(c)) {
                wordSinceBlank = true;
            } else if (!Character.isWhitespace(c) && "-,:;'\"/%".indexOf(c) < 0) {
                return "has the sign '" + c + "'; a sentence is made of words, spaces, blanks like {region} and - , : ; ' \" / %";
            }
        }
        return blanks > MAX_BLANKS ? "has " + blanks + " blanks; a sentence has at most " + MAX_BLANKS : null;
    }

    /** The first blank of a sentence that is not a plain {name}, or null. */
    private static String patternBlank(String key) {
        int open = key.indexOf('{');
        while (open >= 0) {
            int close = key.indexOf('}', open);
            if (close < 0) {
                return key.substring(open);
            }
            String name = key.substring(open + 1, close);
            if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') || name.isEmpty()) {
                return key.substring(open, close + 1);
            }
            open = key.indexOf('{', close);
        }
        return null;
    }

    private static int lineOf(String[] lines, String key) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(key)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** What is wrong with the vocabulary files themselves; empty when they can be used. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** The sentences, in file order, for people and for the editor's completions. */
    public List<Sentence> sentences() {
        return entries.stream().map(e -> new Sentence(e.getSection() == DSLMappingEntry.CONDITION ? "when" : "then",
                e.getMappingKey(), e.getMappingValue())).toList();
    }

    /**
     * Checks a rule file in sentences line by line and expands it. Problems are in plain words at the
     * sentence's own line; the expansion is null when there are any.
     */
    public Result expand(String path, String text) {
        List<RuleProblem> found = new ArrayList<>();
        text = withoutBlockComments(text);
        String[] lines = text.split("\\R", -1);
        String section = null;
        Steps steps = new Steps();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String keyword = withoutLineComment(line);
            if (keyword.startsWith("rule ") || keyword.equals("rule")) {
                section = "rule";
            } else if (keyword.equals("when") && section != null) {
                section = "when";
            } else if (keyword.equals("then") && section != null) {
                section = "then";
            } else if (keyword.equals("end")) {
                section = null;
            } else if (("when".equals(section) || "then".equals(section)) && !line.isEmpty()
                    && !line.startsWith("//") && !line.startsWith(">") && !("when".equals(section) && line.startsWith("#"))) {
                if (line.length() > MAX_LINE) {
                    found.add(new RuleProblem(path, i + 1, 0, "this line has " + line.length()
                            + " characters; a sentence has at most " + MAX_LINE));
                } else {
                    boolean known;
                    try {
                        known = matchesWhole(section, line, steps);
                    } catch (TooManySteps e) {
                        found.add(new RuleProblem(path, i + 1, 0, "matching this file's lines against the sentences"
                                + " takes too long (stopped at this line): sentences with several blanks and few words"
                                + " between them can be read many ways; give them more words, or fewer blanks"));
                        return new Result(null, found);
                    }
                    if (!known) {
                        found.add(new RuleProblem(path, i + 1, 0, unknownSentence(section, line)));
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            return new Result(null, found);
        }
        DSLMapping mapping = new DefaultDSLMapping();
        entries.forEach(mapping::addEntry);
        DefaultExpander expander = new DefaultExpander();
        expander.addDSLMapping(mapping);
        String drl = expander.expand(text);
        if (drl.length() > MAX_EXPANDED) {
            found.add(new RuleProblem(path, 0, 0, "the sentences of this file stand for " + drl.length() / 1024
                    + " KiB of rule text; a file of sentences may stand for at most " + MAX_EXPANDED / 1024 + " KiB"));
            return new Result(null, found);
        }
        for (Object error : expander.getErrors()) {
            ExpanderException e = (ExpanderException) error;
            found.add(new RuleProblem(path, e.getLine(), 0, "this line is not a sentence of the vocabulary", e.getMessage()));
        }
        return found.isEmpty() ? new Result(new Expansion(drl, sourceLines(lines, drl.split("\\R", -1))), List.of())
                : new Result(null, found);
    }

    /** An expansion, or the problems that stop it. */
    public record Result(Expansion expansion, List<RuleProblem> problems) {
    }

    private boolean matchesWhole(String section, String line, Steps steps) {
        for (int i = 0; i < entries.size(); i++) {
            DSLMappingEntry e = entries.get(i);
            boolean here = "when".equals(section) ? e.getSection() == DSLMappingEntry.CONDITION
                    : e.getSection() == DSLMappingEntry.CONSEQUENCE;
            if (here && wholeLines.get(i).matcher(steps.over(line)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** How many characters the matching of one file's lines against the sentences may read. */
    static final long MAX_STEPS = 20_000_000;
    /** The longest DRL a file of sentences may stand for. */
    static final int MAX_EXPANDED = 2 << 20;

    /** The matching ran out of its steps: the sentences are too alike for the lines. */
    static final class TooManySteps extends RuntimeException {
        TooManySteps() {
            super(null, null, false, false);
        }
    }

    /**
     * The characters the sentence matcher reads, counted: a blank matches anything, so sentences with
     * several blanks can make the matcher try each line a great many ways; past {@link #MAX_STEPS} the
     * file is refused in words instead of taking the service's time.
     */
    static final class Steps {
        private long left = MAX_STEPS;

        CharSequence over(String line) {
            return new CharSequence() {
                @Override
                public int length() {
                    return line.length();
                }

                @Override
                public char charAt(int index) {
                    if (--left < 0) {
                        throw new TooManySteps();
                    }
                    return line.charAt(index);
                }

                @Override
                public CharSequence subSequence(int start, int end) {
                    return line.substring(start, end);
                }

                @Override
                public String toString() {
                    return line;
                }
            };
        }
    }

    /** A line without its {@code //} comment, stripped. */
    private static String withoutLineComment(String line) {
        int comment = line.indexOf("//");
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }

    /** The text with each block comment blanked out, its line breaks kept, so lines keep their numbers. */
    static String withoutBlockComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (!quoted && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(text.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
                continue;
            }
            if (c == '\n') {
                quoted = false;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Pattern whole(DSLMappingEntry e) {
        return Pattern.compile("^\\s*" + e.getKeyPattern().pattern() + "\\s*$");
    }

    private String unknownSentence(String section, String line) {
        String closest = null;
        int best = -1;
        for (Sentence s : sentences()) {
            if (!s.section().equals(section)) {
                continue;
            }
            int common = commonWords(s.words(), line);
            if (common > best) {
                best = common;
                closest = s.words();
            }
        }
        String where = "when".equals(section) ? "a condition (between when and then)" : "an action (between then and end)";
        return "\"" + line + "\" is not a sentence the vocabulary knows as " + where
                + (closest == null ? "" : "; the nearest is \"" + closest + "\"");
    }

    private static int commonWords(String sentence, String line) {
        List<String> words = List.of(line.toLowerCase().split("\\s+"));
        int n = 0;
        for (String w : sentence.toLowerCase().split("\\s+")) {
            if (words.contains(w)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The source line of each expanded line. The expander keeps every line except a "- ..." line,
     * which joins the pattern above it. Should the counts ever differ, each line points at its rule.
     */
    private static int[] sourceLines(String[] source, String[] drl) {
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < source.length; k++) {
            if (!source[k].strip().startsWith("-")) {
                kept.add(k + 1);
            }
        }
        int[] map = new int[drl.length];
        if (kept.size() == drl.length) {
            for (int d = 0; d < drl.length; d++) {
                map[d] = kept.get(d);
            }
            return map;
        }
        int rule = 0;
        for (int d = 0; d < drl.length; d++) {
            String line = drl[d].strip();
            if (line.startsWith("rule ")) {
                for (int k = 0; k < source.length; k++) {
                    if (source[k].strip().equals(line)) {
                        rule = k + 1;
                    }
                }
            }
            map[d] = rule;
        }
        return map;
    }
}
