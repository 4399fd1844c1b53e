package io.firstwall.editing;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firstwall.rules.RuleCompiler;
import io.firstwall.system.FirstwallProperties;

import jakarta.annotation.PreDestroy;

/**
 * Picks up edits made outside the browser (an expert's editor, a git pull into {@code rules/}):
 * they are validated like any publish; good ones go live as a revision by "external edit", bad
 * ones are rejected, the live rules stay, and the rules page says why.
 */
@Component
public class RuleWatcher {

    private static final Logger log = LoggerFactory.getLogger(RuleWatcher.class);

    private final RuleEditingService editing;
    private final Path rulesDir;
    private final Thread thread;
    private volatile WatchService watch;
    private volatile String lastRejection;

    RuleWatcher(RuleEditingService editing, FirstwallProperties properties,
            @Value("${firstwall.rules-watch:true}") boolean enabled) {
        this.editing = editing;
        this.rulesDir = properties.rulesDir();
        this.thread = new Thread(this::loop, "rules-watcher");
        this.thread.setDaemon(true);
        if (enabled) {
            try {
                watch = FileSystems.getDefault().newWatchService();
                register(rulesDir);
                thread.start();
            } catch (IOException e) {
                log.warn("Cannot watch {} for outside edits: {}", rulesDir, e.getMessage());
            }
        }
    }

    private void register(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    /** Why the last outside edit was rejected, or null when the files on disk are live. */
    public String lastRejection() {
        return lastRejection;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                WatchKey key = watch.take();
                key.pollEvents();
                key.reset();
                // Let an editor or a git pull finish writing before looking.
                WatchKey more;
                while ((more = watch.poll(400, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                register(rulesDir);
                check();
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException | IOException e) {
                log.warn("Checking an outside edit of {} failed: {}", rulesDir, e.getMessage(), e);
            }
        }
    }

    /** Compares rules/ on disk with the live set and adopts or rejects the difference. */
    public synchronized void check() {
        Map<String, String> disk = new TreeMap<>();
        try {
            disk.putAll(RuleCompiler.readDirectory(rulesDir));
        } catch (RuntimeException e) {
            lastRejection = "rules/ cannot be read: " + e.getMessage();
            return;
        }
        disk.putAll(RuleEditingService.readTests(rulesDir));
        Map<String, String> live = editing.liveFiles();
        Map<String, String> changes = new TreeMap<>();
        disk.forEach((path, text) -> {
            if (!text.equals(live.get(path))) {
                changes.put(path, text);
            }
        });
        live.keySet().stream().filter(p -> !disk.containsKey(p)).forEach(p -> changes.put(p, null));
        if (changes.isEmpty()) {
            return;
        }
        try {
            Revision r = editing.adoptExternal(changes);
            lastRejection = null;
            log.info("Outside edit of {} is live as revision {}", changes.keySet(), r.id());
        } catch (RefusedException e) {
            StringBuilder why = new StringBuilder("The edit of " + String.join(", ", changes.keySet())
                    + " made outside firstwall was rejected; the live rules stay. " + e.getMessage());
            if (e.validation() != null) {
                e.validation().errors().forEach(p -> why.append(' ').append(p));
                e.validation().scenarios().stream().filter(s -> !s.passed())
                        .forEach(s -> why.append(" Scenario ").append(s.file()).append(" expected ").append(s.expected())
                                .append(", got ").append(s.actual()).append('.'));
            }
            lastRejection = why.toString();
            log.warn(lastRejection);
        }
    }

    @PreDestroy
    void stop() throws IOException {
        thread.interrupt();
        if (watch != null) {
            watch.close();
        }
    }
}
