package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.Model;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

/**
 * New aggregates written as rows only: a {@link StatelessSession} sharing the unit of work's
 * connection and transaction (so all or nothing with it, and without its persistence context, dirty checking or
 * interceptor) inserts the models, then their versions (with their lineage rows), then their
 * history, in JDBC batches of {@value #BATCH_SIZE}. The database's triggers keep the side tables
 * as for any insert, and the commit hands out the change feed's cursors as for any write.
 *
 * <p>On SQLite the connection's page cache is raised to {@value #SQLITE_CACHE_KIB} KiB (memory
 * only, nothing changes on disk; it stays so for the connection's life): with the default cache
 * of about 2 MB, the inserts into the many indexes of a large table keep evicting and re-reading
 * pages, and a large transaction keeps spilling dirty pages to the WAL before its commit. The
 * benchmark's JDBC insert floor prepares its connection with the same {@link #enlargeSqliteCache}.
 */
public final class BulkInserts {

    static final int BATCH_SIZE = 500;
    static final long SQLITE_CACHE_KIB = 131_072;

    private BulkInserts() {
    }

    static void insert(Session session, Collection<Model> models) {
        if (models.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            if (isSqlite(connection)) {
                enlargeSqliteCache(connection);
            }
        });
        // shares the session's connection and transaction: batching needs an active transaction
        try (StatelessSession rows = session.statelessWithOptions().connection().noInterceptor().open()) {
            rows.setJdbcBatchSize(BATCH_SIZE);
            rows.insertMultiple(List.copyOf(models));
            rows.insertMultiple(models.stream().flatMap(model -> model.versions().stream()).toList());
            rows.insertMultiple(models.stream().flatMap(model -> model.history().stream()).toList());
        }
    }

    private static boolean isSqlite(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
    }

    /** The page cache of a SQLite connection that bulk-imports: {@value #SQLITE_CACHE_KIB} KiB, for the connection's life. */
    public static void enlargeSqliteCache(Connection connection) throws SQLException {
        try (Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA cache_size = -" + SQLITE_CACHE_KIB);
        }
    }
}
