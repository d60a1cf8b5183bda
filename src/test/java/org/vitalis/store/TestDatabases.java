package org.vitalis.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Real databases for persistence tests: an H2 file in a test's temporary directory, or a fresh
 * database on one embedded PostgreSQL server shared by the whole JVM (starting a server per test
 * would cost ~3 s each; creating a database costs milliseconds).
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static long postgresStartMillis;

    private TestDatabases() {
    }

    /** For {@code @MethodSource("org.vitalis.store.TestDatabases#kinds")}. */
    public static Stream<Named<DatabaseConfig.Kind>> kinds() {
        return Stream.of(Named.of("H2", DatabaseConfig.Kind.H2), Named.of("PostgreSQL", DatabaseConfig.Kind.POSTGRESQL));
    }

    /** An empty database of that kind; for H2 a file below {@code dir}. */
    public static DatabaseConfig fresh(DatabaseConfig.Kind kind, Path dir) {
        return switch (kind) {
            case H2 -> DatabaseConfig.h2File(dir.resolve("h2-" + COUNTER.incrementAndGet()));
            case POSTGRESQL -> freshPostgres();
        };
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            long t0 = System.nanoTime();
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            postgresStartMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("embedded PostgreSQL started in " + postgresStartMillis + " ms");
            EmbeddedPostgres pg = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the server's directory is temporary anyway
                }
            }));
        }
        return postgres;
    }

    public static long postgresStartMillis() {
        return postgresStartMillis;
    }

    private static DatabaseConfig freshPostgres() {
        EmbeddedPostgres pg = postgres();
        String name = "vt_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("create database " + name + " failed", e);
        }
        return DatabaseConfig.postgresql(pg.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    /** A plain JDBC connection beside the application's pool, as another tool or an attacker would have. */
    public static Connection connect(DatabaseConfig config) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password() == null ? "" : config.password());
    }

    /** Removes the append-only protection, as someone with direct database access could. */
    public static void disableAppendOnly(DatabaseConfig config) throws SQLException {
        try (Connection c = connect(config); Statement st = c.createStatement()) {
            if (config.kind() == DatabaseConfig.Kind.H2) {
                st.execute("drop trigger audit_entry_append_only");
            } else {
                st.execute("alter table audit_entry disable trigger audit_entry_append_only");
            }
        }
    }

    public static int update(DatabaseConfig config, String sql) throws SQLException {
        try (Connection c = connect(config); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    public static long count(DatabaseConfig config, String table) throws SQLException {
        try (Connection c = connect(config); Statement st = c.createStatement();
                var rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
