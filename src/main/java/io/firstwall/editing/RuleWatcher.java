package io.firstwall.editing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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
    private final DirectoryWatcher watcher;
    private volatile String lastRejection;

    RuleWatcher(RuleEditingService editing, FirstwallProperties properties,
            @Value("${firstwall.rules-watch:true}") boolean enabled) {
        this.editing = editing;
        this.rulesDir = properties.rulesDir();
        this.watcher = enabled ? DirectoryWatcher.start(rulesDir, "rules-watcher", this::check) : null;
    }

    /** Why the last outside edit was rejected, or null when the files on disk are live. */
    public String lastRejection() {
        return lastRejection;
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
        Map<String, String> changes = FileSets.changes(editing.liveFiles(), disk);
        if (changes.isEmpty()) {
            return;
        }
        try {
            Revision r = editing.adoptExternal(changes);
            lastRejection = null;
            if (r == null) {
                return;
            }
            log.info("Outside edit of {} is live as revision {}", changes.keySet(), r.id());
        } catch (RefusedException e) {
            lastRejection = "The edit of " + String.join(", ", changes.keySet()) + " made outside firstwall was"
                    + " rejected; the live rules stay. " + e.explained();
            log.warn(lastRejection);
        }
    }

    @PreDestroy
    void stop() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
