package io.firstwall.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.internal.io.ResourceFactory;
import io.firstwall.plan.Attributes;
import io.firstwall.plan.Levers;

/**
 * Compiles a rule set (DRL files, {@code *.drl.csv} / {@code *.drl.xlsx} decision tables, and
 * {@code *.dslr} rules in the sentences of the {@code *.dsl} vocabulary, keyed by their path under
 * {@code rules/}) into a {@link RuleBase}. Every DRL text, the DRL of every decision table and the
 * DRL every sentence file stands for pass {@link RuleAllowlist} first. Each build gets its own ReleaseId,
 * and its module is removed from the repository once the KieBase exists. Any ERROR means no rule
 * base: a {@link RuleBuildException} lists each problem as {@code file:line:column message}.
 */
public final class RuleCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() {
    }

    /** Whether a path under rules/ is part of the rule set. */
    public static boolean isRuleFile(String path) {
        return path.endsWith(".drl") || path.endsWith(".drl.csv") || path.endsWith(".drl.xlsx")
                || DslSentences.isSentenceRules(path);
    }

    /** Whether a path under rules/ belongs to the rule set: a rule file, or the attribute declarations. */
    public static boolean isRuleSetFile(String path) {
        return isRuleFile(path) || path.equals(Attributes.FILE) || path.equals(Levers.FILE) || DslSentences.isVocabulary(path);
    }

    /** Reads every rule file below a directory (skipping {@code tests/}), keyed by relative path with '/'. */
    public static Map<String, String> readDirectory(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleBuildException(List.of(new RuleProblem(rulesDir.toString(), 0, 0,
                    "the rules directory does not exist")));
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(rulesDir)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                String rel = rulesDir.relativize(p).toString().replace('\\', '/');
                if (isRuleSetFile(rel) && !rel.startsWith("tests/")) {
                    files.put(rel, rel.endsWith(".xlsx")
                            ? Base64.getEncoder().encodeToString(Files.readAllBytes(p))
                            : Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rulesDir, e);
        }
        return files;
    }

    public static RuleBase compile(Path rulesDir) {
        return compile(readDirectory(rulesDir));
    }

    /**
     * Compiles files given as path → text (an {@code .xlsx} as Base64). An empty rule set is an
     * error: the analyzer never runs with no rules.
     */
    public static RuleBase compile(Map<String, String> files) {
        return compile(files, true);
    }

    /**
     * As {@link #compile(Map)}; without {@code textGuard} the parse-tree check is skipped, which only
     * tests do, to show that the bytecode check refuses on its own what the text check would.
     */
    static RuleBase compile(Map<String, String> files, boolean textGuard) {
        if (files.isEmpty()) {
            throw new RuleBuildException(List.of(new RuleProblem("rules/", 0, 0,
                    "no rule files (*.drl, *.drl.csv, *.drl.xlsx) found; the analyzer never runs without rules")));
        }
        List<RuleProblem> refused = new ArrayList<>();
        Attributes attributes = Attributes.NONE;
        try {
            attributes = Attributes.ofFile(files.get(Attributes.FILE));
        } catch (IllegalArgumentException e) {
            refused.add(new RuleProblem("rules/" + Attributes.FILE, 0, 0, e.getMessage()));
        }
        Levers levers = Levers.NONE;
        try {
            levers = Levers.ofFile(files.get(Levers.FILE), attributes);
        } catch (IllegalArgumentException e) {
            refused.add(new RuleProblem("rules/" + Levers.FILE, 0, 0, e.getMessage()));
        }
        DslSentences vocabulary = DslSentences.of(files);
        refused.addAll(vocabulary.problems());
        Map<String, DslSentences.Expansion> expansions = new TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (DslSentences.isSentenceRules(file.getKey()) && vocabulary.problems().isEmpty()) {
                DslSentences.Result result = vocabulary.expand("rules/" + file.getKey(), file.getValue());
                refused.addAll(result.problems());
                if (result.expansion() != null) {
                    expansions.put(file.getKey(), result.expansion());
                }
            }
        }
        for (Map.Entry<String, String> file : textGuard ? files.entrySet() : Map.<String, String>of().entrySet()) {
            String path = "rules/" + file.getKey();
            if (file.getKey().equals(Attributes.FILE) || file.getKey().equals(Levers.FILE)
                    || DslSentences.isVocabulary(file.getKey())) {
                continue;
            }
            if (DslSentences.isSentenceRules(file.getKey())) {
                DslSentences.Expansion expansion = expansions.get(file.getKey());
                if (expansion != null) {
                    List<RuleProblem> found = new ArrayList<>(DrlBrackets.check(path, expansion.drl()));
                    if (found.isEmpty()) {
                        found.addAll(RuleAllowlist.check(path, expansion.drl()));
                    }
                    found.forEach(p -> refused.add(new RuleProblem(path, expansion.sourceLine(p.line()), 0,
                            "what this sentence stands for cannot be used: " + p.message(), p.detail())));
                }
            } else if (file.getKey().endsWith(".drl")) {
                List<RuleProblem> brackets = DrlBrackets.check(path, file.getValue());
                List<RuleProblem> parser = RuleAllowlist.check(path, file.getValue());
                if (brackets.isEmpty()) {
                    refused.addAll(parser);
                } else {
                    // The parser gives up lines below the mistake; the plain words say where it is.
                    String said = String.join("\n", parser.stream().map(RuleProblem::toString).toList());
                    brackets.forEach(b -> refused.add(parser.isEmpty() ? b : b.withDetail(said)));
                }
            } else if (file.getKey().endsWith(".drl.csv")) {
                String drl;
                try {
                    drl = generatedDrl(file.getValue());
                } catch (RuntimeException e) {
                    refused.add(new RuleProblem(path, 0, 0, "the decision table cannot be read: " + e.getMessage()));
                    continue;
                }
                for (RuleProblem p : RuleAllowlist.check(path, drl)) {
                    int row = tableRow(file.getValue(), p.line());
                    refused.add(row > 0 ? new RuleProblem(path, row, 0, "row " + row + " of the table: " + p.message()) : p);
                }
            } else {
                refused.add(new RuleProblem(path, 0, 0,
                        "spreadsheets (.drl.xlsx) cannot be checked against the allowlist yet; use a .drl.csv table"));
            }
        }
        if (!refused.isEmpty()) {
            throw new RuleBuildException(refused);
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.firstwall.rules", "ruleset",
                "1.0." + BUILDS.incrementAndGet() + "-" + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (!isRuleFile(path)) {
                continue;
            }
            if (DslSentences.isSentenceRules(path)) {
                // The DRL the sentences stand for is compiled: the text the allowlist checked.
                kfs.write(ResourceFactory.newByteArrayResource(expansions.get(path).drl().getBytes(StandardCharsets.UTF_8))
                        .setSourcePath("src/main/resources/rules/" + path + ".drl")
                        .setResourceType(ResourceType.DRL));
                continue;
            }
            byte[] bytes = path.endsWith(".xlsx") ? Base64.getDecoder().decode(file.getValue())
                    : file.getValue().getBytes(StandardCharsets.UTF_8);
            ResourceType type = path.endsWith(".drl") ? ResourceType.DRL : ResourceType.DTABLE;
            kfs.write(ResourceFactory.newByteArrayResource(bytes)
                    .setSourcePath("src/main/resources/rules/" + path)
                    .setResourceType(type));
        }
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll();
        } catch (RuntimeException e) {
            throw new RuleBuildException(List.of(new RuleProblem("rules/", 0, 0,
                    "the rule compiler failed: " + e.getMessage())));
        }
        List<RuleProblem> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(problem(m, files, expansions));
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleBuildException(errors);
        }
        KieBase kieBase;
        try {
            // Constraint jitting is off: with it on, a rule base built after a publish in the same JVM
            // answered with the threshold of the rule base published before it (RulesDriveOutcomeTests
            // failed when run after ExpertBrowserTests). Interpreted constraints are fast enough (README).
            KieBaseConfiguration configuration = ks.newKieBaseConfiguration();
            configuration.setOption(ConstraintJittingThresholdOption.get(-1));
            kieBase = ks.newKieContainer(releaseId).newKieBase(configuration);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        List<RuleProblem> generated = GeneratedCodeCheck.check(kieBase);
        if (!generated.isEmpty()) {
            throw new RuleBuildException(generated);
        }
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.add(RuleInfo.of(pkg.getName(), rule.getName()));
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::id));
        return new RuleBase(kieBase, hash(files), rules, files, attributes, levers);
    }

    private static final Pattern LINE_COLUMN = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern TABLE_ROW = Pattern.compile("// rule values at [A-Z]+(\\d+)");

    /**
     * A build message as file:line:column. Parser errors carry the column only in their text
     * ("Line 5:17", 0-based); decision-table errors point into the generated DRL, so they are
     * mapped back to the table row the rule came from.
     */
    private static RuleProblem problem(Message m, Map<String, String> files, Map<String, DslSentences.Expansion> expansions) {
        String path = m.getPath() == null ? "rules/" : m.getPath().replaceFirst("^src/main/resources/", "");
        if (path.endsWith(".dslr.drl")) {
            path = path.substring(0, path.length() - ".drl".length());
        }
        String text = m.getText().trim().replaceAll("\\s+", " ");
        int line = Math.max(0, m.getLine());
        int column = Math.max(0, m.getColumn());
        Matcher lc = LINE_COLUMN.matcher(text);
        if (lc.find()) {
            line = line == 0 ? Integer.parseInt(lc.group(1)) : line;
            column = column == 0 ? Integer.parseInt(lc.group(2)) + 1 : column;
        }
        String key = path.replaceFirst("^rules/", "");
        if (expansions.containsKey(key)) {
            return new RuleProblem(path, expansions.get(key).sourceLine(line), 0,
                    "what this sentence stands for does not compile: " + text);
        }
        if (key.endsWith(".drl.csv") && files.containsKey(key) && line > 0) {
            int row = tableRow(files.get(key), line);
            if (row > 0) {
                return new RuleProblem(path, row, 0, "row " + row + " of the table: " + text);
            }
        }
        return new RuleProblem(path, line, column, text);
    }

    /** The decision-table row that produced a line of generated DRL, 0 if unknown. */
    private static int tableRow(String csv, int drlLine) {
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
        } catch (RuntimeException e) {
            return 0;
        }
        String[] lines = drl.split("\\R", -1);
        for (int i = Math.min(drlLine, lines.length) - 1; i >= 0; i--) {
            Matcher m = TABLE_ROW.matcher(lines[i]);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    /**
     * The DRL a rule file stands for, for people checking what it means: a DRL file's own text, a
     * decision table's generated rules, a sentence file's expansion with the vocabulary of
     * {@code files}. A file that cannot be turned into DRL is a {@link RuleBuildException}.
     */
    public static String ruleText(String path, String text, Map<String, String> files) {
        if (DslSentences.isSentenceRules(path)) {
            DslSentences vocabulary = DslSentences.of(files);
            if (!vocabulary.problems().isEmpty()) {
                throw new RuleBuildException(vocabulary.problems());
            }
            DslSentences.Result result = vocabulary.expand("rules/" + path, text);
            if (result.expansion() == null) {
                throw new RuleBuildException(result.problems());
            }
            return result.expansion().drl();
        }
        if (path.endsWith(".drl.csv")) {
            try {
                return generatedDrl(text);
            } catch (RuntimeException e) {
                throw new RuleBuildException(List.of(new RuleProblem("rules/" + path, 0, 0,
                        "the decision table cannot be read: " + e.getMessage())));
            }
        }
        return text;
    }

    /** The DRL a decision table compiles to, for people checking what a table means. */
    public static String generatedDrl(String csv) {
        return new SpreadsheetCompiler().compile(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
    }

    static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
