package io.firstwall.editing;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firstwall.facts.FactCsvReader;
import io.firstwall.system.FirstwallProperties;

/**
 * Outside edits of the fact files in {@code data/} (an expert's editor or spreadsheet, a git pull).
 * Rule test expectations changed on disk in the same pull are then picked up by the rules watcher.
 */
@Component
public class FactWatcher extends OutsideEditWatcher {

    private final RuleWatcher rules;
    private final FirstwallProperties properties;

    FactWatcher(FactEditingService editing, RuleWatcher rules, FirstwallProperties properties,
            @Value("${firstwall.rules-watch:true}") boolean enabled) {
        super(editing, properties.dataDir(), "facts", enabled);
        this.rules = rules;
        this.properties = properties;
    }

    @Override
    Map<String, String> readDisk() {
        return FactCsvReader.texts(properties.dataDir());
    }

    @Override
    void adopted() {
        rules.check();
    }
}
