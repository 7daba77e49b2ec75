package dev.modelregistry.persistence.query;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The read side of a registry database: the read models, sharing a few long-lived connections
 * ({@link ReadConnections}). Plain SQL over the same schema the aggregate's mapping uses; no
 * Hibernate session is opened, so reading needs no session factory at all. Closing it closes
 * the connections.
 */
public final class ReadModels implements AutoCloseable {

    /** A check run on one of the read side's connections. */
    @FunctionalInterface
    public interface ConnectionCheck {
        void run(Connection connection) throws SQLException;
    }

    private final ReadConnections connections;
    private final VersionReadModel versions;
    private final ActiveVersionReadModel activeVersions;
    private final AliasReadModel aliases;
    private final ModelReadModel models;
    private final StatisticsReadModel statistics;

    private ReadModels(ReadConnections connections) {
        this.connections = connections;
        this.versions = new VersionReadModel(connections);
        this.activeVersions = new ActiveVersionReadModel(connections, versions);
        this.aliases = new AliasReadModel(connections, versions);
        this.models = new ModelReadModel(connections);
        this.statistics = new StatisticsReadModel(connections);
    }

    /** The read models over these connections (closed with them). */
    public static ReadModels over(ReadConnections connections) {
        return new ReadModels(connections);
    }

    /** The shared connections, for read models built over them elsewhere (a search). */
    public ReadConnections connections() {
        return connections;
    }

    public ActiveVersionReadModel activeVersions() {
        return activeVersions;
    }

    public AliasReadModel aliases() {
        return aliases;
    }

    public VersionReadModel versions() {
        return versions;
    }

    public ModelReadModel models() {
        return models;
    }

    public StatisticsReadModel statistics() {
        return statistics;
    }

    /** Runs {@code check} on one of the connections (the schema check of a read-only open). */
    public void check(ConnectionCheck check) {
        connections.read(connection -> {
            check.run(connection.connection());
            return null;
        });
    }

    @Override
    public void close() {
        connections.close();
    }
}
