package io.firstwall.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * All of firstwall's settings, prefix {@code firstwall}.
 *
 * @param rulesDir the rule files (DRL and decision tables)
 * @param dataDir the fact base (CSV) and example plans
 * @param maxPlanBytes the largest plan JSON accepted
 */
@ConfigurationProperties("firstwall")
public record FirstwallProperties(@DefaultValue("rules") Path rulesDir, @DefaultValue("data") Path dataDir,
        @DefaultValue("1048576") int maxPlanBytes) {
}
