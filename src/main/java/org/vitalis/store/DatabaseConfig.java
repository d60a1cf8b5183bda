package org.vitalis.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives: an H2 file in a data directory (one workstation) or a PostgreSQL server
 * that several workstations share.
 */
public record DatabaseConfig(Kind kind, String jdbcUrl, String user, String password, int poolSize) {

    public enum Kind {
        H2,
        POSTGRESQL
    }

    public DatabaseConfig {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(jdbcUrl);
    }

    /**
     * An H2 file database. AUTO_SERVER lets a second process (a backup taken with the app running)
     * reach the file through the process that holds it; WRITE_DELAY=0 writes each commit to the
     * file before the commit returns, so a killed process loses nothing it had committed.
     */
    public static DatabaseConfig h2File(Path directory) {
        Path file = directory.toAbsolutePath().resolve("vitalis");
        return new DatabaseConfig(Kind.H2, "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "vitalis", "", 4);
    }

    public static DatabaseConfig postgresql(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/db): " + jdbcUrl);
        }
        return new DatabaseConfig(Kind.POSTGRESQL, jdbcUrl, user, password, 8);
    }

    /** What the status bar shows: the kind and where, never the password. */
    public String describe() {
        return switch (kind) {
            case H2 -> "H2 " + jdbcUrl.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db";
            case POSTGRESQL -> "PostgreSQL " + jdbcUrl.substring("jdbc:postgresql:".length()).split("\\?")[0];
        };
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + describe() + ", user=" + user + "]";
    }
}
