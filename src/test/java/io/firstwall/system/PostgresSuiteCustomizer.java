package io.firstwall.system;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * In the suite's PostgreSQL run ({@code -Dfirstwall.test.database=postgres}, see the pom's
 * {@code postgres} profile), points every Spring test context at a new schema of the PostgreSQL
 * server, ahead of the H2 URL the test names: the same tests, on the other database.
 */
public final class PostgresSuiteCustomizer implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestDatabase.suiteOnPostgres() ? new OnPostgres() : null;
    }

    /** One per context configuration; equal to each other so that cached contexts stay shared as on H2. */
    private static final class OnPostgres implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase.Postgres pg = TestDatabase.freshPostgres();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("firstwall-postgres-suite",
                    Map.of("spring.datasource.url", pg.url(), "spring.datasource.username", pg.user(),
                            "spring.datasource.password", pg.password(), "spring.flyway.schemas", pg.schema(),
                            // Spring keeps up to 32 test contexts; small pools keep them within PostgreSQL's 100 connections.
                            "spring.datasource.hikari.maximum-pool-size", "5", "spring.datasource.hikari.minimum-idle", "1",
                            // as the postgres profile has it: the node follows the database's live revisions
                            "firstwall.cluster.enabled", "true")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OnPostgres;
        }

        @Override
        public int hashCode() {
            return OnPostgres.class.hashCode();
        }
    }
}
