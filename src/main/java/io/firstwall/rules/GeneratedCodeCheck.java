package io.firstwall.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The second line behind {@link RuleAllowlist}: the Java bytecode Drools generated for the
 * consequences, functions, evals and accumulate code of a rule base is read with ASM before any
 * session exists, and every class, method and field it refers to must be allowed. JDK members must
 * be safe members of the rule vocabulary's types; the engine's own classes may be used by its
 * templates but never through an engine handle; nothing else (the project's other classes, Spring,
 * reflection, class constants, dynamic constants, lambdas) may appear. Constraints and {@code from}
 * sources are interpreted by MVEL and have no bytecode: the parse-tree check alone guards them.
 */
final class GeneratedCodeCheck {

    /** Engine members that hand out the session, the rule base or the runtime. */
    private static final Set<String> ENGINE_HANDLES = Set.of("getKieRuntime", "getKieBase", "getWorkingMemory",
            "getSession", "getEntryPoint", "getEntryPoints", "getChannels", "getReteEvaluator", "halt", "dispose",
            "getKieSession", "getGlobals", "setGlobal", "getClassLoader", "getRootClassLoader", "getTypeResolver",
            "getProcessRuntime", "getAgenda", "getKnowledgeBase", "getKnowledgeRuntime");
    private static final String STRING_CONCAT = "java/lang/invoke/StringConcatFactory";
    /** The interface of Drools' invoker templates, which carry no rule text. */
    private static final String COMPILED_INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";

    private GeneratedCodeCheck() {
    }

    /** The refusals for a rule base's generated code; empty when all of it is allowed. */
    static List<RuleProblem> check(KieBase kieBase) {
        List<RuleProblem> problems = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            if (!(pkg instanceof InternalKnowledgePackage internal)) {
                continue;
            }
            DialectRuntimeData data = internal.getDialectRuntimeRegistry().getDialectData("java");
            if (data instanceof JavaDialectRuntimeData java) {
                String file = "rules/" + pkg.getName().replaceFirst("^rules\\.?", "").replace('.', '/');
                for (Map.Entry<String, byte[]> entry : java.getStore().entrySet()) {
                    for (String refusal : check(entry.getValue())) {
                        problems.add(new RuleProblem(file, 0, 0, "the code generated for " + className(entry.getKey())
                                + " uses " + refusal + ", which rules may not use; nothing was run"));
                    }
                }
            }
        }
        return problems;
    }

    private static String className(String path) {
        String simple = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.class$", "");
        return simple.replaceAll("\\$u(\\d+)\\$", "_");
    }

    /** The refused references in one class file, as "owner.member". */
    static Set<String> check(byte[] classFile) {
        Set<String> refused = new TreeSet<>();
        boolean[] invoker = {false};
        ClassReader reader = new ClassReader(classFile);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                invoker[0] = interfaces != null && Arrays.asList(interfaces).contains(COMPILED_INVOKER);
                if (superName != null && !superName.equals("java/lang/Object") && !allowedOwner(superName)) {
                    refused.add(superName + " (as a superclass)");
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                        if (!allowedMethod(owner, member, invoker[0])) {
                            refused.add(owner.replace('/', '.') + "." + member);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                        if (invoker[0] ? deniedInTemplates(owner.replace('/', '.')) : !allowedField(owner, member)) {
                            refused.add(owner.replace('/', '.') + "." + member);
                        }
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        typeUsed(Type.getObjectType(type), invoker[0], refused);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (invoker[0] && value instanceof Type t && t.getSort() == Type.OBJECT
                                && t.getInternalName().startsWith("rules/")) {
                            return;
                        }
                        if (value instanceof Type || value instanceof Handle || value instanceof ConstantDynamic) {
                            refused.add("a class or method constant (" + value + ")");
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                        if (!bootstrap.getOwner().equals(STRING_CONCAT)) {
                            refused.add(bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName()
                                    + " (lambdas and dynamic calls)");
                        }
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String desc, int dims) {
                        typeUsed(Type.getType(desc), invoker[0], refused);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return refused;
    }

    /** A type named by new, a cast, instanceof or an array: its element class must be allowed. */
    private static void typeUsed(Type type, boolean invoker, Set<String> refused) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() != Type.OBJECT) {
            return;
        }
        String name = element.getClassName();
        if (invoker ? deniedInTemplates(name) : !allowedOwner(element.getInternalName())) {
            refused.add(name);
        }
    }

    /** A class that generated code may name at all. */
    static boolean allowedOwner(String internalName) {
        String name = internalName.replace('/', '.');
        if (name.startsWith("rules.")) {
            return true;
        }
        if (name.startsWith("org.drools.") || name.startsWith("org.kie.")) {
            return true;
        }
        return vocabularyType(name).isPresent() || name.equals("java.lang.Object");
    }

    private static Optional<Class<?>> vocabularyType(String name) {
        return RuleVocabulary.byFullName(name);
    }

    static boolean allowedMethod(String owner, String member, boolean invoker) {
        String name = owner.replace('/', '.');
        if (invoker) {
            return INVOKER_TEMPLATE_CALLS.contains(name + "." + member) || !deniedInTemplates(name)
                    && !RuleVocabulary.FORBIDDEN_MEMBERS.contains(member) && !ENGINE_HANDLES.contains(member);
        }
        if (RuleVocabulary.FORBIDDEN_MEMBERS.contains(member)) {
            return false;
        }
        if (name.startsWith("rules.")) {
            return true;
        }
        if (name.startsWith("org.drools.") || name.startsWith("org.kie.")) {
            return !ENGINE_HANDLES.contains(member);
        }
        if (name.equals("java.lang.Object")) {
            return member.equals("<init>") || RuleVocabulary.isSafeMember(member);
        }
        return vocabularyType(name).map(type -> member.equals("<init>") ? RuleVocabulary.isConstructible(type)
                : RuleVocabulary.isSafeMethodOf(type, member))
                .orElse(false);
    }

    /**
     * Drools' invoker templates (classes implementing CompiledInvoker) carry no rule text: only the
     * names and types of declarations, which the text check has resolved to allowed types. They read
     * their own bytecode to compare it, through these calls; they may use the JDK otherwise, except
     * what no rule may ever reach.
     */
    private static final Set<String> INVOKER_TEMPLATE_CALLS = Set.of("java.lang.Object.getClass",
            "java.lang.Class.getClassLoader", "java.lang.ClassLoader.getResourceAsStream");
    /** Packages (ending in a dot) and classes no generated code may name, templates included. */
    private static final List<String> DENIED_IN_TEMPLATES = List.of("java.lang.System", "java.lang.Runtime",
            "java.lang.Process", "java.lang.ProcessBuilder", "java.lang.ProcessHandle", "java.lang.Thread",
            "java.lang.ThreadGroup", "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal", "java.lang.Class",
            "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker",
            "java.lang.SecurityManager", "java.lang.reflect.", "java.lang.invoke.", "java.net.", "java.nio.",
            "java.util.concurrent.", "java.security.", "javax.", "sun.", "jdk.", "com.sun.", "org.springframework.");
    /** What the templates read their own bytecode with. */
    private static final Set<String> TEMPLATE_IO = Set.of("java.io.ByteArrayOutputStream", "java.io.InputStream",
            "java.io.IOException", "java.io.Serializable", "java.io.Externalizable", "java.io.ObjectInput",
            "java.io.ObjectOutput");

    private static boolean deniedInTemplates(String name) {
        if (name.startsWith("io.firstwall.")) {
            return vocabularyType(name).isEmpty();
        }
        if (name.startsWith("java.io.")) {
            return !TEMPLATE_IO.contains(name);
        }
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        return DENIED_IN_TEMPLATES.stream().anyMatch(d -> d.endsWith(".") ? outer.startsWith(d) : outer.equals(d));
    }

    static boolean allowedField(String owner, String member) {
        String name = owner.replace('/', '.');
        if (name.startsWith("rules.") || name.startsWith("org.drools.") || name.startsWith("org.kie.")) {
            return !ENGINE_HANDLES.contains(member);
        }
        return vocabularyType(name).map(type -> RuleVocabulary.isSafeStaticMember(type, member, false)).orElse(false);
    }
}
