package dev.modelregistry.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelregistry.persistence.RegistryDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A Liquibase changelog lock left held by a killed process never blocks a SQLite registry
 * (Liquibase alone would wait 5 minutes, then fail), a current registry opens without Liquibase,
 * and the packaged-changelog reader agrees with Liquibase's.
 */
class SchemaLockTest {

    private static final Duration WELL_UNDER_LIQUIBASE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path registryDir;

    @Test
    void aCurrentRegistryWhoseChangelogLockWasLeftHeldOpensAtOnceAndTheLockIsReleased() throws SQLException {
        RegistryDatabase.openSqlite(registryDir).close();
        holdChangelogLock();
        assertThat(RegistryDatabase.schemaStatus(registryDir).lock()).isNotNull();

        assertTimeoutPreemptively(WELL_UNDER_LIQUIBASE_WAIT, () -> RegistryDatabase.openSqlite(registryDir).close());

        assertThat(locked()).isZero();
        assertThat(RegistryDatabase.schemaStatus(registryDir).lock()).isNull();
    }

    @Test
    void anOutdatedRegistryWhoseChangelogLockWasLeftHeldIsUpgradedAtOnce() throws SQLException {
        SQLiteDataSource release10 = new SQLiteDataSource();
        release10.setUrl(RegistryDatabase.sqliteUrl(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        SchemaMigrator.update(release10, "changelog/releases/1.0.xml"); // as if killed after 1.0
        holdChangelogLock();

        assertTimeoutPreemptively(WELL_UNDER_LIQUIBASE_WAIT, () -> RegistryDatabase.openSqlite(registryDir).close());

        assertThat(locked()).isZero();
        assertThat(RegistryDatabase.schemaStatus(registryDir).current()).isTrue();
    }

    @Test
    void theUpgradeCommandAlsoReleasesAStaleChangelogLock() throws SQLException {
        RegistryDatabase.openSqlite(registryDir).close();
        holdChangelogLock();

        assertTimeoutPreemptively(WELL_UNDER_LIQUIBASE_WAIT,
                () -> RegistryDatabase.upgrade(registryDir, java.time.ZoneOffset.UTC));

        assertThat(locked()).isZero();
    }

    @Test
    void aCurrentRegistryOpensWithoutLiquibaseAndWithoutTheFolderLock() throws Exception {
        RegistryDatabase.openSqlite(registryDir).close();
        // probe: Liquibase's update would create DATABASECHANGELOGLOCK again; the fast path does not start it
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DROP TABLE DATABASECHANGELOGLOCK");
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try {
            Future<?> holder = other.submit(() -> {
                try (RegistryFileLock lock = RegistryFileLock.acquire(registryDir)) {
                    held.countDown();
                    done.await();
                }
                return null;
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertTimeoutPreemptively(WELL_UNDER_LIQUIBASE_WAIT, () -> RegistryDatabase.openSqlite(registryDir).close());
            done.countDown();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            done.countDown();
            other.shutdownNow();
        }
        try (Connection connection = connect()) {
            assertThat(SchemaMigrator.tableNames(connection)).doesNotContain("databasechangeloglock");
        }
    }

    @Test
    void theFolderLockSerialisesThreadsOfOneJvmAndIsReentrant() throws Exception {
        java.nio.file.Files.createDirectories(registryDir);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var runs = pool.invokeAll(java.util.Collections.nCopies(8, () -> {
                try (RegistryFileLock outer = RegistryFileLock.acquire(registryDir);
                     RegistryFileLock inner = RegistryFileLock.acquire(registryDir)) {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    Thread.sleep(20);
                    inside.decrementAndGet();
                }
                return null;
            }));
            for (var run : runs) {
                run.get(); // no OverlappingFileLockException
            }
        } finally {
            pool.shutdown();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(RegistryFileLock.heldByCurrentThread(registryDir)).isFalse();
    }

    @Test
    void theQuickChangelogReaderAgreesWithLiquibase() {
        for (String dbms : new String[] {"sqlite", "postgresql"}) {
            PackagedChangelog quick = PackagedChangelog.forDbms(dbms);
            PackagedChangelog liquibase = PackagedChangelog.readWithLiquibase(dbms);
            assertThat(quick.changeSets()).as(dbms).isNotEmpty().isEqualTo(liquibase.changeSets());
            assertThat(quick.rerunnable()).as(dbms).isFalse();
            assertThat(liquibase.rerunnable()).as(dbms).isFalse();
        }
    }

    private void holdChangelogLock() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1,"
                    + " LOCKGRANTED = '2025-01-01 00:00:00', LOCKEDBY = 'killed-process (10.0.0.1)'")).isEqualTo(1);
        }
    }

    private int locked() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME));
    }
}
