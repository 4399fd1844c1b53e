package io.firstwall.editing;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firstwall.rules.RuleCompiler;
import io.firstwall.system.FirstwallProperties;

/** Outside edits of {@code rules/}: rule files and rule test scenarios. */
@Component
public class RuleWatcher extends OutsideEditWatcher {

    private final RuleEditingService editing;
    private final Path rulesDir;

    RuleWatcher(RuleEditingService editing, FirstwallProperties properties,
            @Value("${firstwall.rules-watch:true}") boolean enabled) {
        super(properties.rulesDir(), "rules", enabled);
        this.editing = editing;
        this.rulesDir = properties.rulesDir();
    }

    @Override
    Map<String, String> readDisk() {
        Map<String, String> disk = new TreeMap<>(RuleCompiler.readDirectory(rulesDir));
        disk.putAll(RuleEditingService.readTests(rulesDir));
        return disk;
    }

    @Override
    Map<String, String> liveFiles() {
        return editing.liveFiles();
    }

    @Override
    Revision adopt(Map<String, String> changes) {
        return editing.adoptExternal(changes);
    }
}
