package io.firstwall.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What rule text may name, member by member: a closed set, as FEEL's functions are. Each allowed
 * type lists the instance members and the static members rules may use, and which types a rule may
 * create with {@code new}; anything not listed is refused by name, however harmless its signature
 * looks. Every listed member is cheap, ends, and changes nothing outside the value it returns: no
 * regular expressions, no string repetition or formatting, no collection factories with a size
 * (only {@code List.of} of the elements written out), no clocks, no JVM-wide setters. Loops can
 * only run over what these members return, all of it bounded ({@code Calc} caps its own steps).
 * Declared once, read by {@link RuleAllowlist}, {@link JavaSnippetCheck}, {@link GeneratedCodeCheck}
 * and the analyzer (the global's name).
 */
public final class RuleVocabulary {

    /** The global through which rules read facts: {@code $f : Fact() from facts.get("id")}. */
    public static final String FACTS_GLOBAL = "facts";
    public static final String FACTS_GLOBAL_TYPE = "io.firstwall.facts.FactBase";

    /** What rules may use of one type: instance members, static members, and whether {@code new} may make one. */
    record Members(Set<String> instance, Set<String> statics, boolean constructible) {
    }

    /**
     * The vocabulary, type by type. A getter is also readable as a property, as MVEL reads it
     * ({@code getYear} as {@code year}).
     */
    private static final Map<String, Members> VOCABULARY = vocabulary();

    private static Map<String, Members> vocabulary() {
        Map<String, Members> v = new LinkedHashMap<>();
        // The project's types, which rule files import by full name; stored rule revisions depend on them.
        v.put("io.firstwall.plan.Plan", members("name location power accelerator decisionDate phases lastPhase targetDate"
                + " flag number text", "", false));
        v.put("io.firstwall.plan.Phase", members("number online accelerators", "", false));
        v.put("io.firstwall.plan.Power", members("name ordinal equals compareTo toString",
                "GRID ONSITE_GAS SOLAR_STORAGE SPACE_SOLAR", false));
        v.put("io.firstwall.facts.Fact", members("id value low high unit asOf source status note distribution intValue",
                "", false));
        v.put("io.firstwall.facts.FactBase", members("get at", "", false));
        v.put("io.firstwall.facts.Region", members("id name orbital climate gridOperator source status", "", false));
        v.put("io.firstwall.facts.Accelerator", members("id name source status maker makerName", "", false));
        v.put("io.firstwall.analysis.PhaseDemand", members("phase online accelerators itMw facilityMw generationMw ruleId"
                + " explanation factIds generator", "", true));
        v.put("io.firstwall.analysis.Need", members("factor phase online amount unit ruleId factIds", "", true));
        v.put("io.firstwall.analysis.Supply", members("factor lane from amount ruleId sentence factIds", "", true));
        v.put("io.firstwall.analysis.Note", members("factor ruleId text factIds", "", true));
        v.put("io.firstwall.analysis.Calc", members("", "round ids plusMonths startOfYear yyyymmdd later permit deliveries"
                + " monthly ramp most pointIds trend firstOn", false));
        v.put("io.firstwall.analysis.Format", members("", "num power value date valueWithUnit month amount", false));
        // java.util: reading collections the members above return, and List.of of elements written out.
        v.put("java.util.List", members("size isEmpty get contains indexOf iterator equals", "of", false));
        v.put("java.util.Collection", members("size isEmpty contains iterator", "", false));
        v.put("java.util.Set", members("size isEmpty contains iterator", "", false));
        v.put("java.util.Iterator", members("hasNext next", "", false));
        v.put("java.util.Objects", members("", "equals isNull nonNull", false));
        v.put("java.util.Locale", members("", "ROOT", false));
        // java.time: calendar arithmetic on dates; no clocks (now), so an answer depends on the plan alone.
        v.put("java.time.LocalDate", members("plusMonths plusDays plusYears plusWeeks minusMonths minusDays minusYears"
                + " minusWeeks isBefore isAfter isEqual equals compareTo getYear getMonthValue getMonth getDayOfMonth"
                + " getDayOfYear withDayOfMonth withMonth withYear lengthOfMonth lengthOfYear isLeapYear until toString",
                "of parse MIN MAX EPOCH", false));
        v.put("java.time.YearMonth", members("getYear getMonthValue atDay atEndOfMonth plusMonths minusMonths isBefore"
                + " isAfter equals compareTo", "of from", false));
        v.put("java.time.Year", members("getValue atDay isLeap length equals compareTo", "of", false));
        v.put("java.time.Month", members("getValue name ordinal equals compareTo", "of JANUARY FEBRUARY MARCH APRIL MAY"
                + " JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER", false));
        v.put("java.time.Period", members("getYears getMonths getDays toTotalMonths isNegative isZero equals",
                "between of ofYears ofMonths ofDays", false));
        v.put("java.time.temporal.ChronoUnit", members("between name", "DAYS WEEKS MONTHS YEARS", false));
        // java.lang, usable without an import as in Java.
        v.put("java.lang.Object", members("equals hashCode toString", "", false));
        v.put("java.lang.String", members("length isEmpty isBlank equals equalsIgnoreCase startsWith endsWith contains"
                + " indexOf lastIndexOf substring charAt trim strip toLowerCase toUpperCase compareTo compareToIgnoreCase"
                + " hashCode toString", "valueOf", false));
        v.put("java.lang.CharSequence", members("length charAt", "", false));
        v.put("java.lang.Iterable", members("iterator", "", false));
        v.put("java.lang.Comparable", members("compareTo", "", false));
        v.put("java.lang.Number", members("intValue longValue doubleValue", "", false));
        v.put("java.lang.Integer", members("intValue longValue doubleValue compareTo equals",
                "valueOf parseInt compare max min MAX_VALUE MIN_VALUE", false));
        v.put("java.lang.Long", members("intValue longValue doubleValue compareTo equals",
                "valueOf parseLong compare max min MAX_VALUE MIN_VALUE", false));
        v.put("java.lang.Double", members("intValue longValue doubleValue isNaN isInfinite compareTo equals",
                "valueOf parseDouble compare isNaN isInfinite isFinite max min MAX_VALUE MIN_VALUE POSITIVE_INFINITY"
                        + " NEGATIVE_INFINITY NaN", false));
        v.put("java.lang.Boolean", members("booleanValue equals compareTo", "valueOf parseBoolean TRUE FALSE", false));
        v.put("java.lang.Math", members("", "abs max min round floor ceil rint pow sqrt cbrt log log10 exp signum hypot"
                + " floorDiv floorMod PI E", false));
        return Collections.unmodifiableMap(v);
    }

    private static Members members(String instance, String statics, boolean constructible) {
        Set<String> in = new HashSet<>();
        for (String name : words(instance)) {
            in.add(name);
            in.add(property(name));
        }
        return new Members(Set.copyOf(in), Set.copyOf(words(statics)), constructible);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split(" +"));
    }

    /** The project's types that rule files import by full name; stored rule revisions depend on them. */
    public static final List<String> PROJECT_TYPES = VOCABULARY.keySet().stream()
            .filter(n -> n.startsWith("io.firstwall.")).toList();
    /** {@code java.lang} types usable without an import, as in Java. */
    static final List<String> SAFE_LANG = VOCABULARY.keySet().stream().filter(n -> n.startsWith("java.lang."))
            .map(n -> n.substring("java.lang.".length())).toList();
    /**
     * Members refused by name on any object, whatever type it has: reflection, class loading, the
     * runtime, monitors and the engine's own handles. None of them is in the vocabulary; the list
     * gives the refusal its reason and keeps functions from taking these names.
     */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "getClassLoader", "forName", "newInstance",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getMethod",
            "getMethods", "getField", "getFields", "getConstructor", "getDeclaredConstructor", "setAccessible",
            "invoke", "exec", "getRuntime", "exit", "halt", "loadLibrary", "load", "getKieRuntime", "getKieBase",
            "getWorkingMemory", "getSession", "getEntryPoint", "getChannels", "wait", "notify", "notifyAll",
            "lookup", "defineClass", "getDeclaringClass", "describeConstable", "resolveConstantDesc", "finalize",
            "clone", "class", "classLoader", "declaringClass", "runtime");
    /** Members that are refused for a reason a rule writer should read, not only "not in the vocabulary". */
    private static final Map<String, String> REFUSED_WHY = Map.ofEntries(
            Map.entry("matches", "regular expressions are not allowed in rules: one pattern can run for hours"),
            Map.entry("replaceAll", "regular expressions are not allowed in rules: one pattern can run for hours"),
            Map.entry("replaceFirst", "regular expressions are not allowed in rules: one pattern can run for hours"),
            Map.entry("split", "regular expressions are not allowed in rules: one pattern can run for hours"),
            Map.entry("repeat", "repeating a string is not allowed in rules: it can fill the memory"),
            Map.entry("format", "formatting with a pattern is not allowed in rules; use Format.num and Format.month"),
            Map.entry("formatted", "formatting with a pattern is not allowed in rules; use Format.num and Format.month"),
            Map.entry("nCopies", "collections of a given size are not allowed in rules; loop over what Calc and the"
                    + " plan return"),
            Map.entry("fill", "collections of a given size are not allowed in rules"),
            Map.entry("setDefault", "rules may not change settings of the whole service"),
            Map.entry("now", "clocks are not allowed in rules: an answer depends on the plan and the facts alone"),
            Map.entry("add", "rules do not change collections; a consequence inserts results"),
            Map.entry("addAll", "rules do not change collections; a consequence inserts results"),
            Map.entry("put", "rules do not change collections; a consequence inserts results"),
            Map.entry("remove", "rules do not change collections; a consequence inserts results"),
            Map.entry("stream", "streams are not allowed in rules; use a for-each loop"));
    /** Drools' consequence shortcuts. */
    static final Set<String> MACROS = Set.of("insert", "insertLogical", "update", "delete", "retract");
    /** What a consequence may do with {@code drools} / {@code kcontext}: its macros and the rule's name. */
    static final Set<String> HELPER_METHODS = Set.of("insert", "insertLogical", "update", "delete", "retract",
            "getRule");
    /** Built-in accumulate functions. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average", "collectList",
            "collectSet", "countDistinct");
    /** How deep for-each loops may nest in one piece of rule code: each loop runs over a bounded list, and so do two. */
    static final int MAX_LOOP_DEPTH = 2;
    /** Packages and classes whose appearance in a member's signature makes a listed member a mistake. */
    private static final List<String> DANGEROUS_SIGNATURE = List.of("java.lang.Class", "java.lang.ClassLoader",
            "java.lang.reflect.", "java.lang.invoke.", "java.lang.constant.", "java.lang.Module", "java.lang.Thread",
            "java.lang.Runtime", "java.lang.Process", "java.lang.System", "java.lang.StackWalker", "java.io.",
            "java.nio.", "java.net.", "java.util.stream.", "java.util.concurrent.", "java.util.function.",
            "java.util.Spliterator", "java.util.regex.", "java.security.", "javax.", "sun.", "jdk.", "org.");

    private static final Map<String, Class<?>> BY_FULL_NAME;
    private static final Map<Class<?>, Members> BY_TYPE;
    private static final Map<String, Class<?>> IMPLICIT;
    private static final Set<String> INSTANCE_MEMBERS;
    private static final Set<String> SIMPLE_NAMES;

    static {
        Map<String, Class<?>> byName = new TreeMap<>();
        Map<Class<?>, Members> byType = new LinkedHashMap<>();
        Map<String, Class<?>> implicit = new TreeMap<>();
        Set<String> instance = new HashSet<>();
        Set<String> simple = new HashSet<>();
        VOCABULARY.forEach((name, members) -> {
            Class<?> c = load(name);
            byName.put(name, c);
            byType.put(c, members);
            instance.addAll(members.instance());
            simple.add(c.getSimpleName());
            if (name.startsWith("java.lang.")) {
                implicit.put(c.getSimpleName(), c);
            }
            for (String m : members.instance()) {
                requireListed(c, m, false);
            }
            for (String m : members.statics()) {
                requireListed(c, m, true);
            }
        });
        BY_FULL_NAME = Collections.unmodifiableMap(byName);
        BY_TYPE = Collections.unmodifiableMap(byType);
        IMPLICIT = Collections.unmodifiableMap(implicit);
        INSTANCE_MEMBERS = Collections.unmodifiableSet(instance);
        SIMPLE_NAMES = Collections.unmodifiableSet(simple);
    }

    private RuleVocabulary() {
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RuleVocabulary.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the rule vocabulary names a missing type " + name, e);
        }
    }

    /**
     * A listed member exists on its type and no overload of it takes or returns reflection, class
     * loading, threads, processes, I/O, streams, functions or regular expressions; otherwise the
     * vocabulary itself is wrong and the service does not start.
     */
    private static void requireListed(Class<?> type, String member, boolean statics) {
        boolean found = false;
        for (Method m : type.getMethods()) {
            if ((m.getName().equals(member) || property(m.getName()).equals(member))
                    && Modifier.isStatic(m.getModifiers()) == statics) {
                if (!safe(m)) {
                    throw new IllegalStateException("the rule vocabulary lists " + type.getName() + "." + member
                            + ", which has an unsafe overload " + m);
                }
                found = true;
            }
        }
        for (Field f : type.getFields()) {
            if (f.getName().equals(member) && Modifier.isStatic(f.getModifiers()) == statics) {
                if (!safe(f.getGenericType())) {
                    throw new IllegalStateException("the rule vocabulary lists an unsafe field " + f);
                }
                found = true;
            }
        }
        if (!found && !FORBIDDEN_MEMBERS.contains(member)) {
            throw new IllegalStateException("the rule vocabulary lists " + type.getName() + "." + member
                    + (statics ? " (static)" : "") + ", which does not exist");
        }
    }

    /** The property name MVEL reads through a getter: getFoo and isFoo are read as foo. */
    static String property(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
            }
        }
        return method;
    }

    private static boolean safe(Method m) {
        if (!safe(m.getGenericReturnType())) {
            return false;
        }
        for (Type t : m.getGenericParameterTypes()) {
            if (!safe(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean safe(Type type) {
        String name = type.getTypeName();
        for (String bad : DANGEROUS_SIGNATURE) {
            if (name.contains(bad)) {
                return false;
            }
        }
        return true;
    }

    /** An allowed type by its full name (java.time sub-packages included). */
    static Optional<Class<?>> byFullName(String name) {
        return Optional.ofNullable(BY_FULL_NAME.get(name));
    }

    /** The {@code java.lang} types a rule may name without importing them. */
    static Map<String, Class<?>> implicitTypes() {
        return IMPLICIT;
    }

    /** The {@code java.time} types a rule may import, by their names under {@code java.time.} ("temporal.ChronoUnit"). */
    static List<String> javaTimeTypes() {
        return BY_FULL_NAME.keySet().stream().filter(n -> n.startsWith("java.time."))
                .map(n -> n.substring("java.time.".length())).toList();
    }

    static boolean isAllowedImport(String name) {
        return BY_FULL_NAME.containsKey(name);
    }

    /** An instance member that some allowed type lists (a receiver whose type the check cannot see). */
    static boolean isSafeMember(String name) {
        return INSTANCE_MEMBERS.contains(name);
    }

    /** A static method or field that the type lists. */
    static boolean isSafeStaticMember(Class<?> type, String name, boolean method) {
        Members members = BY_TYPE.get(type);
        if (members == null || !members.statics().contains(name)) {
            return false;
        }
        if (method) {
            for (Method m : type.getMethods()) {
                if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                    return true;
                }
            }
            return false;
        }
        for (Field f : type.getFields()) {
            if (f.getName().equals(name) && Modifier.isStatic(f.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A method that the type lists, as instance or static member, or that one of the listed types it
     * extends or implements lists (bytecode names the declared receiver: ArrayList's iterator as List's).
     */
    static boolean isSafeMethodOf(Class<?> type, String name) {
        for (Map.Entry<Class<?>, Members> e : BY_TYPE.entrySet()) {
            if (e.getKey().isAssignableFrom(type)
                    && (e.getValue().instance().contains(name) || e.getValue().statics().contains(name) && e.getKey() == type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code new} may make a value of this type in rule code. */
    static boolean isConstructible(Class<?> type) {
        Members members = BY_TYPE.get(type);
        return members != null && members.constructible();
    }

    /** Whether a pattern of this type has a listed property or method of that name (MVEL reads both). */
    static boolean hasSafeMember(Class<?> type, String name) {
        for (Map.Entry<Class<?>, Members> e : BY_TYPE.entrySet()) {
            if (e.getKey().isAssignableFrom(type) && e.getValue().instance().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Why a member that is not in the vocabulary is refused, for the rule writer; null for "not listed". */
    static String refusedWhy(String member) {
        return REFUSED_WHY.get(member);
    }

    /** Simple names of every allowed type, for refusing declares and bindings that would shadow them. */
    static Set<String> simpleNames() {
        return SIMPLE_NAMES;
    }
}
