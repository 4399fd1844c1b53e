package io.firstwall.editing;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TimeZone;

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
