package io.firstwall.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a guesser lock anyone out. Wrong passwords are counted per
 * account <em>and</em> source address, as OWASP advises: after {@link #FREE_FAILURES} from one address
 * that address is refused for that account, right password or not, for a lock that doubles with each
 * further failure (from {@link #FIRST_LOCK} up to {@link #LONGEST_LOCK}); the owner on another
 * address is not held by it. Wrong passwords for one account from many addresses together make only a
 * short wait for everyone ({@link #ACCOUNT_LOCK} after {@link #ACCOUNT_FAILURES}), so a spread-out
 * guesser is slowed and the owner still gets in. A success clears the address's count and the
 * account's. The table never forgets a lock to make room: past {@link #MAX_ENTRIES} it drops counts
 * that lock nothing, oldest first.
 */
@Component
@ConditionalOnWebApplication
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** Wrong passwords for one account from any addresses, within {@link #ACCOUNT_WINDOW}, before a short wait. */
    static final int ACCOUNT_FAILURES = 20;
    static final Duration ACCOUNT_LOCK = Duration.ofSeconds(10);
    static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    /** The most counts kept; past it, those that lock nothing go first. */
    static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {

        boolean locks(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long logins to the account from that address are still refused, or zero. */
    Duration lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration pair = left(byAddress.get(key(username, address)), now);
        Duration account = left(byAccount.get(key(username, null)), now);
        return pair.compareTo(account) >= 0 ? pair : account;
    }

    private static Duration left(Failures f, Instant now) {
        if (f == null || !f.locks(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        byAddress.compute(key(username, address), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = null;
            if (count >= FREE_FAILURES) {
                long factor = 1L << Math.min(20, count - FREE_FAILURES);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                until = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return new Failures(count, now, until);
        });
        byAccount.compute(key(username, null), (k, f) -> {
            int count = f == null || f.last().plus(ACCOUNT_WINDOW).isBefore(now) ? 1 : f.count() + 1;
            return new Failures(count, now, count >= ACCOUNT_FAILURES ? now.plus(ACCOUNT_LOCK) : null);
        });
        trim(byAddress, now);
        trim(byAccount, now);
    }

    void succeeded(String username, String address) {
        byAddress.remove(key(username, address));
        byAccount.remove(key(username, null));
    }

    /** How many counts are kept, for tests. */
    int size() {
        return byAddress.size() + byAccount.size();
    }

    /** Keeps the table bounded without forgetting a lock: counts that lock nothing go first, oldest first. */
    private static void trim(Map<String, Failures> table, Instant now) {
        if (table.size() <= MAX_ENTRIES) {
            return;
        }
        List<Map.Entry<String, Failures>> idle = table.entrySet().stream().filter(e -> !e.getValue().locks(now))
                .sorted(Comparator.comparing(e -> e.getValue().last())).toList();
        int excess = table.size() - MAX_ENTRIES + MAX_ENTRIES / 10;
        for (int i = 0; i < idle.size() && i < excess; i++) {
            table.remove(idle.get(i).getKey(), idle.get(i).getValue());
        }
    }

    private static String key(String username, String address) {
        String account = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return address == null ? account : account + "\u0000" + address;
    }
}
