package io.firstwall.editing;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firstwall.system.FirstwallProperties;

/** Outside edits of {@code rules/}: rule files and rule tests. */
@Component
public class RuleWatcher extends OutsideEditWatcher {

    private final Path rulesDir;

    RuleWatcher(RuleEditingService editing, FirstwallProperties properties,
            @Value("${firstwall.rules-watch:true}") boolean enabled) {
        super(editing, properties.rulesDir(), "rules", enabled);
        this.rulesDir = properties.rulesDir();
    }

    @Override
    Map<String, String> readDisk() {
        return RuleEditingService.readDisk(rulesDir);
    }
}
