package io.firstwall.system;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.firstwall.uncertainty.MonteCarlo;

/**
 * How much sampling one request and one user may ask for: samples per request, and sampled
 * analyses one user may run at a time (a user past it gets a 429 with Retry-After, so one analyst's
 * long runs never make everyone else wait). An administrator sets them at {@code /admin/limits};
 * they are kept in the database, so every app node and every restart reads the same; until set,
 * {@code firstwall.max-samples} and {@code firstwall.sampled-per-user}.
 */
@Component
public class SamplingLimits {

    static final String MAX_SAMPLES = "sampling.max-samples";
    static final String PER_USER = "sampling.per-user";

    /** The limits in force. */
    public record Limits(int maxSamples, int sampledPerUser) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Limits defaults;
    /** Sampled analyses running per user, in this app node. */
    private final Map<String, Integer> running = new HashMap<>();

    SamplingLimits(JdbcClient jdbc, Clock clock, AuditLog audit, FirstwallProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.defaults = new Limits(properties.maxSamples(), properties.sampledPerUser());
    }

    /** The limits now: what an administrator set, else the defaults. */
    public Limits limits() {
        return new Limits(read(MAX_SAMPLES).orElse(defaults.maxSamples()), read(PER_USER).orElse(defaults.sampledPerUser()));
    }

    private Optional<Integer> read(String name) {
        return jdbc.sql("select text_value from setting where name = ?").param(name).query(String.class).optional()
                .flatMap(v -> {
                    try {
                        return Optional.of(Integer.valueOf(v.trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    /** What is wrong with new limits, field by field; empty when they can be set. */
    public static Map<String, String> problems(Integer maxSamples, Integer sampledPerUser) {
        Map<String, String> problems = new HashMap<>();
        if (maxSamples == null || maxSamples < 1 || maxSamples > MonteCarlo.MAX_SAMPLES) {
            problems.put("maxSamples", "Give a whole number of samples from 1 to " + MonteCarlo.MAX_SAMPLES + ".");
        }
        if (sampledPerUser == null || sampledPerUser < 1 || sampledPerUser > 100) {
            problems.put("sampledPerUser", "Give a whole number of sampled analyses from 1 to 100.");
        }
        return problems;
    }

    /** Sets new limits, from now on, audited. */
    @Transactional
    public void set(Limits next, String who) {
        if (!problems(next.maxSamples(), next.sampledPerUser()).isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems(next.maxSamples(), next.sampledPerUser()).values()));
        }
        Limits before = limits();
        write(MAX_SAMPLES, next.maxSamples(), who);
        write(PER_USER, next.sampledPerUser(), who);
        audit.record(who, "limits", "sampling: " + before.maxSamples() + " \u2192 " + next.maxSamples()
                + " samples per request, " + before.sampledPerUser() + " \u2192 " + next.sampledPerUser()
                + " sampled analyses per user", "set by an administrator");
    }

    private void write(String name, int value, String who) {
        int updated = jdbc.sql("update setting set text_value = ?, changed_by = ?, changed_at = ? where name = ?")
                .params(Integer.toString(value), who, clock.instant().atOffset(ZoneOffset.UTC), name).update();
        if (updated == 0) {
            jdbc.sql("insert into setting(name, text_value, changed_by, changed_at) values (?, ?, ?, ?)")
                    .params(name, Integer.toString(value), who, clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
    }

    /**
     * Counts a sampled analysis of {@code user} in, or refuses it with a {@link TooBusyException}
     * when the user already runs as many as one user may.
     */
    public synchronized void enter(String user, Limits now) {
        int n = running.getOrDefault(user, 0);
        if (n >= now.sampledPerUser()) {
            throw new TooBusyException("You already have " + n + (n == 1 ? " sampled analysis" : " sampled analyses")
                    + " running, the most one user may run at a time; try again when " + (n == 1 ? "it ends" : "one ends")
                    + ".", 5);
        }
        running.put(user, n + 1);
    }

    /** Counts a sampled analysis of {@code user} out. */
    public synchronized void leave(String user) {
        running.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
    }
}
