package io.firstwall.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * Guessing is throttled per account and source address together (OWASP's advice): a guesser can no
 * longer lock anyone out of their account, admin included, from another address; spread-out guessing
 * makes only a short wait; and no volume of guesses wipes a lock.
 */
class LoginThrottleTests {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Moving clock = new Moving();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aGuesserLocksOnlyTheirOwnAddressOutOfTheAccount() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("admin", "203.0.113.9");
        }
        assertThat(throttle.lockedFor("admin", "203.0.113.9")).isGreaterThan(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("Admin ", "203.0.113.9")).as("the same account however written").isPositive();
        assertThat(throttle.lockedFor("admin", "198.51.100.7")).as("the owner elsewhere").isZero();
        throttle.succeeded("admin", "198.51.100.7");
        assertThat(throttle.lockedFor("admin", "203.0.113.9")).as("the guesser stays locked").isPositive();
    }

    @Test
    void guessesFromManyAddressesMakeOnlyAShortWaitForEveryone() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            throttle.failed("analyst", "10.0.0." + i);
        }
        Duration wait = throttle.lockedFor("analyst", "198.51.100.7");
        assertThat(wait).isPositive().isLessThanOrEqualTo(LoginThrottle.ACCOUNT_LOCK);
        clock.now = clock.now.plus(LoginThrottle.ACCOUNT_LOCK).plusSeconds(1);
        assertThat(throttle.lockedFor("analyst", "198.51.100.7")).as("the owner gets in after the short wait").isZero();
    }

    @Test
    void noVolumeOfGuessesWipesALock() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("admin", "203.0.113.9");
        }
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 5_000; i++) {
            throttle.failed("user" + i, "192.0.2." + (i % 250));
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(2 * (LoginThrottle.MAX_ENTRIES + 1));
        assertThat(throttle.lockedFor("admin", "203.0.113.9")).isPositive();
    }
}
