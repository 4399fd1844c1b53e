package io.firstwall.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;

/**
 * Checks one piece of code from a rule file (a constraint, a {@code from} source, an eval, a
 * consequence, a function body, accumulate code, a declared field's initial value) on the tree a
 * real Java parser builds. The code must be plain Java (MVEL-only syntax does not parse and is
 * refused), made only of the node kinds listed here, and every name in it must resolve to a
 * binding, a local variable, the {@code facts} global, an allowed type or a safe member of one
 * ({@link RuleVocabulary}). Loops other than for-each, lambdas, class literals, exceptions, locks
 * and local classes are refused, so a piece of rule code always finishes.
 */
final class JavaSnippetCheck {

    /** Where the code stands, which decides what it may name. */
    enum Kind {
        /** A pattern constraint, evaluated by MVEL against the pattern's object. */
        CONSTRAINT(true),
        /** The source of a {@code from}, evaluated by MVEL. */
        FROM(true),
        /** The expression of an {@code eval}, compiled as Java. */
        EVAL(false),
        /** A rule's consequence, compiled as Java with the {@code drools} helper. */
        CONSEQUENCE(false),
        /** A DRL function body, compiled as Java; may not call functions, so it cannot recurse. */
        FUNCTION(false),
        /** Inline accumulate code and accumulate function arguments. */
        ACCUMULATE(false),
        /** A declared type's field initial value. */
        FIELD_INIT(true);

        final boolean mvel;

        Kind(boolean mvel) {
            this.mvel = mvel;
        }
    }

    /** A problem at a place within the checked text, 1-based. */
    record Offence(int line, int column, String message) {
    }

    /** What names mean around the code. */
    record Names(Map<String, Class<?>> types, Set<String> declaredTypes, Set<String> variables, Set<String> functions,
            Class<?> patternType, Set<String> patternFields, Map<String, Integer> functionLoops) {
    }

    private static final Set<Class<?>> ALLOWED_NODES = Set.of(
            // expressions
            BinaryExpr.class, UnaryExpr.class, ConditionalExpr.class, EnclosedExpr.class, CastExpr.class,
            NameExpr.class, FieldAccessExpr.class, MethodCallExpr.class, ObjectCreationExpr.class,
            ArrayAccessExpr.class, AssignExpr.class,
            VariableDeclarationExpr.class, InstanceOfExpr.class, StringLiteralExpr.class, IntegerLiteralExpr.class,
            LongLiteralExpr.class, DoubleLiteralExpr.class, CharLiteralExpr.class, BooleanLiteralExpr.class,
            NullLiteralExpr.class, ThisExpr.class,
            // statements
            BlockStmt.class, ExpressionStmt.class, IfStmt.class, ReturnStmt.class, ForEachStmt.class, BreakStmt.class,
            ContinueStmt.class, EmptyStmt.class,
            // parts
            SimpleName.class, VariableDeclarator.class, Modifier.class, ClassOrInterfaceType.class,
            PrimitiveType.class, ArrayType.class, VarType.class, VoidType.class, WildcardType.class);

    private final Kind kind;
    private final Names names;
    private final Set<String> variables;
    private final List<Offence> offences = new ArrayList<>();
    private final int columnShift;
    /** How many for-each loops enclose the code being checked. */
    private int loopDepth;
    /** Local variables declared with a primitive type: numbers may grow with themselves, text may not. */
    private final Set<String> numeric = new HashSet<>();

    private JavaSnippetCheck(Kind kind, Names names, int columnShift) {
        this.kind = kind;
        this.names = names;
        this.variables = new HashSet<>(names.variables());
        this.columnShift = columnShift;
    }

    /** One parser per thread: a JavaParser is reusable but not thread-safe. */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setAttributeComments(false).setStoreTokens(false)));

    private static JavaParser parser() {
        return PARSER.get();
    }

    /** Checks text that must be one whole Java expression. */
    static List<Offence> expression(String text, Kind kind, Names names) {
        JavaSnippetCheck check = new JavaSnippetCheck(kind, names, 0);
        return check.run(parser().parseExpression(text), "an expression", check::expr);
    }

    /** Checks text that must be a sequence of Java statements (a consequence, a function body). */
    static List<Offence> block(String text, Kind kind, Names names) {
        JavaSnippetCheck check = new JavaSnippetCheck(kind, names, 1);
        return check.run(parser().parseBlock("{" + text + "\n}"), "Java statements", check::stmt);
    }

    /** Nothing that does not parse passes; what parses is checked node by node, then name by name. */
    private <N extends Node> List<Offence> run(ParseResult<N> parsed, String what, Consumer<N> names) {
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            unparsable(parsed.getProblems(), what);
            return offences;
        }
        N root = parsed.getResult().get();
        onlyAllowedNodes(root);
        collectLocals(root);
        names.accept(root);
        return offences;
    }

    /** How deep for-each loops nest in a block (a function body); 0 when it does not parse (refused on its own). */
    static int loopDepth(String text) {
        return parser().parseBlock("{" + text + "\n}").getResult().map(JavaSnippetCheck::depth).orElse(0);
    }

    private static int depth(Node node) {
        int deepest = 0;
        for (Node child : node.getChildNodes()) {
            deepest = Math.max(deepest, depth(child));
        }
        return node instanceof ForEachStmt ? deepest + 1 : deepest;
    }

    /** The local variables a block declares; empty when it does not parse (it is refused on its own). */
    static Set<String> locals(String text) {
        Set<String> locals = new HashSet<>();
        parser().parseBlock("{" + text + "\n}").getResult()
                .ifPresent(b -> b.walk(VariableDeclarator.class, v -> locals.add(v.getNameAsString())));
        return locals;
    }

    /** Checks a type as written in a declaration (a function's parameter, a declared field). */
    static List<Offence> type(String text, Names names, boolean voidAllowed) {
        JavaSnippetCheck check = new JavaSnippetCheck(Kind.FUNCTION, names, 0);
        ParseResult<Type> parsed = parser().parseType(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            check.unparsable(parsed.getProblems(), "a type");
            return check.offences;
        }
        Type t = parsed.getResult().get();
        if (t instanceof VoidType && voidAllowed) {
            return check.offences;
        }
        check.onlyAllowedNodes(t);
        check.type(t);
        return check.offences;
    }

    private void unparsable(List<Problem> problems, String what) {
        String detail = problems.isEmpty() ? "" : ": " + problems.get(0).getMessage().lines().findFirst().orElse("");
        int line = 1;
        int column = 1;
        if (!problems.isEmpty() && problems.get(0).getLocation().isPresent()) {
            Position p = problems.get(0).getLocation().get().getBegin().getRange()
                    .map(r -> r.begin).orElse(new Position(1, 1));
            line = p.line;
            column = Math.max(1, p.line == 1 ? p.column - columnShift : p.column);
        }
        offences.add(new Offence(line, column, "this is not plain Java " + what + " (rules accept only plain Java;"
                + " MVEL-only syntax such as .? or # is refused)" + detail));
    }

    private void refuse(Node at, String message) {
        Position p = at.getBegin().orElse(new Position(1, 1));
        Offence o = new Offence(p.line, Math.max(1, p.line == 1 ? p.column - columnShift : p.column), message);
        if (!offences.contains(o)) {
            offences.add(o);
        }
    }

    /** The node kinds outside the list are refused wherever they stand, whatever else is said below. */
    private boolean onlyAllowedNodes(Node root) {
        int before = offences.size();
        root.walk(Node.TreeTraversal.PREORDER, n -> {
            if (n instanceof Comment) {
                return;
            }
            if (!ALLOWED_NODES.contains(n.getClass())) {
                refuse(n, describeRefused(n));
            }
        });
        return offences.size() == before;
    }

    private static String describeRefused(Node n) {
        if (n instanceof LambdaExpr || n instanceof MethodReferenceExpr) {
            return "lambdas and method references are not allowed in rules";
        }
        if (n instanceof ClassExpr) {
            return "class literals (" + n + ") are reflection and not allowed in rules";
        }
        if (n instanceof WhileStmt || n instanceof DoStmt || n instanceof ForStmt) {
            return "loops other than for-each over a collection are not allowed in rules: a rule must finish";
        }
        if (n instanceof TryStmt || n instanceof ThrowStmt) {
            return "try, catch and throw are not allowed in rules; a failing rule fails the analysis with its message";
        }
        if (n instanceof SynchronizedStmt) {
            return "synchronized blocks are not allowed in rules (threads are off limits)";
        }
        if (n instanceof SwitchStmt) {
            return "switch is not allowed in rules; use if/else";
        }
        if (n instanceof ArrayCreationExpr || n instanceof ArrayInitializerExpr || n instanceof ArrayCreationLevel) {
            return "creating arrays is not allowed in rules: a rule reads the lists that Calc and the plan return";
        }
        if (n instanceof TextBlockLiteralExpr) {
            return "text blocks (\"\"\") are not allowed in rules; use an ordinary string";
        }
        if (n instanceof AnnotationExpr) {
            return "annotations are not allowed in rule code";
        }
        if (n instanceof BodyDeclaration
                || n instanceof LocalClassDeclarationStmt
                || n instanceof LocalRecordDeclarationStmt) {
            return "classes and methods cannot be declared inside rule code";
        }
        return n.getClass().getSimpleName().replaceAll("(Expr|Stmt)$", "") + " (" + abbreviate(n.toString())
                + ") is not allowed in rules";
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    private void collectLocals(Node root) {
        root.walk(VariableDeclarator.class, v -> {
            String name = v.getNameAsString();
            String bad = badVariableName(name);
            if (name.equals("drools") || name.equals("kcontext") || name.equals(RuleVocabulary.FACTS_GLOBAL)
                    || names.variables().contains(name)) {
                refuse(v, "a local variable may not be called " + name + ": that name is taken");
            } else if (bad != null) {
                refuse(v, "a local variable may not be called " + name + ": " + bad);
            }
            if (v.getType() instanceof PrimitiveType) {
                numeric.add(name);
            }
            variables.add(name);
        });
    }

    /** Package names that a dotted name could start from. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io");

    /**
     * Why a binding, variable, parameter or field may not have this name, or null. The engine (MVEL)
     * reads a name that is also a class name as the class, not as the binding; so a name must start
     * with $, _ or a lower-case letter, and must not be a package's first word.
     */
    static String badVariableName(String name) {
        if (name == null || name.isEmpty()) {
            return "it needs a name";
        }
        char first = name.charAt(0);
        if (first != '$' && first != '_' && !Character.isLowerCase(first)) {
            return "names of bindings and variables start with $ or a lower-case letter, so that the engine never"
                    + " reads one as a class (" + name + ")";
        }
        if (PACKAGE_ROOTS.contains(name)) {
            return name + " is the first word of package names";
        }
        return null;
    }

    // ---- statements ----

    private void stmt(Statement s) {
        if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::stmt);
        } else if (s instanceof ExpressionStmt e) {
            expr(e.getExpression());
        } else if (s instanceof IfStmt i) {
            expr(i.getCondition());
            stmt(i.getThenStmt());
            i.getElseStmt().ifPresent(this::stmt);
        } else if (s instanceof ReturnStmt r) {
            r.getExpression().ifPresent(this::expr);
        } else if (s instanceof ForEachStmt f) {
            expr(f.getVariable());
            expr(f.getIterable());
            if (!(f.getIterable() instanceof NameExpr || f.getIterable() instanceof MethodCallExpr)) {
                refuse(f.getIterable(), "a for-each loop runs over a binding, a variable or what a method returns");
            }
            if (loopDepth == RuleVocabulary.MAX_LOOP_DEPTH) {
                refuse(f, "loops may nest " + RuleVocabulary.MAX_LOOP_DEPTH + " deep at most in rules: a rule must"
                        + " finish quickly");
            }
            loopDepth++;
            stmt(f.getBody());
            loopDepth--;
        } else if (s instanceof BreakStmt b) {
            if (b.getLabel().isPresent()) {
                refuse(s, "labels are not allowed in rules");
            }
        } else if (s instanceof ContinueStmt c) {
            if (c.getLabel().isPresent()) {
                refuse(s, "labels are not allowed in rules");
            }
        } else if (!(s instanceof EmptyStmt)) {
            refuse(s, describeRefused(s));
        }
    }

    // ---- expressions ----

    private void expr(Expression e) {
        if (e.isLiteralExpr()) {
            if (e instanceof TextBlockLiteralExpr) {
                refuse(e, describeRefused(e));
            }
        } else if (e instanceof NameExpr n) {
            name(n);
        } else if (e instanceof FieldAccessExpr f) {
            fieldAccess(f);
        } else if (e instanceof MethodCallExpr m) {
            methodCall(m);
        } else if (e instanceof ObjectCreationExpr o) {
            if (o.getScope().isPresent() || o.getAnonymousClassBody().isPresent() || o.getTypeArguments().isPresent()) {
                refuse(o, "only plain 'new Type(...)' is allowed in rules");
            } else {
                type(o.getType());
                Optional<Class<?>> made = typeNamed(o.getType().getNameWithScope());
                if (made.isEmpty()) {
                    made = RuleVocabulary.byFullName(o.getType().getNameWithScope());
                }
                if (made.isPresent() && !RuleVocabulary.isConstructible(made.get())) {
                    refuse(o, "new " + o.getType().getNameAsString() + "(...) is not allowed in rules: rule code creates"
                            + " only results (Need, Supply, Note, PhaseDemand)");
                }
                wallName(o.getArguments(), o.getType().getNameAsString());
                o.getArguments().forEach(this::expr);
            }
        } else if (e instanceof ArrayAccessExpr a) {
            expr(a.getName());
            expr(a.getIndex());
        } else if (e instanceof BinaryExpr b) {
            expr(b.getLeft());
            expr(b.getRight());
        } else if (e instanceof UnaryExpr u) {
            if (kind.mvel && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
                    && u.getOperator() != UnaryExpr.Operator.MINUS && u.getOperator() != UnaryExpr.Operator.PLUS) {
                refuse(u, "a constraint or from source may not change anything (" + u.getOperator().asString() + ")");
            }
            expr(u.getExpression());
        } else if (e instanceof ConditionalExpr c) {
            expr(c.getCondition());
            expr(c.getThenExpr());
            expr(c.getElseExpr());
        } else if (e instanceof EnclosedExpr en) {
            expr(en.getInner());
        } else if (e instanceof CastExpr c) {
            type(c.getType());
            expr(c.getExpression());
        } else if (e instanceof InstanceOfExpr i) {
            if (i.getPattern().isPresent()) {
                refuse(i, "instanceof patterns are not allowed in rules");
            }
            type(i.getType());
            expr(i.getExpression());
        } else if (e instanceof AssignExpr a) {
            if (kind.mvel) {
                refuse(a, "a constraint or from source may not assign anything");
            } else if (!(a.getTarget() instanceof NameExpr)) {
                refuse(a, "only local variables can be assigned in rules (" + abbreviate(a.getTarget().toString()) + ")");
            } else if (loopDepth > 0 && !numeric.contains(((NameExpr) a.getTarget()).getNameAsString()) && selfGrowing(a)) {
                refuse(a, "a loop may not double a value with itself (" + abbreviate(a.toString()) + "): it grows"
                        + " without bound; add what each step brings instead");
            }
            expr(a.getTarget());
            expr(a.getValue());
        } else if (e instanceof VariableDeclarationExpr v) {
            if (kind.mvel) {
                refuse(v, "variables cannot be declared here");
            }
            for (Modifier m : v.getModifiers()) {
                if (m.getKeyword() != Modifier.Keyword.FINAL) {
                    refuse(v, "only 'final' may modify a local variable");
                }
            }
            for (VariableDeclarator d : v.getVariables()) {
                type(d.getType());
                d.getInitializer().ifPresent(this::expr);
            }
        } else if (e instanceof ThisExpr t) {
            if (kind != Kind.CONSTRAINT || t.getTypeName().isPresent()) {
                refuse(t, "'this' is only allowed in a constraint, for the pattern's own object");
            }
        } else {
            refuse(e, describeRefused(e));
        }
    }

    /**
     * An assignment in a loop that feeds a variable (not a primitive number) to itself twice:
     * {@code s = s + s}, {@code s += s}; text so doubled fills the memory in thirty steps.
     */
    private static boolean selfGrowing(AssignExpr a) {
        String target = ((NameExpr) a.getTarget()).getNameAsString();
        long uses = a.getValue().findAll(NameExpr.class).stream().filter(n -> n.getNameAsString().equals(target)).count();
        return a.getOperator() == AssignExpr.Operator.ASSIGN ? uses >= 2 : uses >= 1;
    }

    private void name(NameExpr n) {
        String name = n.getNameAsString();
        if (variables.contains(name)) {
            return;
        }
        if (kind == Kind.CONSTRAINT && patternHas(name)) {
            return;
        }
        if (name.equals("drools") || name.equals("kcontext")) {
            refuse(n, name + " may only be used as " + name + ".insert/update/delete(...) or " + name
                    + ".getRule().getName()");
        } else if (typeNamed(name).isPresent() || names.declaredTypes().contains(name)) {
            refuse(n, name + " is a type; use one of its members");
        } else {
            refuse(n, name + " is not allowed here: " + explainUnknown(name));
        }
    }

    private String explainUnknown(String name) {
        String explained = explainType(name);
        if (explained != null) {
            return explained;
        }
        if (Character.isUpperCase(name.charAt(0))) {
            return "it is not an allowed type in rules; import it if it is one of the project's fact or result types,"
                    + " java.time or a java.util collection";
        }
        return "it is not a binding, a local variable, the facts global"
                + (kind == Kind.CONSTRAINT ? " or a property of the pattern" : "");
    }

    /** Why a well-known dangerous type is refused, or null. */
    static String explainType(String name) {
        return switch (name) {
            case "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle" -> "the runtime and processes are off limits";
            case "Thread", "ThreadGroup", "Executors", "ForkJoinPool", "CompletableFuture", "Timer", "ThreadLocal" ->
                    "threads are off limits";
            case "Class", "ClassLoader", "Method", "Field", "Constructor", "MethodHandles", "MethodHandle", "Proxy",
                    "Array", "Module", "ModuleLayer", "StackWalker" -> "reflection and class loading are off limits";
            case "File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
                    "RandomAccessFile", "PrintStream", "InputStream", "OutputStream" -> "files are off limits";
            case "Socket", "ServerSocket", "URL", "URI", "HttpClient", "InetAddress", "DatagramSocket", "URLConnection" ->
                    "the network is off limits";
            default -> null;
        };
    }

    private boolean patternHas(String name) {
        if (names.patternType() != null) {
            return RuleVocabulary.hasSafeMember(names.patternType(), name);
        }
        return names.patternFields() != null && names.patternFields().contains(name);
    }

    private Optional<Class<?>> typeNamed(String simple) {
        return Optional.ofNullable(names.types().get(simple));
    }

    /** A dotted name made only of names (a.b.c), as written. */
    private static Optional<String> dotted(Expression e) {
        if (e instanceof NameExpr n) {
            return Optional.of(n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f && f.getTypeArguments().isEmpty()) {
            return dotted(f.getScope()).map(s -> s + "." + f.getNameAsString());
        }
        return Optional.empty();
    }

    /** Whether a dotted name starts with something the code knows (a variable, a property, a type). */
    private boolean rootKnown(String dottedName) {
        String root = dottedName.contains(".") ? dottedName.substring(0, dottedName.indexOf('.')) : dottedName;
        return variables.contains(root) || (kind == Kind.CONSTRAINT && patternHas(root))
                || typeNamed(root).isPresent() || names.declaredTypes().contains(root) || root.equals("drools")
                || root.equals("kcontext");
    }

    /** The allowed type a scope expression names (Power, java.util.List), if it names a type. */
    private Optional<Class<?>> scopeType(Expression scope) {
        Optional<String> d = dotted(scope);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        String name = d.get();
        if (!name.contains(".")) {
            return variables.contains(name) || (kind == Kind.CONSTRAINT && patternHas(name)) ? Optional.empty()
                    : typeNamed(name);
        }
        return rootKnown(name) ? Optional.empty() : RuleVocabulary.byFullName(name);
    }

    private void fieldAccess(FieldAccessExpr f) {
        String member = f.getNameAsString();
        if (f.getTypeArguments().isPresent()) {
            refuse(f, "explicit type arguments (<T>) are not allowed in rules");
            return;
        }
        Optional<String> d = dotted(f);
        if (d.isPresent() && !rootKnown(d.get())) {
            qualified(f, d.get());
            return;
        }
        Optional<Class<?>> type = scopeType(f.getScope());
        if (type.isPresent()) {
            if (!RuleVocabulary.isSafeStaticMember(type.get(), member, false)) {
                refuse(f.getName(), type.get().getSimpleName() + "." + member + " is not allowed in rules: " + memberReason(member));
            }
            return;
        }
        if (names.declaredTypes().contains(dotted(f.getScope()).orElse(""))) {
            refuse(f, "declared types have no static members");
            return;
        }
        expr(f.getScope());
        if (!RuleVocabulary.isSafeMember(member)) {
            refuse(f.getName(), "." + member + " is not allowed in rules: " + memberReason(member));
        }
    }

    /** A package-qualified name (java.lang.System.out): only an allowed type, then its static fields. */
    private void qualified(Node at, String name) {
        String[] parts = name.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            prefix.append(i == 0 ? "" : ".").append(parts[i]);
            Optional<Class<?>> type = RuleVocabulary.byFullName(prefix.toString());
            if (type.isPresent()) {
                if (i + 1 < parts.length && !RuleVocabulary.isSafeStaticMember(type.get(), parts[i + 1], false)) {
                    refuse(at, name + " is not allowed in rules");
                }
                for (int k = i + 2; k < parts.length; k++) {
                    if (!RuleVocabulary.isSafeMember(parts[k])) {
                        refuse(at, name + " is not allowed in rules");
                    }
                }
                return;
            }
        }
        String why = explainType(parts[parts.length - 1]);
        refuse(at, name + " is not allowed in rules" + (why == null ? "; name an allowed type by its imported name" : ": " + why));
    }

    private static String memberReason(String member) {
        if (RuleVocabulary.FORBIDDEN_MEMBERS.contains(member)) {
            return "reflection, class loading, the runtime, threads or the engine are off limits";
        }
        String why = RuleVocabulary.refusedWhy(member);
        return why != null ? why : "it is not in the rule vocabulary (the members of the plan, fact and result types,"
                + " Calc, Format, java.time dates, reading lists, strings and Math that rules may use)";
    }

    private void methodCall(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (m.getTypeArguments().isPresent()) {
            refuse(m.getName(), "explicit type arguments (<T>) are not allowed in rules (." + name + ")");
        }
        if (RuleVocabulary.FORBIDDEN_MEMBERS.contains(name)) {
            m.getScope().ifPresent(this::forbiddenScope);
            refuse(m.getName(), "." + name + "(...) is not allowed in rules: " + memberReason(name));
            return;
        }
        m.getArguments().forEach(this::expr);
        if (m.getScope().isEmpty()) {
            unscoped(m, name);
            return;
        }
        Expression scope = m.getScope().get();
        if (isHelper(scope)) {
            helperCall(m, name);
            return;
        }
        if (isRuleOfHelper(scope)) {
            if (!name.equals("getName") || !m.getArguments().isEmpty()) {
                refuse(m.getName(), "drools.getRule() may only be used as drools.getRule().getName()");
            }
            return;
        }
        Optional<String> d = dotted(scope);
        if (d.isPresent() && !rootKnown(d.get())) {
            qualified(scope, d.get());
            Optional<Class<?>> type = RuleVocabulary.byFullName(d.get());
            if (type.isPresent() && !RuleVocabulary.isSafeStaticMember(type.get(), name, true)) {
                refuse(m.getName(), d.get() + "." + name + "(...) is not allowed in rules: " + memberReason(name));
            }
            return;
        }
        Optional<Class<?>> type = scopeType(scope);
        if (type.isPresent()) {
            if (type.get().getSimpleName().equals("Calc")) {
                wallName(m.getArguments(), name);
            }
            if (!RuleVocabulary.isSafeStaticMember(type.get(), name, true)) {
                refuse(m.getName(), type.get().getSimpleName() + "." + name + "(...) is not allowed in rules: "
                        + memberReason(name));
            }
            return;
        }
        expr(scope);
        if (!RuleVocabulary.isSafeMember(name)) {
            refuse(m.getName(), "." + name + "(...) is not allowed in rules: " + memberReason(name));
        }
    }

    /** Results and Calc's steps whose first argument names a wall. */
    private static final Set<String> NAME_A_WALL = Set.of("Need", "Supply", "Note", "deliveries", "monthly");

    /**
     * A wall named by a text written in the rule must be a name pages, reports and the database can
     * hold (a name made at run time is checked when the result is made, and fails its analysis).
     */
    private void wallName(List<Expression> arguments, String made) {
        if (NAME_A_WALL.contains(made) && !arguments.isEmpty() && arguments.get(0) instanceof StringLiteralExpr s) {
            String problem = Factors.problem(s.asString());
            if (problem != null) {
                refuse(s, problem);
            }
        }
    }

    /** The scope of a refused member is still named when it is a type or a package-qualified name. */
    private void forbiddenScope(Expression scope) {
        Optional<String> d = dotted(scope);
        if (d.isPresent() && !rootKnown(d.get())) {
            qualified(scope, d.get());
        } else if (!(scope instanceof NameExpr)) {
            expr(scope);
        }
    }

    private void unscoped(MethodCallExpr m, String name) {
        if (names.functions().contains(name)) {
            if (kind == Kind.FUNCTION) {
                refuse(m, "a function may not call functions (" + name + "), so that no rule code can recurse");
            }
            int inside = names.functionLoops().getOrDefault(name, 0);
            if (loopDepth + inside > RuleVocabulary.MAX_LOOP_DEPTH) {
                refuse(m, "calling " + name + " here nests loops " + (loopDepth + inside) + " deep (its own "
                        + inside + " inside " + loopDepth + " here); loops may nest " + RuleVocabulary.MAX_LOOP_DEPTH
                        + " deep at most in rules");
            }
            return;
        }
        if (kind == Kind.CONSEQUENCE && RuleVocabulary.MACROS.contains(name)) {
            return;
        }
        if (kind == Kind.CONSTRAINT && patternHas(name)) {
            return;
        }
        refuse(m, name + "(...) is not a function declared in this file"
                + (kind == Kind.CONSTRAINT ? " or a method of the pattern" : "")
                + (kind == Kind.CONSEQUENCE ? " or insert/update/delete" : ""));
    }

    private boolean isHelper(Expression scope) {
        return kind == Kind.CONSEQUENCE && scope instanceof NameExpr n
                && (n.getNameAsString().equals("drools") || n.getNameAsString().equals("kcontext"))
                && !names.variables().contains(n.getNameAsString());
    }

    private boolean isRuleOfHelper(Expression scope) {
        return scope instanceof MethodCallExpr inner && inner.getNameAsString().equals("getRule")
                && inner.getArguments().isEmpty() && inner.getTypeArguments().isEmpty()
                && inner.getScope().map(this::isHelper).orElse(false);
    }

    private void helperCall(MethodCallExpr m, String name) {
        if (!RuleVocabulary.HELPER_METHODS.contains(name)) {
            refuse(m.getName(), "drools." + name + "(...) is not allowed in rules: only insert, update, delete"
                    + " and getRule().getName() are");
            return;
        }
        if (name.equals("getRule")) {
            boolean nameCall = m.getParentNode().filter(p -> p instanceof MethodCallExpr pm
                    && pm.getScope().filter(s -> s == m).isPresent()).isPresent();
            if (!nameCall) {
                refuse(m.getName(), "drools.getRule() may only be used as drools.getRule().getName()");
            }
        }
    }

    // ---- types ----

    private void type(Type t) {
        if (t instanceof PrimitiveType || t instanceof VarType && !kind.mvel) {
            return;
        }
        if (t instanceof ArrayType a) {
            type(a.getComponentType());
        } else if (t instanceof WildcardType w) {
            w.getExtendedType().ifPresent(this::type);
            w.getSuperType().ifPresent(this::type);
        } else if (t instanceof ClassOrInterfaceType c) {
            if (!c.getAnnotations().isEmpty()) {
                refuse(c, "annotations are not allowed in rule code");
            }
            c.getTypeArguments().ifPresent(args -> args.forEach(this::type));
            String full = c.getNameWithScope();
            if (c.getScope().isPresent()) {
                if (RuleVocabulary.byFullName(full).isEmpty()) {
                    String why = explainType(c.getNameAsString());
                    refuse(c, full + " is not allowed in rules" + (why == null ? "" : ": " + why));
                }
            } else if (typeNamed(full).isEmpty() && !names.declaredTypes().contains(full)) {
                String why = explainType(full);
                refuse(c, full + " is not an allowed type in rules; " + (why == null
                        ? "import it if it is one of the project's fact or result types, java.time or a java.util collection"
                        : why));
            }
        } else {
            refuse(t, describeRefused(t));
        }
    }
}
