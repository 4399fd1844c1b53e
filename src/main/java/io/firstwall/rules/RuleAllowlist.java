package io.firstwall.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules can run Java inside the server, so every DRL text (and the DRL generated from every
 * decision table) is checked before it compiles. Allowed: imports of the project's fact and result
 * types, {@code java.time}, a few {@code java.util} collections, {@code java.lang.Math} and the safe
 * {@code java.lang} value types. Everything else that names a type must be one of those or declared
 * in the DRL itself, and reflection, class loading, threads, processes, files and the network are
 * refused by name, with the file, line and column of the offence.
 */
public final class RuleAllowlist {

    static final Set<String> PROJECT_TYPES = Set.of(
            "io.firstwall.plan.Plan", "io.firstwall.plan.Phase", "io.firstwall.plan.Power",
            "io.firstwall.facts.Fact", "io.firstwall.facts.FactBase", "io.firstwall.facts.Region",
            "io.firstwall.facts.Accelerator", "io.firstwall.analysis.PhaseDemand", "io.firstwall.analysis.Need",
            "io.firstwall.analysis.Supply", "io.firstwall.analysis.Note", "io.firstwall.analysis.Calc",
            "io.firstwall.analysis.Format");
    static final Set<String> JAVA_UTIL = Set.of("List", "Map", "Set", "ArrayList", "HashMap", "LinkedHashMap",
            "TreeMap", "HashSet", "LinkedHashSet", "TreeSet", "Collection", "Collections", "Arrays", "Optional",
            "Objects", "Locale", "Comparator", "Iterator");
    static final Set<String> SAFE_LANG = Set.of("String", "Math", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Number", "StringBuilder", "Comparable", "Iterable", "CharSequence",
            "Object");
    /** Members that open reflection, class loading, the runtime or the engine itself, on any object. */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "getClassLoader", "forName", "newInstance",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getMethod",
            "getMethods", "getField", "getFields", "getConstructor", "getDeclaredConstructor", "setAccessible",
            "invoke", "exec", "getRuntime", "exit", "halt", "loadLibrary", "load", "getKieRuntime", "getKieBase",
            "getWorkingMemory", "getSession", "getEntryPoint", "getChannels", "wait", "notify", "notifyAll",
            "lookup", "defineClass");
    /** DRL words that look like identifiers but are the language. */
    static final Set<String> DRL_WORDS = Set.of("Double", "Integer", "Long", "String");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(function\\s+|static\\s+)?([\\w.$*]+)\\s*;?\\s*$",
            Pattern.MULTILINE);
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(?:trait\\s+|enum\\s+)?([A-Z]\\w*)");
    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");
    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z][\\w]*(?:\\s*\\.\\s*[a-z][\\w]*)+)\\s*\\.\\s*([A-Z]\\w*)");
    private static final Pattern TYPE_NAME = Pattern.compile("(?<![.\\w$])([A-Z]\\w*)");
    private static final Pattern MEMBER = Pattern.compile("\\.\\s*([a-zA-Z_]\\w*)\\s*\\(");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

    private RuleAllowlist() {
    }

    public static List<RuleProblem> check(String file, String drl) {
        List<RuleProblem> problems = new ArrayList<>();
        Matcher escape = UNICODE_ESCAPE.matcher(drl);
        if (escape.find()) {
            problems.add(at(file, drl, escape.start(), "unicode escapes (\\uXXXX) are not allowed in rules"));
        }
        String code = blankCommentsAndStrings(drl);
        Set<String> allowedTypes = new java.util.HashSet<>(SAFE_LANG);
        Matcher imports = IMPORT.matcher(code);
        StringBuilder withoutImports = new StringBuilder(code);
        while (imports.find()) {
            String name = imports.group(2);
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (imports.group(1) != null) {
                problems.add(at(file, drl, imports.start(2), "import " + imports.group(1).trim() + " " + name
                        + " is not allowed; rules may import only the project's fact and result types, java.time, "
                        + "java.util collections and java.lang.Math"));
            } else if (allowedImport(name)) {
                allowedTypes.add(simple);
            } else {
                problems.add(at(file, drl, imports.start(2), "import " + name + " is not allowed; rules may import "
                        + "only the project's fact and result types, java.time, java.util collections and java.lang.Math"));
            }
            for (int i = imports.start(); i < imports.end(); i++) {
                if (withoutImports.charAt(i) != '\n') {
                    withoutImports.setCharAt(i, ' ');
                }
            }
        }
        String body = withoutImports.toString();
        Matcher declared = DECLARE.matcher(body);
        while (declared.find()) {
            allowedTypes.add(declared.group(1));
        }
        Set<String> functions = new java.util.HashSet<>();
        Matcher function = FUNCTION.matcher(body);
        while (function.find()) {
            functions.add(function.group(1));
        }
        Matcher qualified = QUALIFIED.matcher(body);
        while (qualified.find()) {
            String name = qualified.group(1).replaceAll("\\s+", "") + "." + qualified.group(2);
            if (!allowedImport(name) && !name.startsWith("rules.")) {
                problems.add(at(file, drl, qualified.start(), name + " is not allowed in rules"));
            }
        }
        Matcher type = TYPE_NAME.matcher(body);
        while (type.find()) {
            String name = type.group(1);
            if (!allowedTypes.contains(name) && !isConstant(name) && !insideQualifiedName(body, type.start())) {
                problems.add(at(file, drl, type.start(), name + " is not an allowed type in rules; "
                        + explain(name)));
            }
        }
        Matcher member = MEMBER.matcher(body);
        while (member.find()) {
            if (FORBIDDEN_MEMBERS.contains(member.group(1)) && !functions.contains(member.group(1))) {
                problems.add(at(file, drl, member.start(1), "." + member.group(1)
                        + "(...) is not allowed in rules (reflection, class loading, the runtime or the engine)"));
            }
        }
        return problems;
    }

    private static boolean isConstant(String name) {
        return name.equals(name.toUpperCase(java.util.Locale.ROOT)) && name.length() > 1;
    }

    private static boolean insideQualifiedName(String body, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(body.charAt(i))) {
            i--;
        }
        return i >= 0 && body.charAt(i) == '.';
    }

    private static String explain(String name) {
        return switch (name) {
            case "System", "Runtime", "ProcessBuilder", "Process" -> "the runtime and processes are off limits";
            case "Thread", "ThreadGroup", "Executors", "ForkJoinPool", "CompletableFuture", "Timer" -> "threads are off limits";
            case "Class", "ClassLoader", "Method", "Field", "Constructor", "MethodHandles", "Proxy" -> "reflection and class loading are off limits";
            case "File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
                    "RandomAccessFile" -> "files are off limits";
            case "Socket", "ServerSocket", "URL", "URI", "HttpClient", "InetAddress", "DatagramSocket", "URLConnection" ->
                    "the network is off limits";
            default -> "import it if it is one of the project's fact or result types, java.time or a java.util collection";
        };
    }

    static boolean allowedImport(String name) {
        if (PROJECT_TYPES.contains(name) || name.equals("java.lang.Math")) {
            return true;
        }
        if (name.startsWith("java.time.")) {
            String rest = name.substring("java.time.".length());
            return rest.matches("[A-Z]\\w*|temporal\\.[A-Z]\\w*|format\\.[A-Z]\\w*|\\*|temporal\\.\\*|format\\.\\*");
        }
        if (name.startsWith("java.util.")) {
            return JAVA_UTIL.contains(name.substring("java.util.".length()));
        }
        if (name.startsWith("java.lang.")) {
            return SAFE_LANG.contains(name.substring("java.lang.".length()));
        }
        return false;
    }

    /** The text with comments and string/char literals blanked out, keeping every offset and line. */
    static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '#' ) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                while (i < s.length() && !(s.charAt(i) == '*' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                    if (s.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                for (int k = 0; k < 2 && i < s.length(); k++) {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.setCharAt(i++, ' ');
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        out.setCharAt(i++, ' ');
                    }
                    if (s.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i < s.length()) {
                    out.setCharAt(i++, ' ');
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static RuleProblem at(String file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(file, line, offset - lineStart + 1, message);
    }
}
