package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.Model;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>On SQLite, when {@code version_tags} is empty at the first bulk insert of a transaction (a
 * migration or import into a new registry), its secondary indexes (those with a
 * {@code CREATE INDEX} of their own in {@code sqlite_master}; its primary key stays, the tag
 * trigger's {@code INSERT OR IGNORE} needs it) are dropped in that transaction and created again
 * from the same statements just before its commit ({@link #createDeferredIndexes}): each is then
 * built once by sorting, instead of receiving the tag trigger's rows one at a time (about four
 * rows per version into five b-trees: 50,000 versions by {@code INSERT ... SELECT} in sqlite3,
 * 3.3-3.5 s of CPU with the indexes kept, 1.5 s without them plus 0.7 s to create them after).
 * SQLite's DDL is transactional: a rollback (a failed import, a crash) restores the indexes with
 * the rest, and other connections never see the table without them (WAL readers see the last
 * commit; writers wait for the write lock). The committed schema is what Liquibase built: the
 * same indexes from the same statements. Nothing in such a transaction searches
 * {@code version_tags} (the import reads versions and models only).
 */
public final class BulkInserts {

    static final int BATCH_SIZE = 500;
    static final long SQLITE_CACHE_KIB = 131_072;

    private BulkInserts() {
    }

    static void insert(Session session, Collection<Model> models, Optional<WriteContext> context) {
        if (models.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            if (isSqlite(connection)) {
                enlargeSqliteCache(connection);
                if (context.isPresent()) {
                    deferTagIndexes(connection, context.get());
                }
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

    /** The first bulk insert of a transaction into an empty {@code version_tags} drops its secondary indexes until the commit. */
    private static void deferTagIndexes(Connection connection, WriteContext context) throws SQLException {
        if (!context.deferredIndexes().isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            try (ResultSet any = sql.executeQuery("SELECT EXISTS (SELECT 1 FROM version_tags)")) {
                if (!any.next() || any.getBoolean(1)) {
                    return;
                }
            }
            try (ResultSet indexes = sql.executeQuery("SELECT name, sql FROM sqlite_master"
                    + " WHERE type = 'index' AND tbl_name = 'version_tags' AND sql IS NOT NULL ORDER BY rowid")) {
                while (indexes.next()) {
                    names.add(indexes.getString(1));
                    creates.add(indexes.getString(2));
                }
            }
            for (String name : names) {
                sql.execute("DROP INDEX \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
        context.deferIndexes(creates);
    }

    /** Creates again, in the transaction, the indexes its bulk inserts dropped; nothing when none were. */
    static void createDeferredIndexes(Connection connection, WriteContext context) throws SQLException {
        if (context.deferredIndexes().isEmpty()) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            for (String create : context.deferredIndexes()) {
                sql.execute(create);
            }
        }
    }

    /** The page cache of a SQLite connection that bulk-imports: {@value #SQLITE_CACHE_KIB} KiB, for the connection's life. */
    public static void enlargeSqliteCache(Connection connection) throws SQLException {
        try (Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA cache_size = -" + SQLITE_CACHE_KIB);
        }
    }
}
