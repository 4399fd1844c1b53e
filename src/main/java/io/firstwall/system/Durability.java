package io.firstwall.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is answered as done is on disk. H2 writes a committed transaction to its file up to half a
 * second later (its write delay): a process killed in that time loses it, though its client was told
 * "201 Created". After a commit that is answered to someone (a publish, a revert, an adoption),
 * {@link #afterCommit} has H2 write its store at once (a checkpoint). PostgreSQL's commit is already
 * durable.
 */
@Component
public class Durability {

    private final JdbcClient jdbc;
    private final boolean h2;

    Durability(DataSource dataSource, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.h2 = product(dataSource).startsWith("H2");
    }

    private static String product(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which database this is: " + e.getMessage(), e);
        }
    }

    /** Writes what the last commit recorded to disk before it is answered. */
    public void afterCommit() {
        if (h2) {
            jdbc.sql("CHECKPOINT").update();
        }
    }
}
