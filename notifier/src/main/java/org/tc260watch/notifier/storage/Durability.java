package org.tc260watch.notifier.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes what was committed so far survive a kill of the process. H2 (MVStore) keeps committed transactions in memory
 * and writes them to its file in the background, up to a second later: a {@code kill -9} in between loses them
 * (tried: 100 commits, then {@code Runtime.halt}, left an empty database). That would lose a stored change whose
 * Kafka offset is already committed, or send a mail again whose "sent" mark was lost. H2's {@code CHECKPOINT}
 * writes them out (a fraction of a millisecond). PostgreSQL's commit is durable already: nothing to do there.
 * <p>
 * Called after the commits that must not be lost: a change and its deliveries, a claim, a "sent" mark.
 */
@Singleton
public class Durability {

    private final AgroalDataSource dataSource;
    private final boolean h2;

    public Durability(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.h2 = "h2".equalsIgnoreCase(dbKind);
    }

    /** Call outside any transaction, after the commit to be kept. */
    public void flush() {
        if (!h2) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the database to disk (CHECKPOINT)", e);
        }
    }
}
