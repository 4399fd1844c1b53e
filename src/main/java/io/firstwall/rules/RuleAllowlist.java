package io.firstwall.rules;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import io.firstwall.rules.JavaSnippetCheck.Kind;
import io.firstwall.rules.JavaSnippetCheck.Names;
import io.firstwall.rules.JavaSnippetCheck.Offence;

/**
 * Every DRL text, and the DRL generated from every decision table, is checked here before it
 * compiles, on the trees real parsers build: Drools' own DRL parser gives the package, imports,
 * globals, declares, functions, rules, patterns and every piece of code in them; each piece of code
 * is then parsed as Java and checked by {@link JavaSnippetCheck} against {@link RuleVocabulary}.
 * Nothing that fails to parse, and nothing the check does not know, passes: queries, entry points,
 * windows, timers, the MVEL dialect, function imports, other globals and declares of existing type
 * names are refused. Each refusal has the file, line and column of the offence.
 */
public final class RuleAllowlist {

    /** Rule attributes an expert may set, each with a plain value. */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "auto-focus", "ruleflow-group", "enabled", "dialect", "date-effective",
            "date-expires");

    /** A function may not take the name of a method every object has. */
    private static final Set<String> OBJECT_METHODS = Arrays.stream(Object.class.getMethods())
            .map(Method::getName).collect(Collectors.toSet());

    private final String file;
    private final String drl;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<String, Class<?>> types = new HashMap<>(RuleVocabulary.implicitTypes());
    private final Map<String, Set<String>> declared = new HashMap<>();
    private final Set<String> functions = new LinkedHashSet<>();
    /** How deep each function's own loops nest: a call inside a loop adds them to the loop's depth. */
    private final Map<String, Integer> functionLoops = new HashMap<>();
    private final Set<String> globals = new HashSet<>();
    private final int[] lineStarts;

    private RuleAllowlist(String file, String drl) {
        this.file = file;
        this.drl = drl;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < drl.length(); i++) {
            if (drl.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public static List<RuleProblem> check(String file, String drl) {
        RuleAllowlist check = new RuleAllowlist(file, drl);
        check.run();
        return check.problems;
    }

    private void run() {
        int escape = drl.indexOf("\\u");
        while (escape >= 0) {
            int k = escape + 2;
            while (k < drl.length() && drl.charAt(k) == 'u') {
                k++;
            }
            if (k + 4 <= drl.length() && drl.substring(k, k + 4).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                problemAt(escape, "unicode escapes (\\uXXXX) are not allowed in rules; write the character itself");
                return;
            }
            escape = drl.indexOf("\\u", escape + 1);
        }
        List<RuleProblem> deep = DrlBrackets.check(file, drl).stream()
                .filter(p -> p.message().contains("nest more than")).toList();
        if (!deep.isEmpty()) {
            problems.addAll(deep);
            return;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException | RuntimeException e) {
            problems.add(new RuleProblem(file, 0, 0, "the rule file cannot be read: " + e.getMessage()));
            return;
        } catch (StackOverflowError e) {
            problems.add(new RuleProblem(file, 0, 0, "the rule file cannot be read: it nests too deep for the parser"));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError pe ? pe.getRow() : Math.max(0, error.getLines().length > 0
                        ? error.getLines()[0] : 0);
                int column = error instanceof ParserError pe ? pe.getCol() + 1 : 0;
                problems.add(new RuleProblem(file, line, column, error.getMessage()));
            }
            if (problems.isEmpty()) {
                problems.add(new RuleProblem(file, 0, 0, "the rule file cannot be read"));
            }
            return;
        }
        packageName(pkg);
        imports(pkg);
        for (GlobalDescr g : pkg.getGlobals()) {
            String type = g.getType();
            if (!g.getIdentifier().equals(RuleVocabulary.FACTS_GLOBAL)
                    || !(type.equals(RuleVocabulary.FACTS_GLOBAL_TYPE) || type.equals("FactBase")
                            && types.get("FactBase") != null)) {
                problem(g, "global " + type + " " + g.getIdentifier() + " is not allowed; the only global is "
                        + RuleVocabulary.FACTS_GLOBAL_TYPE + " " + RuleVocabulary.FACTS_GLOBAL);
            } else {
                globals.add(g.getIdentifier());
            }
        }
        attributes(pkg.getAttributes(), pkg);
        if (pkg.getUnit() != null) {
            problem(pkg.getUnit(), "rule units are not used by firstwall");
        }
        pkg.getEntryPointDeclarations().forEach(d -> problem(d, "entry points are not used by firstwall"));
        pkg.getWindowDeclarations().forEach(d -> problem(d, "windows are not used by firstwall"));
        pkg.getEnumDeclarations().forEach(d -> problem(d, "declared enums are not allowed in rules"));
        pkg.getTypeDeclarations().forEach(this::declareName);
        pkg.getFunctions().forEach(f -> functionName(f));
        pkg.getTypeDeclarations().forEach(this::declareFields);
        pkg.getFunctions().forEach(this::function);
        for (RuleDescr rule : pkg.getRules()) {
            if (rule instanceof QueryDescr) {
                problem(rule, "queries are not used by firstwall; write a rule that inserts its result");
            } else {
                rule(rule);
            }
        }
    }

    private void packageName(PackageDescr pkg) {
        String name = pkg.getName();
        boolean ok = name != null && (name.equals("rules") || name.startsWith("rules."));
        if (ok) {
            for (String part : name.split("\\.", -1)) {
                ok &= !part.isEmpty() && Character.isJavaIdentifierStart(part.charAt(0))
                        && part.chars().allMatch(Character::isJavaIdentifierPart);
            }
        }
        if (!ok) {
            problem(pkg, "package " + name + " is not allowed; a rule file's package is rules.<its folder>");
        }
    }

    private void imports(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            String name = i.getTarget();
            if (name.equals("java.time.*")) {
                RuleVocabulary.javaTimeTypes().stream().filter(n -> !n.contains("."))
                        .forEach(n -> types.put(n, RuleVocabulary.byFullName("java.time." + n).orElseThrow()));
            } else if (RuleVocabulary.isAllowedImport(name)) {
                types.put(name.substring(name.lastIndexOf('.') + 1), RuleVocabulary.byFullName(name).orElseThrow());
            } else {
                problem(i, "import " + name + " is not allowed; rules may import only the project's fact and result"
                        + " types, java.time dates, java.util.List and java.util.Locale");
            }
        }
        pkg.getFunctionImports().forEach(i -> problem(i, "import static / import function " + i.getTarget()
                + " is not allowed; rules may call only their own functions and the allowed types' methods"));
        pkg.getAccumulateImports().forEach(i -> problem(i, "import accumulate " + i.getTarget()
                + " is not allowed; use the built-in accumulate functions"));
    }

    private void attributes(Iterable<AttributeDescr> attributes, BaseDescr where) {
        for (AttributeDescr a : attributes) {
            String name = a.getName();
            String value = a.getValue() == null ? "" : a.getValue().trim();
            if (!ATTRIBUTES.contains(name)) {
                problem(a.getLine() > 0 ? a : where, "the attribute " + name + " is not allowed in rules");
            } else if (name.equals("dialect") && !value.equals("java")) {
                problem(a.getLine() > 0 ? a : where, "dialect \"" + value + "\" is not allowed; rules use the java dialect,"
                        + " whose code can be checked");
            } else if (name.equals("salience") && !isInteger(value)) {
                problem(a.getLine() > 0 ? a : where, "salience must be a whole number, not an expression");
            } else if (Set.of("enabled", "no-loop", "lock-on-active", "auto-focus").contains(name)
                    && !value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                problem(a.getLine() > 0 ? a : where, name + " must be true or false, not an expression");
            }
        }
    }

    private static boolean isInteger(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void declareName(TypeDeclarationDescr d) {
        String name = d.getTypeName();
        boolean exists = types.containsKey(name) || RuleVocabulary.simpleNames().contains(name) || javaLang(name)
                || declared.containsKey(name) || !isIdentifier(name);
        if (exists) {
            problem(d, "declare " + name + " is not allowed: it would stand for an existing type; choose a new name");
            return;
        }
        if (!d.getAnnotations().isEmpty()) {
            problem(d, "annotations on declared types are not allowed in rules");
        }
        if (!d.getSuperTypes().isEmpty()) {
            problem(d, "a declared type may not extend another type");
        }
        declared.put(name, d.getFields().keySet());
    }

    private static boolean javaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean isIdentifier(String name) {
        return name != null && !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
                && name.chars().allMatch(Character::isJavaIdentifierPart);
    }

    private Names names(Set<String> variables, Class<?> patternType, Set<String> patternFields) {
        return new Names(types, declared.keySet(), variables, functions, patternType, patternFields, functionLoops);
    }

    private void declareFields(TypeDeclarationDescr d) {
        if (!declared.containsKey(d.getTypeName())) {
            return;
        }
        for (TypeFieldDescr f : d.getFields().values()) {
            if (!isIdentifier(f.getFieldName())) {
                problem(f, "a declared field needs a plain name");
            } else if (JavaSnippetCheck.badVariableName(f.getFieldName()) != null) {
                problem(f, "the declared field " + f.getFieldName() + " needs another name: "
                        + JavaSnippetCheck.badVariableName(f.getFieldName()));
            }
            String type = f.getPattern() == null ? null : f.getPattern().getObjectType();
            if (type != null) {
                report(JavaSnippetCheck.type(type, names(Set.of(), null, null), false), type, f.getLine());
            }
            if (!f.getAnnotations().isEmpty()) {
                problem(f, "annotations on declared fields are not allowed in rules");
            }
            if (f.getInitExpr() != null && !f.getInitExpr().isBlank()) {
                report(JavaSnippetCheck.expression(f.getInitExpr(), Kind.FIELD_INIT, names(Set.of(), null, null)),
                        f.getInitExpr(), f.getLine());
            }
        }
    }

    private void functionName(FunctionDescr f) {
        String name = f.getName();
        if (!isIdentifier(name) || OBJECT_METHODS.contains(name) || RuleVocabulary.FORBIDDEN_MEMBERS.contains(name) || RuleVocabulary.MACROS.contains(name)
                || RuleVocabulary.HELPER_METHODS.contains(name) || functions.contains(name)
                || name.equals("drools") || name.equals("kcontext") || globals.contains(name)) {
            problem(f, "function " + name + " is not allowed: its name is taken by a method, a helper or another"
                    + " function; choose a new name");
            return;
        }
        functions.add(name);
        functionLoops.put(name, JavaSnippetCheck.loopDepth(f.getBody() == null ? "" : f.getBody()));
    }

    private void function(FunctionDescr f) {
        Names signature = names(Set.of(), null, null);
        if (f.getReturnType() != null) {
            report(JavaSnippetCheck.type(f.getReturnType(), signature, true), f.getReturnType(), f.getLine());
        }
        Set<String> params = new HashSet<>();
        for (int i = 0; i < f.getParameterNames().size(); i++) {
            String param = f.getParameterNames().get(i);
            String type = f.getParameterTypes().get(i);
            report(JavaSnippetCheck.type(type, signature, false), type, f.getLine());
            if (!isIdentifier(param) || param.equals("drools") || param.equals("kcontext")) {
                problem(f, "function parameter " + param + " needs another name");
            } else if (JavaSnippetCheck.badVariableName(param) != null) {
                problem(f, "function parameter " + param + " needs another name: " + JavaSnippetCheck.badVariableName(param));
            }
            params.add(param);
        }
        report(JavaSnippetCheck.block(f.getBody() == null ? "" : f.getBody(), Kind.FUNCTION,
                names(params, null, null)), f.getBody(), f.getLine());
    }

    private void rule(RuleDescr rule) {
        String name = rule.getName();
        if (name == null || name.chars().anyMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c))
                || name.contains("*/")) {
            problem(rule, "a rule name may not contain quotes, backslashes, line breaks or */");
        }
        attributes(rule.getAttributes().values(), rule);
        if (!rule.getNamedConsequences().isEmpty()) {
            problem(rule, "named consequences (do[...]) are not allowed in rules");
        }
        Set<String> bindings = new HashSet<>(globals);
        collectBindings(rule.getLhs(), bindings);
        for (String binding : bindings) {
            String bad = globals.contains(binding) ? null : JavaSnippetCheck.badVariableName(binding);
            if (bad != null) {
                problemAtLine(line(rule.getLhs(), rule), binding, "the binding " + binding + " needs another name: " + bad);
            }
        }
        lhs(rule.getLhs(), bindings, rule);
        Object consequence = rule.getConsequence();
        String then = consequence == null ? "" : consequence.toString();
        report(JavaSnippetCheck.block(then, Kind.CONSEQUENCE, names(bindings, null, null)), then,
                rule.getConsequenceLine());
    }

    private void collectBindings(BaseDescr d, Set<String> bindings) {
        if (d instanceof PatternDescr p) {
            if (p.getIdentifier() != null) {
                bindings.add(p.getIdentifier());
            }
            for (BaseDescr c : p.getConstraint().getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    Binding b = Binding.of(e.getExpression());
                    if (b.variable() != null) {
                        bindings.add(b.variable());
                    }
                }
            }
            if (p.getSource() != null) {
                collectBindings(p.getSource(), bindings);
            }
        } else if (d instanceof AccumulateDescr a) {
            if (a.getInput() != null) {
                collectBindings(a.getInput(), bindings);
            }
            a.getFunctions().forEach(fn -> {
                if (fn.getBind() != null) {
                    bindings.add(fn.getBind());
                }
            });
        } else if (d instanceof CollectDescr c && c.getInputPattern() != null) {
            collectBindings(c.getInputPattern(), bindings);
        } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (Object child : ((ConditionalElementDescr) d).getDescrs()) {
                collectBindings((BaseDescr) child, bindings);
            }
        }
    }

    /** A constraint's optional binding label ({@code $x : expression}), split off before the Java check. */
    record Binding(String variable, String expression, int offset) {
        static Binding of(String text) {
            int colon = text.indexOf(':');
            if (colon > 0 && (colon + 1 >= text.length() || text.charAt(colon + 1) != '=')) {
                String label = text.substring(0, colon).trim();
                if (isIdentifier(label)) {
                    return new Binding(label, text.substring(colon + 1), colon + 1);
                }
            }
            return new Binding(null, text, 0);
        }
    }

    private void lhs(BaseDescr d, Set<String> bindings, RuleDescr rule) {
        if (d instanceof PatternDescr p) {
            pattern(p, bindings, rule);
        } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (Object child : ((ConditionalElementDescr) d).getDescrs()) {
                lhs((BaseDescr) child, bindings, rule);
            }
        } else if (d instanceof EvalDescr e) {
            String text = e.getContent() == null ? "" : e.getContent().toString();
            report(JavaSnippetCheck.expression(text, Kind.EVAL, names(bindings, null, null)), text, line(e, rule));
        } else {
            problem(d.getLine() > 0 ? d : rule, "'" + describe(d) + "' is not allowed in rules");
        }
    }

    private static String describe(BaseDescr d) {
        return d.getClass().getSimpleName().replace("Descr", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private int line(BaseDescr d, RuleDescr rule) {
        return d.getLine() > 0 ? d.getLine() : rule.getLine();
    }

    private void pattern(PatternDescr p, Set<String> bindings, RuleDescr rule) {
        int line = line(p, rule);
        if (p.isQuery()) {
            problem(p, "queries are not used by firstwall");
            return;
        }
        if (!p.getBehaviors().isEmpty()) {
            problem(p, "windows and behaviours are not used by firstwall");
        }
        String type = p.getObjectType();
        Class<?> patternType = null;
        Set<String> patternFields = null;
        if (type == null) {
            problem(p, "a pattern needs a type");
        } else if (declared.containsKey(type)) {
            patternFields = declared.get(type);
        } else if (types.containsKey(type)) {
            patternType = types.get(type);
        } else if (RuleVocabulary.byFullName(type).isPresent()) {
            patternType = RuleVocabulary.byFullName(type).get();
        } else {
            String why = JavaSnippetCheck.explainType(type.substring(type.lastIndexOf('.') + 1));
            problemAtLine(line, type, type + " is not an allowed type in rules" + (why == null
                    ? "; import it if it is one of the project's fact or result types" : ": " + why));
        }
        for (BaseDescr c : p.getConstraint().getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                Binding b = Binding.of(e.getExpression());
                Names names = names(bindings, patternType == null && patternFields == null ? Object.class : patternType,
                        patternFields);
                report(JavaSnippetCheck.expression(b.expression(), Kind.CONSTRAINT, names), b.expression(),
                        c.getLine() > 0 ? c.getLine() : line);
            } else {
                problem(c.getLine() > 0 ? c : p, "'" + describe(c) + "' is not allowed in a pattern");
            }
        }
        BaseDescr source = p.getSource();
        if (source == null) {
            return;
        }
        if (source instanceof FromDescr f) {
            String text = f.getExpression() == null ? "" : f.getExpression();
            report(JavaSnippetCheck.expression(text, Kind.FROM, names(bindings, null, null)), text, line);
        } else if (source instanceof AccumulateDescr a) {
            accumulate(a, bindings, rule, line);
        } else if (source instanceof CollectDescr c) {
            if (c.getInputPattern() != null) {
                pattern(c.getInputPattern(), bindings, rule);
            }
        } else {
            problem(source.getLine() > 0 ? source : p, "'" + describe(source) + "' is not allowed in rules");
        }
    }

    private void accumulate(AccumulateDescr a, Set<String> bindings, RuleDescr rule, int line) {
        if (a.getInput() != null) {
            lhs(a.getInput(), bindings, rule);
        }
        if (a.isExternalFunction() || !a.getFunctions().isEmpty()) {
            for (AccumulateDescr.AccumulateFunctionCallDescr fn : a.getFunctions()) {
                if (!RuleVocabulary.ACCUMULATE_FUNCTIONS.contains(fn.getFunction())) {
                    problemAtLine(line, fn.getFunction(), "accumulate function " + fn.getFunction()
                            + " is not allowed; use sum, count, min, max, average, collectList or collectSet");
                }
                for (String param : fn.getParams()) {
                    report(JavaSnippetCheck.expression(param, Kind.ACCUMULATE, names(bindings, null, null)), param, line);
                }
            }
        }
        if (!a.isExternalFunction()) {
            Set<String> locals = new HashSet<>(bindings);
            String init = nullToEmpty(a.getInitCode());
            locals.addAll(declaredIn(init));
            report(JavaSnippetCheck.block(init, Kind.ACCUMULATE, names(bindings, null, null)), init, line);
            report(JavaSnippetCheck.block(nullToEmpty(a.getActionCode()), Kind.ACCUMULATE, names(locals, null, null)),
                    a.getActionCode(), line);
            if (a.getReverseCode() != null && !a.getReverseCode().isBlank()) {
                report(JavaSnippetCheck.block(a.getReverseCode(), Kind.ACCUMULATE, names(locals, null, null)),
                        a.getReverseCode(), line);
            }
            if (a.getResultCode() != null && !a.getResultCode().isBlank()) {
                report(JavaSnippetCheck.expression(a.getResultCode(), Kind.ACCUMULATE, names(locals, null, null)),
                        a.getResultCode(), line);
            }
        }
    }

    /** The local variables an accumulate's init code declares, visible to its action and result. */
    private static Set<String> declaredIn(String init) {
        return JavaSnippetCheck.locals(init);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- positions ----

    /** Reports offences found in a piece of text, placed where the text stands in the file. */
    private void report(List<Offence> offences, String text, int nearLine) {
        if (offences.isEmpty()) {
            return;
        }
        int start = text == null || text.isEmpty() ? -1 : find(text, nearLine);
        for (Offence o : offences) {
            if (start < 0) {
                problems.add(new RuleProblem(file, Math.max(nearLine, 0), 0, o.message()));
                continue;
            }
            int offset = start;
            for (int l = 1; l < o.line() && offset < drl.length(); l++) {
                int nl = drl.indexOf('\n', offset);
                offset = nl < 0 ? drl.length() : nl + 1;
            }
            int lineStart = o.line() == 1 ? start : offset;
            problemAt(Math.min(drl.length(), lineStart + o.column() - 1), o.message());
        }
    }

    private int find(String text, int nearLine) {
        int from = nearLine > 0 && nearLine <= lineStarts.length ? lineStarts[nearLine - 1] : 0;
        int at = drl.indexOf(text, from);
        return at >= 0 ? at : drl.indexOf(text);
    }

    private void problem(BaseDescr d, String message) {
        if (d != null && d.getLine() > 0) {
            problems.add(new RuleProblem(file, d.getLine(), d.getColumn() > 0 ? d.getColumn() + 1 : 1, message));
        } else {
            problems.add(new RuleProblem(file, 1, 1, message));
        }
    }

    private void problemAtLine(int line, String text, String message) {
        int at = find(text, line);
        if (at >= 0) {
            problemAt(at, message);
        } else {
            problems.add(new RuleProblem(file, Math.max(1, line), 1, message));
        }
    }

    private void problemAt(int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < drl.length(); i++) {
            if (drl.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        problems.add(new RuleProblem(file, line, offset - lineStart + 1, message));
    }
}
