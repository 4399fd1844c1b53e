package io.firstwall.editing;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firstwall.facts.FactCsvReader;
import io.firstwall.system.FirstwallProperties;

import jakarta.annotation.PreDestroy;

/**
 * Picks up fact files edited outside the browser (an expert's editor or spreadsheet, a git pull into
 * {@code data/}): checked like any publish; good ones go live as a fact revision by "external edit",
 * bad ones are rejected, the live facts stay, and the facts page says why. Scenario expectations
 * changed on disk in the same pull are then picked up by the rules watcher.
 */
@Component
public class FactWatcher {

    private static final Logger log = LoggerFactory.getLogger(FactWatcher.class);

    private final FactEditingService editing;
    private final RuleWatcher rules;
    private final FirstwallProperties properties;
    private final DirectoryWatcher watcher;
    private volatile String lastRejection;

    FactWatcher(FactEditingService editing, RuleWatcher rules, FirstwallProperties properties,
            @Value("${firstwall.rules-watch:true}") boolean enabled) {
        this.editing = editing;
        this.rules = rules;
        this.properties = properties;
        this.watcher = enabled ? DirectoryWatcher.start(properties.dataDir(), "facts-watcher", this::check) : null;
    }

    /** Why the last outside edit of the facts was rejected, or null when the files on disk are live. */
    public String lastRejection() {
        return lastRejection;
    }

    /** Compares the fact files on disk with the live ones and adopts or rejects the difference. */
    public synchronized void check() {
        Map<String, String> disk;
        try {
            disk = FactCsvReader.texts(properties.dataDir());
        } catch (RuntimeException e) {
            lastRejection = "data/ cannot be read: " + e.getMessage();
            return;
        }
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
            log.info("Outside edit of {} is live as fact revision {}", changes.keySet(), r.id());
            rules.check();
        } catch (RefusedException e) {
            lastRejection = "The edit of " + String.join(", ", changes.keySet()) + " made outside firstwall was"
                    + " rejected; the live facts stay. " + e.explained();
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
