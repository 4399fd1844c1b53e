package io.firstwall.editing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * With several app nodes on one database ({@code firstwall.cluster.enabled}, on in the postgres
 * profile): every {@code firstwall.cluster.poll} this node asks the database which rule and fact
 * revisions are live and swaps to them when another node published them. A publish on any node is
 * served everywhere within one poll and the time to compile it.
 */
@Component
@ConditionalOnProperty(name = "firstwall.cluster.enabled", havingValue = "true")
class ClusterFollower {

    private static final Logger log = LoggerFactory.getLogger(ClusterFollower.class);

    private final RuleEditingService rules;
    private final FactEditingService facts;
    private final Duration poll;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "firstwall-cluster-follower");
        t.setDaemon(true);
        return t;
    });

    ClusterFollower(RuleEditingService rules, FactEditingService facts,
            @Value("${firstwall.cluster.poll:1s}") Duration poll) {
        this.rules = rules;
        this.facts = facts;
        this.poll = poll;
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(this::followOnce, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at the database: facts first, as rules are checked against them. */
    void followOnce() {
        follow(facts, "fact base");
        follow(rules, "rule set");
    }

    private static void follow(Editor<?> editor, String what) {
        try {
            RevisionStore.Live now = editor.follow();
            if (now != null) {
                log.info("Now serving the {} published on another node: revision {} ({})", what, now.revisionId(),
                        now.version());
            }
        } catch (RuntimeException e) {
            log.warn("Could not follow the live {} in the database; still serving the previous one: {}", what,
                    e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
