package io.firstwall.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What rule text may name: the types rules import (the project's plan, fact and result types,
 * {@code java.time} values, {@code java.util} collections, {@code java.lang} values and
 * {@code Math}), the one global ({@code facts}), and the members of those types that are safe to
 * call. Members are read from the classes themselves: a member is safe when no overload of it, on
 * any allowed type, takes or returns reflection, class loading, threads, processes, I/O, streams or
 * functions, and it is not one of {@link #FORBIDDEN_MEMBERS}. Declared once, read by
 * {@link RuleAllowlist} and by the analyzer (the global's name).
 */
public final class RuleVocabulary {

    /** The global through which rules read facts: {@code $f : Fact() from facts.get("id")}. */
    public static final String FACTS_GLOBAL = "facts";
    public static final String FACTS_GLOBAL_TYPE = "io.firstwall.facts.FactBase";

    /** The project's types that rule files import by full name; stored rule revisions depend on them. */
    public static final List<String> PROJECT_TYPES = List.of(
            "io.firstwall.plan.Plan", "io.firstwall.plan.Phase", "io.firstwall.plan.Power",
            "io.firstwall.facts.Fact", "io.firstwall.facts.FactBase", "io.firstwall.facts.Region",
            "io.firstwall.facts.Accelerator", "io.firstwall.analysis.PhaseDemand", "io.firstwall.analysis.Need",
            "io.firstwall.analysis.Supply", "io.firstwall.analysis.Note", "io.firstwall.analysis.Calc",
            "io.firstwall.analysis.Format");
    static final List<String> JAVA_UTIL = List.of("List", "Map", "Set", "ArrayList", "HashMap", "LinkedHashMap",
            "TreeMap", "HashSet", "LinkedHashSet", "TreeSet", "Collection", "Collections", "Arrays", "Optional",
            "Objects", "Locale", "Comparator", "Iterator");
    static final List<String> JAVA_TIME = List.of("LocalDate", "LocalDateTime", "LocalTime", "YearMonth", "Year",
            "MonthDay", "Month", "DayOfWeek", "Period", "Duration", "Instant", "temporal.ChronoUnit",
            "temporal.ChronoField", "temporal.TemporalAdjusters", "format.DateTimeFormatter");
    /** {@code java.lang} types usable without an import, as in Java. */
    static final List<String> SAFE_LANG = List.of("String", "Math", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Number", "StringBuilder", "Comparable", "Iterable", "CharSequence",
            "Object");
    /**
     * Members refused by name on any object, whatever type it has: reflection, class loading, the
     * runtime, monitors and the engine's own handles.
     */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "getClassLoader", "forName", "newInstance",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getMethod",
            "getMethods", "getField", "getFields", "getConstructor", "getDeclaredConstructor", "setAccessible",
            "invoke", "exec", "getRuntime", "exit", "halt", "loadLibrary", "load", "getKieRuntime", "getKieBase",
            "getWorkingMemory", "getSession", "getEntryPoint", "getChannels", "wait", "notify", "notifyAll",
            "lookup", "defineClass", "getDeclaringClass", "describeConstable", "resolveConstantDesc", "finalize",
            "clone", "class", "classLoader", "declaringClass", "runtime");
    /** Packages and classes whose appearance in a member's signature makes the member unsafe. */
    private static final List<String> DANGEROUS_SIGNATURE = List.of("java.lang.Class", "java.lang.ClassLoader",
            "java.lang.reflect.", "java.lang.invoke.", "java.lang.constant.", "java.lang.Module", "java.lang.Thread",
            "java.lang.Runtime", "java.lang.Process", "java.lang.System", "java.lang.StackWalker", "java.io.",
            "java.nio.", "java.net.", "java.util.stream.", "java.util.concurrent.", "java.util.function.",
            "java.util.Spliterator", "java.security.", "javax.", "sun.", "jdk.", "org.");
    /** Drools' consequence shortcuts. */
    static final Set<String> MACROS = Set.of("insert", "insertLogical", "update", "delete", "retract");
    /** What a consequence may do with {@code drools} / {@code kcontext}: its macros and the rule's name. */
    static final Set<String> HELPER_METHODS = Set.of("insert", "insertLogical", "update", "delete", "retract",
            "getRule");
    /** Built-in accumulate functions. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average", "collectList",
            "collectSet", "countDistinct");

    private static final Map<String, Class<?>> BY_FULL_NAME;
    private static final Map<String, Class<?>> IMPLICIT;
    private static final Set<String> SAFE_MEMBERS;
    private static final Set<String> SIMPLE_NAMES;

    static {
        Map<String, Class<?>> byName = new TreeMap<>();
        PROJECT_TYPES.forEach(n -> byName.put(n, load(n)));
        JAVA_UTIL.forEach(n -> byName.put("java.util." + n, load("java.util." + n)));
        JAVA_TIME.forEach(n -> byName.put("java.time." + n, load("java.time." + n)));
        Map<String, Class<?>> implicit = new TreeMap<>();
        for (String n : SAFE_LANG) {
            Class<?> c = load("java.lang." + n);
            byName.put("java.lang." + n, c);
            implicit.put(n, c);
        }
        BY_FULL_NAME = Collections.unmodifiableMap(byName);
        IMPLICIT = Collections.unmodifiableMap(implicit);
        Set<String> safe = new HashSet<>();
        Set<String> unsafe = new HashSet<>(FORBIDDEN_MEMBERS);
        for (Class<?> c : byName.values()) {
            for (Method m : c.getMethods()) {
                (safe(m) ? safe : unsafe).add(m.getName());
                (safe(m) ? safe : unsafe).add(property(m.getName()));
            }
            for (Field f : c.getFields()) {
                (safe(f.getGenericType()) ? safe : unsafe).add(f.getName());
            }
        }
        safe.removeAll(unsafe);
        SAFE_MEMBERS = Collections.unmodifiableSet(safe);
        Set<String> simple = new HashSet<>();
        byName.values().forEach(c -> simple.add(c.getSimpleName()));
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

    /** The property name MVEL reads through a getter: getFoo and isFoo are read as foo. */
    private static String property(String method) {
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

    static boolean isAllowedImport(String name) {
        return BY_FULL_NAME.containsKey(name);
    }

    /** A member name that some allowed type has, with no unsafe overload anywhere. */
    static boolean isSafeMember(String name) {
        return SAFE_MEMBERS.contains(name);
    }

    /** A public static method or field of an allowed type, safe in every overload. */
    static boolean isSafeStaticMember(Class<?> type, String name, boolean method) {
        if (FORBIDDEN_MEMBERS.contains(name)) {
            return false;
        }
        if (method) {
            boolean found = false;
            for (Method m : type.getMethods()) {
                if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                    if (!safe(m)) {
                        return false;
                    }
                    found = true;
                }
            }
            return found;
        }
        for (Field f : type.getFields()) {
            if (f.getName().equals(name) && Modifier.isStatic(f.getModifiers())) {
                return safe(f.getGenericType());
            }
        }
        return false;
    }

    /** A public method of that name on that type, every overload safe. */
    static boolean isSafeMethodOf(Class<?> type, String name) {
        if (FORBIDDEN_MEMBERS.contains(name)) {
            return false;
        }
        boolean found = false;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                if (!safe(m)) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    /** Whether a pattern of this type has a safe property or method of that name (MVEL reads both). */
    static boolean hasSafeMember(Class<?> type, String name) {
        if (!isSafeMember(name)) {
            return false;
        }
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) || property(m.getName()).equals(name)) {
                return true;
            }
        }
        for (Field f : type.getFields()) {
            if (f.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Simple names of every allowed type, for refusing declares that would shadow them. */
    static Set<String> simpleNames() {
        return SIMPLE_NAMES;
    }
}
