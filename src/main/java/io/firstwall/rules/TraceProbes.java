package io.firstwall.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The probes behind "why": for every rule of a rule set, one probe rule per growing prefix of its
 * conditions (and, inside a pattern, per growing prefix of its constraints), with no action. Run
 * after the rules, the first probe that never matches names the condition that stopped the rule.
 *
 * <p>The probes are cut from the rule text as the DRL parser located it (start and end of each
 * pattern and constraint), so a probe can only say what its rule already says. Each rule file is
 * traced as its own DRL with its probes appended, and compiled through {@link RuleCompiler},
 * allowlist and all, like any rule file.
 */
public final class TraceProbes {

    /** The agenda group of the probes: they run only when "why" asks for them. */
    public static final String AGENDA_GROUP = "firstwall-trace";
    /** The first word of every probe's name. */
    public static final String PREFIX = "TRACE-";

    private static final Pattern TABLE_ROW = Pattern.compile("// rule values at [A-Z]+(\\d+)");

    /**
     * One condition of a rule, as a probe tests it: the pattern or element it belongs to, its own
     * text, and the type of fact the pattern matches (null for not, exists, eval and the like).
     */
    public record Step(String element, String condition, String objectType, boolean fromSource) {
    }

    /** A rule of the set, where it lives, and its conditions in the order the probes test them. */
    public record Traced(String name, String file, int tableRow, List<Step> steps) {
    }

    /**
     * The traced rule files (each rule file's DRL with its probes after its rules, so the probes see
     * the file's functions), what each probe tests, and every traced rule.
     */
    public record Probes(Map<String, String> files, Map<String, ProbeOf> probes, List<Traced> rules) {

        /** The rule set to compile for tracing: each traced file in place of the file it traces. */
        public Map<String, String> ruleSet(Map<String, String> original) {
            Map<String, String> set = new TreeMap<>(original);
            set.keySet().removeIf(path -> files.containsKey(traceFile(path)));
            set.putAll(files);
            return set;
        }
    }

    /** A probe: the rule, and the index of the step whose prefix it matches. */
    public record ProbeOf(String rule, int step) {
    }

    private TraceProbes() {
    }

    /** Probes for every rule file of a rule set (path → text, as {@link RuleCompiler} takes them). */
    public static Probes of(Map<String, String> files) {
        Map<String, String> probeFiles = new TreeMap<>();
        Map<String, ProbeOf> probes = new LinkedHashMap<>();
        List<Traced> rules = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            String path = file.getKey();
            if (!RuleCompiler.isRuleFile(path) || path.endsWith(".xlsx")) {
                continue;
            }
            String drl = RuleCompiler.ruleText(path, file.getValue(), files);
            PackageDescr pkg;
            DrlParser parser = new DrlParser();
            try {
                pkg = parser.parse(false, drl);
            } catch (DroolsParserException e) {
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                continue;
            }
            StringBuilder out = new StringBuilder(drl).append("\n");
            for (RuleDescr rule : pkg.getRules()) {
                int before = n;
                try {
                    n = probe(drl, rule, n, out, probes, rules, path);
                } catch (RuntimeException e) {
                    // A construct the cutting does not know: the rule is listed untraced and runs as it is.
                    rules.add(new Traced(rule.getName(), path, tableRow(drl, rule), List.of()));
                    n = before;
                }
            }
            probeFiles.put(traceFile(path), out.toString());
        }
        return new Probes(probeFiles, probes, rules);
    }

    /** The probes of one rule, appended to {@code out}; returns the last probe number used. */
    private static int probe(String drl, RuleDescr rule, int n, StringBuilder out, Map<String, ProbeOf> probes,
            List<Traced> rules, String path) {
        StringBuilder mine = new StringBuilder();
        Map<String, ProbeOf> myProbes = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        List<String> lhs = new ArrayList<>();
        List<String> done = new ArrayList<>();
        if (rule.getParentName() != null) {
            throw new IllegalStateException("a rule that extends another is traced with its parent's conditions");
        }
        for (BaseDescr element : rule.getLhs().getDescrs()) {
            String text = cut(drl, element);
            if (element instanceof PatternDescr pattern && pattern.getDescrs().size() > 1) {
                List<BaseDescr> constraints = new ArrayList<>(pattern.getDescrs());
                int from = constraints.get(0).getStartCharacter();
                int to = constraints.get(constraints.size() - 1).getEndCharacter() + 1;
                for (int j = 0; j < constraints.size(); j++) {
                    List<String> upTo = constraints.subList(0, j + 1).stream().map(c -> constraint(drl, c)).toList();
                    String partial = drl.substring(element.getStartCharacter(), from) + String.join(", ", upTo)
                            + drl.substring(to, element.getEndCharacter());
                    List<String> probe = new ArrayList<>(done);
                    probe.add(partial.strip());
                    lhs.add(String.join("\n    ", probe));
                    steps.add(new Step(text.strip(), constraint(drl, constraints.get(j)).strip(),
                            pattern.getObjectType(), pattern.getSource() != null));
                }
            } else {
                List<String> probe = new ArrayList<>(done);
                probe.add(text.strip());
                lhs.add(String.join("\n    ", probe));
                String condition = element instanceof PatternDescr p && p.getDescrs().size() == 1
                        ? constraint(drl, p.getDescrs().get(0)).strip() : text.strip();
                steps.add(new Step(text.strip(), condition,
                        element instanceof PatternDescr p ? p.getObjectType() : null,
                        element instanceof PatternDescr p && p.getSource() != null));
            }
            done.add(text.strip());
        }
        for (int s = 0; s < lhs.size(); s++) {
            String name = PREFIX + (++n);
            myProbes.put(name, new ProbeOf(rule.getName(), s));
            mine.append("\nrule \"").append(name).append("\"\n    ruleflow-group \"").append(AGENDA_GROUP)
                    .append("\"\nwhen\n    ").append(lhs.get(s)).append("\nthen\nend\n");
        }
        rules.add(new Traced(rule.getName(), path, tableRow(drl, rule), List.copyOf(steps)));
        out.append(mine);
        probes.putAll(myProbes);
        return n;
    }

    /** Where a traced rule file is compiled: in place of the file, as DRL. */
    static String traceFile(String path) {
        return path + ".trace.drl";
    }

    /** A constraint's text: the parser's end of a constraint is its last character, not the one after. */
    private static String constraint(String text, BaseDescr d) {
        return text.substring(d.getStartCharacter(), Math.min(text.length(), d.getEndCharacter() + 1));
    }

    /** A pattern's or element's text: the parser's end is the character after it. */
    private static String cut(String text, BaseDescr d) {
        return text.substring(d.getStartCharacter(), Math.min(text.length(), d.getEndCharacter()));
    }

    /** The decision-table row a generated rule came from; 0 for a rule that is not from a table. */
    private static int tableRow(String drl, RuleDescr rule) {
        int at = drl.indexOf("rule \"" + rule.getName() + "\"");
        if (at < 0) {
            return 0;
        }
        Matcher m = TABLE_ROW.matcher(drl.substring(0, at));
        int row = 0;
        while (m.find()) {
            row = Integer.parseInt(m.group(1));
        }
        int last = drl.lastIndexOf("// rule values at", at);
        return last >= 0 && drl.lastIndexOf("\nend", at) < last ? row : 0;
    }
}
