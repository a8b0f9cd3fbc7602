package io.tousu.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A real PostgreSQL server: the embedded binaries from Maven Central, or an external server
 * when {@code LOCAL_PG_URL} names one. Either way each service gets its own database.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private LocalPostgres(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Starts the embedded server; a data directory that already holds a cluster is reused. */
    public static LocalPostgres start(Path dataDir, int port, boolean clean) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    // Statement statistics, for the benchmarks' "where the database time went".
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            return new LocalPostgres(pg, "localhost", port, USER, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Uses a server someone else runs, e.g. {@code jdbc:postgresql://db:5432/postgres}. */
    public static LocalPostgres external(String adminJdbcUrl, String user, String password) {
        String hostPort = adminJdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        String[] parts = hostPort.split(":");
        int port = parts.length > 1 ? Integer.parseInt(parts[1]) : 5432;
        return new LocalPostgres(null, parts[0], port, user, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public void createDatabases(List<String> names) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
            for (String name : names) {
                boolean exists;
                try (var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    st.setString(1, name);
                    exists = st.executeQuery().next();
                }
                if (!exists) {
                    try (var st = c.createStatement()) {
                        st.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + names, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
