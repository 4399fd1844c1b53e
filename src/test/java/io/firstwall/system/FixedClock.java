package io.firstwall.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A clock stopped on 2026-11-28 10:00 UTC, for web slices whose pages show "today". */
@TestConfiguration
public class FixedClock {

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    }
}
