package io.firstwall.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * All of firstwall's settings, prefix {@code firstwall}.
 *
 * @param rulesDir the rule files (DRL and decision tables)
 * @param dataDir the fact base (CSV) and example plans
 * @param maxPlanBytes the largest plan JSON accepted
 * @param analysisBudget how much CPU time one analysis may use before it is halted
 * @param candidateBudget how long the rule test scenarios and the impact preview of unpublished rules
 *        may run together before the check gives up and refuses them
 * @param samples how many Latin hypercube samples the pages draw to say how sure an answer is
 *        (0 turns it off); the API and the command line draw them only when asked
 * @param maxSamples the most samples one request may ask for (an administrator can change it while the app runs)
 * @param sampledPerUser how many sampled analyses one user may run at a time; more get a 429 with Retry-After
 */
@ConfigurationProperties("firstwall")
public record FirstwallProperties(@DefaultValue("rules") Path rulesDir, @DefaultValue("data") Path dataDir,
        @DefaultValue("1048576") int maxPlanBytes, @DefaultValue("2s") Duration analysisBudget,
        @DefaultValue("30s") Duration candidateBudget, @DefaultValue("1000") int samples,
        @DefaultValue("20000") int maxSamples, @DefaultValue("1") int sampledPerUser) {
}
