package io.firstwall.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run on: H2 always, and PostgreSQL when {@code FIRSTWALL_PG_URL} names one
 * ({@code .ci/run} starts a local PostgreSQL and sets it, with {@code FIRSTWALL_PG_USER} and
 * {@code FIRSTWALL_PG_PASSWORD}). Each PostgreSQL test context or process gets a schema of its own,
 * as each H2 test context gets a database of its own.
 */
public final class TestDatabase {

    /** The Flyway locations of the H2 migrations, as the app's {@code spring.flyway.locations} resolves them. */
    public static final String[] H2_MIGRATIONS = {"classpath:db/migration/common", "classpath:db/migration/h2"};
    /** The same for PostgreSQL. */
    public static final String[] POSTGRES_MIGRATIONS = {"classpath:db/migration/common",
            "classpath:db/migration/postgresql"};
    private static final String SCHEMA_PREFIX = "fwtest_";
    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    /** A PostgreSQL schema for one test: its JDBC URL (search path set to it), user and password. */
    public record Postgres(String url, String user, String password, String schema) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** Runs every migration in this schema, as the app would at start. */
        public void migrate() {
            Flyway.configure().dataSource(url, user, password).schemas(schema).locations(POSTGRES_MIGRATIONS).load()
                    .migrate();
        }

        /** The command-line arguments that point an app or batch process at this schema. */
        public List<String> springArgs() {
            return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                    "--spring.flyway.schemas=" + schema);
        }
    }

    private TestDatabase() {
    }

    /**
     * Saves {@code n} variants of the Memphis example plan (200,000 accelerators and up, in steps of 10),
     * named "Variant i": the load of the batch tests and benchmarks.
     */
    public static void insertPlanVariants(Connection c, int n) throws IOException, SQLException {
        String plan = Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"));
        try (PreparedStatement insert = c.prepareStatement("insert into saved_plan(name, plan_json, created_at,"
                + " updated_at) values (?, ?, current_timestamp, current_timestamp)")) {
            for (int i = 0; i < n; i++) {
                insert.setString(1, "Variant " + i);
                insert.setString(2, plan.replace("330000", Integer.toString(200_000 + i * 10)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Migrates an H2 database the way the app does. */
    public static void migrateH2(String url) {
        Flyway.configure().dataSource(url, "sa", "").locations(H2_MIGRATIONS).load().migrate();
    }

    /** Whether the suite runs its database tests on PostgreSQL ({@code -Dfirstwall.test.database=postgres}). */
    public static boolean suiteOnPostgres() {
        return "postgres".equals(System.getProperty("firstwall.test.database"));
    }

    /** The server named by the environment, or null when none is set. */
    static String serverUrl() {
        String url = System.getenv("FIRSTWALL_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /**
     * A new, empty schema on the PostgreSQL server of the environment. A test that needs PostgreSQL
     * is skipped, saying why, when none is set or it does not answer; with
     * {@code FIRSTWALL_REQUIRE_POSTGRES=true} (as in CI) it fails instead.
     */
    public static Postgres freshPostgres() {
        String server = serverUrl();
        String user = env("FIRSTWALL_PG_USER", "firstwall");
        String password = env("FIRSTWALL_PG_PASSWORD", "firstwall");
        String why = null;
        if (server == null) {
            why = "PostgreSQL tests skipped, and the database tests ran on H2 only: FIRSTWALL_PG_URL is not set (.ci/run starts PostgreSQL and sets it;"
                    + " see the README's \"Deployment\" section to run them locally)";
        } else {
            try (Connection c = DriverManager.getConnection(server, user, password)) {
                cleanOnce(c);
                String schema = SCHEMA_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                try (Statement s = c.createStatement()) {
                    s.execute("create schema " + schema);
                }
                String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                return new Postgres(url, user, password, schema.toLowerCase(Locale.ROOT));
            } catch (SQLException e) {
                why = "PostgreSQL tests skipped: no PostgreSQL answers at " + server + " (" + e.getMessage() + ")";
            }
        }
        if (Boolean.parseBoolean(System.getenv("FIRSTWALL_REQUIRE_POSTGRES"))) {
            return Assertions.fail(why + "; FIRSTWALL_REQUIRE_POSTGRES=true makes that a failure");
        }
        Assumptions.abort(why);
        return null;
    }

    /** Drops the schemas earlier test runs left, once per JVM (a test run is one JVM at a time). */
    private static void cleanOnce(Connection c) throws SQLException {
        if (!CLEANED.compareAndSet(false, true)) {
            return;
        }
        List<String> old = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select nspname from pg_namespace where nspname like '" + SCHEMA_PREFIX + "%'")) {
            while (rs.next()) {
                old.add(rs.getString(1));
            }
        }
        for (String schema : old) {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
