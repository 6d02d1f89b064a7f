package org.tc260watch.notifier.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Runs every {@code @QuarkusTest} of this module on a real PostgreSQL when the build selects it
 * ({@code -Dquarkus.datasource.db-kind=postgresql}, as the {@code postgresql} Failsafe execution does); does nothing
 * otherwise, and the tests use their H2 file.
 * <p>
 * Global: it applies to every test class and every test profile without being named there, so a new IT runs on both
 * databases by itself. One PostgreSQL server (zonky's embedded binaries, no Docker) per test JVM, started on first use
 * and stopped when the JVM exits; each Quarkus start gets a database of its own, as each start gets its own H2 file, so
 * Flyway migrates from scratch every time. Server data and log: {@code target/postgresql-*}.
 */
@WithTestResource(value = PostgresqlTestResource.class, scope = TestResourceScope.GLOBAL)
public class PostgresqlTestResource implements QuarkusTestResourceLifecycleManager {

    /** The build-time database kind; set as a system property by the Failsafe execution that wants PostgreSQL. */
    static final String DB_KIND_PROPERTY = "quarkus.datasource.db-kind";

    /** JVM-wide record of the shared server ({@code host:port}); Quarkus may load this class in several class loaders. */
    static final String SERVER_PROPERTY = "tc260watch.test.postgresql.server";

    private static final String USER = "postgres";

    /* An interned literal: the same lock object in every class loader, so two Quarkus starts never start two servers. */
    private static final Object JVM_WIDE_LOCK = "org.tc260watch.notifier.testing.PostgresqlTestResource#server";

    /** Kept reachable for the JVM's life; zonky's shutdown hook stops the server. */
    private static EmbeddedPostgres server;

    public static boolean selected() {
        return "postgresql".equals(System.getProperty(DB_KIND_PROPERTY));
    }

    @Override
    public Map<String, String> start() {
        if (!selected()) {
            return Map.of();
        }
        String hostAndPort = server();
        String database = "notifier_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + hostAndPort + "/postgres", USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + hostAndPort, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort + "/" + database,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    /** The server outlives this Quarkus start; it stops with the JVM. */
    @Override
    public void stop() {
    }

    private static String server() {
        synchronized (JVM_WIDE_LOCK) {
            String hostAndPort = System.getProperty(SERVER_PROPERTY);
            if (hostAndPort == null) {
                Path home = freshDirectory();
                try {
                    server = EmbeddedPostgres.builder()
                            .setDataDirectory(home.resolve("data"))
                            .setCleanDataDirectory(true)
                            .setOutputRedirector(Redirect.appendTo(home.resolve("postgres.log").toFile()))
                            .setErrorRedirector(Redirect.appendTo(home.resolve("postgres.log").toFile()))
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + home, e);
                }
                hostAndPort = "localhost:" + server.getPort();
                System.setProperty(SERVER_PROPERTY, hostAndPort);
            }
            return hostAndPort;
        }
    }

    private static Path freshDirectory() {
        try {
            Path target = Path.of("target");
            Path parent = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "postgresql-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the embedded PostgreSQL", e);
        }
    }
}
