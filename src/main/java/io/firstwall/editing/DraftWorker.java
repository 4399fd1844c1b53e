package io.firstwall.editing;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.Accelerator;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.Region;
import io.firstwall.plan.Phase;
import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleCompiler;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process unpublished rules run in: it reads one {@link DraftCheck.Request} a line (JSON) on
 * its standard input and answers one {@link DraftCheck.Reply} a line on its standard output, for as
 * long as its input stays open. The app starts it ({@link DraftSandbox}), watches its CPU time and
 * memory, and kills it when a draft overruns; then a fresh one takes its place. Nothing here is
 * shared with the app but the pipe. Should a rule ever change JVM-wide settings (the vocabulary
 * refuses every such member), the worker says so and ends, so that no later draft runs under them.
 */
public final class DraftWorker {

    /** The line a worker writes once it is ready for requests. */
    static final String READY = "{\"ready\":true}";

    static final JsonMapper PROTOCOL = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private DraftWorker() {
    }

    /** The JVM-wide settings a draft must leave as they were. */
    private record Settings(Locale locale, TimeZone zone, Charset charset, String dir, String tmp) {

        static Settings now() {
            return new Settings(Locale.getDefault(), TimeZone.getDefault(), Charset.defaultCharset(),
                    System.getProperty("user.dir"), System.getProperty("java.io.tmpdir"));
        }
    }

    public static void main(String[] args) throws IOException {
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Whatever a library prints goes to the log, never into the replies.
        System.setOut(System.err);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        DraftCheck checks = new DraftCheck();
        warmUp();
        Settings settings = Settings.now();
        replies.println(READY);
        String line;
        while ((line = requests.readLine()) != null) {
            String reply;
            try {
                DraftCheck.Request request = PROTOCOL.readValue(line, DraftCheck.Request.class);
                reply = PROTOCOL.writeValueAsString(checks.handle(request));
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                reply = PROTOCOL.writeValueAsString(DraftCheck.Reply.failed("the check failed: " + e));
            }
            if (!Settings.now().equals(settings)) {
                replies.println(PROTOCOL.writeValueAsString(DraftCheck.Reply.failed("the rules changed settings of the"
                        + " whole JVM while they ran (locale, time zone, character set, working or temporary folder); the draft"
                        + " process was ended")));
                System.exit(3);
            }
            replies.println(reply);
        }
        System.exit(0);
    }

    /** A rule that loads the compiler and the engine before the first draft, whose budget should not pay for it. */
    private static final String WARM_UP = """
            package rules.warm;
            import io.firstwall.plan.Plan;
            import io.firstwall.analysis.Note;
            import io.firstwall.analysis.Calc;
            import java.util.List;
            rule "WARM-001 The worker is ready"
            when
                $p : Plan(name != "", phases.size() > 0)
            then
                for (Object s : Calc.deliveries("WARM", "warm", $p.decisionDate(), 1, 0, $p.decisionDate(),
                        $p.decisionDate().plusYears(1), "WARM-001", "", List.of())) {
                    insert(s);
                }
                insert(new Note("WARM", "WARM-001", $p.name(), List.of()));
            end
            """;

    /** Compiles and runs one small rule, so that the first draft's CPU budget is spent on the draft. */
    private static void warmUp() {
        RuleBase rules = RuleCompiler.compile(Map.of("warm/warm.drl", WARM_UP));
        FactBase facts = new FactBase(List.of(),
                List.of(new Region("X", "x", false, "TEMPERATE", "x", "x", "assumption")),
                List.of(new Accelerator("A", "NVIDIA A", "x", "assumption")));
        new Analyzer(rules).analyze(new Plan("warm", "X",
                Power.GRID, "A", LocalDate.of(2026, 1, 1),
                List.of(new Phase(1, LocalDate.of(2027, 1, 1), 1)), Map.of()), facts);
    }

    /** A request as one line. */
    static String line(DraftCheck.Request request) {
        return PROTOCOL.writeValueAsString(request);
    }

    /** A reply from its line; a worker's ready line is not one. */
    static DraftCheck.Reply reply(String line) {
        return PROTOCOL.readValue(line, DraftCheck.Reply.class);
    }

    /** Whether a line is the worker's ready line. */
    static boolean isReady(String line) {
        return READY.equals(line);
    }
}
