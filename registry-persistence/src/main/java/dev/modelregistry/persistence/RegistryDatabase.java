package dev.modelregistry.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.modelregistry.domain.RegistryNotFoundException;
import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.SchemaMismatchException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.persistence.adoption.PythonRegistryAdoption;
import dev.modelregistry.persistence.feed.ActivationFeed;
import dev.modelregistry.persistence.jpa.AttributesJsonConverter;
import dev.modelregistry.persistence.jpa.JpaModelRepository;
import dev.modelregistry.persistence.jpa.JpaUnitOfWork;
import dev.modelregistry.persistence.jpa.PersistenceFailures;
import dev.modelregistry.persistence.jpa.QuietHibernateStart;
import dev.modelregistry.persistence.jpa.ReadOnlyUnitOfWork;
import dev.modelregistry.persistence.jpa.RegistrySQLiteDialect;
import dev.modelregistry.persistence.jpa.TagsJsonConverter;
import dev.modelregistry.persistence.jpa.TransactionGuard;
import dev.modelregistry.persistence.pool.QuietPool;
import dev.modelregistry.persistence.schema.ChangelogTables;
import dev.modelregistry.persistence.schema.MappedColumns;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import dev.modelregistry.persistence.query.ReadConnections;
import dev.modelregistry.persistence.query.ReadModels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * The persistence adapter's entry point: a registry database (SQLite file or PostgreSQL server)
 * brought to the latest schema by Liquibase on open (skipped when the schema is already current;
 * on SQLite under the folder's OS lock {@code model_registry.db.liquibase-lock}, so a process
 * killed while opening never leaves the registry locked: see {@link SchemaMigrator}), with
 * Hibernate validating (never generating) the schema, a {@link ModelRepository} and a
 * {@link UnitOfWork} over it.
 *
 * <pre>{@code
 * try (RegistryDatabase db = RegistryDatabase.openSqlite(Path.of("data/models/registry_sqlite"))) {
 *     db.unitOfWork().run(() -> db.repository().save(model));
 * }
 * }</pre>
 */
public final class RegistryDatabase implements AutoCloseable {

    /** The file name of the SQLite database inside the registry folder. */
    public static final String SQLITE_FILE_NAME = "model_registry.db";
    /** How often the change feed looks at a SQLite file for other processes' commits ({@code PRAGMA data_version}). */
    public static final Duration SQLITE_FEED_POLL = Duration.ofMillis(100);
    /** How long the change feed waits for a PostgreSQL notification before it reads anyway (the fallback poll). */
    public static final Duration SERVER_FEED_POLL = Duration.ofMillis(250);

    /** Long-lived connections of the read models (each keeps its prepared statements). */
    private static final int READ_CONNECTIONS = 2;
    /** Statements Hibernate sends to the database in one JDBC batch. */
    private static final int STATEMENT_BATCH_SIZE = 50;

    private final String jdbcUrl;
    private final Jpa jpa;
    private final JpaModelRepository repository;
    private final UnitOfWork exposedUnitOfWork;
    private final ReadModels readModels;
    private final ActivationFeed feed;

    /** @param watch opens the change feed's own connection (outside every pool) */
    private RegistryDatabase(String jdbcUrl, Jpa jpa, boolean readOnly, ReadModels readModels,
                             ActivationFeed.ConnectionSource watch) {
        this.jdbcUrl = jdbcUrl;
        this.jpa = jpa;
        ReadConnections reads = readModels.connections();
        this.feed = ActivationFeed.over(reads, watch,
                reads.dialect() == ReadConnections.SqlDialect.SQLITE ? SQLITE_FEED_POLL : SERVER_FEED_POLL);
        JpaUnitOfWork unitOfWork = new JpaUnitOfWork(jpa::sessionFactory, feed::committed);
        this.repository = new JpaModelRepository(unitOfWork);
        this.exposedUnitOfWork = readOnly ? new ReadOnlyUnitOfWork(unitOfWork, jdbcUrl) : unitOfWork;
        this.readModels = readModels;
    }

    /**
     * Opens (creating the folder and the file if needed) {@code <registryDir>/model_registry.db}:
     * foreign keys on, WAL journal, writers wait up to 10 s for each other (IMMEDIATE
     * transactions, busy timeout), instants as readable UTC text.
     */
    public static RegistryDatabase openSqlite(Path registryDir) {
        return openSqlite(registryDir, Map.of());
    }

    /**
     * As {@link #openSqlite(Path)}, with {@code options}: a Python-written file's timestamps are
     * read in {@link DatabaseOptions#legacyZone()}; with {@link DatabaseOptions#upgradeSchemaOnOpen()}
     * off nothing is created, adopted or upgraded, and a file that is missing or behind is refused
     * ({@link RegistryNotFoundException}, {@link SchemaUpgradeRequiredException} naming the pending
     * changesets). A SQLite registry is a database of its own: a schema or changelog table names
     * other than Liquibase's are refused.
     *
     * @throws IllegalArgumentException for a schema or changelog table names other than the defaults
     */
    public static RegistryDatabase openSqlite(Path registryDir, DatabaseOptions options) {
        return openSqlite(registryDir, options, Map.of(), pool -> { });
    }

    static RegistryDatabase openSqlite(Path registryDir, Map<String, Object> extraSettings) {
        return openSqlite(registryDir, extraSettings, pool -> { });
    }

    /** @param poolSettings adjusts the connection pool's configuration last (tests: fault injection) */
    static RegistryDatabase openSqlite(Path registryDir, Map<String, Object> extraSettings,
                                       Consumer<HikariConfig> poolSettings) {
        return openSqlite(registryDir, DatabaseOptions.DEFAULTS, extraSettings, poolSettings);
    }

    private static RegistryDatabase openSqlite(Path registryDir, DatabaseOptions options,
                                               Map<String, Object> extraSettings, Consumer<HikariConfig> poolSettings) {
        requireSqliteDefaults(options);
        Path file = registryDir.resolve(SQLITE_FILE_NAME);
        if (options.upgradeSchemaOnOpen()) {
            RegistryFolder.create(registryDir);
            // a file written by the Python ModelRegistrySQLite is adopted first (naive times in the given zone)
            PythonRegistryAdoption.adoptIfPythonCreated(registryDir, options.legacyZoneOrSystem());
            FreshSqliteFile.createIfAbsent(registryDir);
        } else {
            ReadOnlyOpening.requireCurrent(ReadOnlyOpening.sqliteStatus(file), UpgradeRemedy.sqlite(registryDir));
        }
        String url = sqliteUrl(registryDir.resolve(SQLITE_FILE_NAME));
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setPoolName("registry-sqlite");
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true); // idle connections must not hold a transaction (and so the write lock)
        poolSettings.accept(pool);
        // each pooled connection keeps its compiled statements (sqlite-jdbc has no cache of its own)
        pool.setDataSource(new SqliteStatementCache(pool.getDataSource() != null ? pool.getDataSource()
                : new DriverDataSource(url, null, new java.util.Properties(), null, null)));
        Pool sqlite = new Pool(pool, url, java.util.Set.of());
        return open(connect(sqlite), ReadOnlyOpening.sqliteDataSource(file), RegistrySQLiteDialect.class.getName(),
                extraSettings, registryDir, options.upgradeSchemaOnOpen() ? Opening.UPGRADE : Opening.REQUIRE_CURRENT,
                options);
    }

    /**
     * Opens an existing SQLite registry for reading only; creates nothing and changes nothing
     * (no folder, no file, no Liquibase run, no adoption of a Python-written file): the file is
     * opened with {@code SQLITE_OPEN_READONLY}, so a file or folder without write permission can
     * still be read. Writing through it throws {@link dev.modelregistry.domain.ReadOnlyRegistryException}.
     *
     * @throws RegistryNotFoundException       no file, a zero-byte file, or a file without registry tables
     * @throws SchemaUpgradeRequiredException  changesets pending, or a file of the Python registry to adopt
     * @throws SchemaMismatchException         the tables differ from the changelog's
     */
    public static RegistryDatabase openSqliteReadOnly(Path registryDir) {
        return openSqliteReadOnly(registryDir, DatabaseOptions.DEFAULTS);
    }

    /**
     * As {@link #openSqliteReadOnly(Path)}, with {@code options} (a read-only registry never
     * upgrades or adopts, whatever {@link DatabaseOptions#upgradeSchemaOnOpen()} says).
     *
     * @throws IllegalArgumentException for a schema or changelog table names other than the defaults
     */
    public static RegistryDatabase openSqliteReadOnly(Path registryDir, DatabaseOptions options) {
        requireSqliteDefaults(options);
        Path file = registryDir.resolve(SQLITE_FILE_NAME);
        ReadOnlyOpening.requireCurrent(ReadOnlyOpening.sqliteStatus(file));
        ReadModels readModels = checkedReadModels(sqliteReadModels(file), file.toString());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ReadOnlyOpening.sqliteDataSource(file));
        pool.setPoolName("registry-sqlite-read-only");
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        pool.setReadOnly(true);
        Pool sqlite = new Pool(pool, file.toString(), java.util.Set.of());
        Jpa jpa = new Jpa(() -> connect(sqlite), RegistrySQLiteDialect.class.getName(), Map.of(), file.toString());
        return new RegistryDatabase(file.toString(), jpa, true, readModels,
                ReadOnlyOpening.sqliteDataSource(file)::getConnection);
    }

    /** A SQLite registry is a database of its own: schema and changelog table names are PostgreSQL's. */
    private static void requireSqliteDefaults(DatabaseOptions options) {
        if (options.schema() != null || !options.changelogTables().defaults()) {
            throw new IllegalArgumentException("a SQLite registry is a database of its own: schema and changelog table"
                    + " names apply to PostgreSQL only (given schema " + options.schema() + ", "
                    + options.changelogTables() + ")");
        }
    }

    /**
     * Read models whose database has every column of the mapping (checked the way Hibernate's
     * validation would, without building a session factory); closed when it has not.
     *
     * @throws SchemaMismatchException naming a missing table or column
     */
    private static ReadModels checkedReadModels(ReadModels readModels, String location) {
        try {
            readModels.check(connection -> MappedColumns.requirePresent(connection, location));
            return readModels;
        } catch (RuntimeException e) {
            readModels.close();
            throw e;
        }
    }

    /** The read models of a SQLite file: their own read-only connections, outside the writers' pool. */
    private static ReadModels sqliteReadModels(Path file) {
        return ReadModels.over(ReadConnections.over(ReadOnlyOpening.sqliteDataSource(file), file.toString(),
                READ_CONNECTIONS));
    }

    /**
     * Where {@code <registryDir>/model_registry.db} stands, read without writing anything (the
     * file is opened read-only; no Liquibase table is created): the changesets applied and
     * pending and, for a file written by the Python ModelRegistrySQLite, whether its tables can
     * be adopted and what the upgrade will repair.
     */
    public static AdoptionStatus status(Path registryDir) {
        return PythonRegistryAdoption.status(registryDir);
    }

    /**
     * The schema status of the SQLite registry in {@code registryDir}, read through a read-only
     * connection (nothing is created or changed).
     *
     * @throws RegistryUnavailableException when there is no database file
     */
    public static SchemaStatus schemaStatus(Path registryDir) {
        AdoptionStatus status = status(registryDir);
        if (!status.exists()) {
            throw new RegistryUnavailableException("no registry database at " + status.database(), null);
        }
        return status.schema();
    }

    /**
     * The schema status of a database server, read without writing anything. The status's
     * location, like every message, holds no secret of the URL.
     */
    public static SchemaStatus schemaStatus(String jdbcUrl, String user, String password) {
        JdbcTarget target = JdbcTarget.of(jdbcUrl, user, password);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(target.url(),
                target.driverProperties())) {
            connection.setReadOnly(true);
            return SchemaMigrator.status(connection, target.location());
        } catch (java.sql.SQLException e) {
            throw new RegistryUnavailableException("cannot read the schema status of "
                    + Redaction.withoutParameters(target.location()) + ": " + target.redact(e.getMessage()),
                    Redaction.scrub(e, target.secrets()));
        }
    }

    /**
     * The schema status of the registry on a host's PostgreSQL data source with {@code options}
     * (its schema, its changelog tables), read without writing anything: a missing schema is
     * reported with every changeset pending; the connection is handed back with the host's
     * {@code search_path}.
     */
    public static SchemaStatus schemaStatus(DataSource host, DatabaseOptions options) {
        return schemaStatus(host, options, null);
    }

    /**
     * The schema status of the registry on a database server in {@code options}' schema and
     * changelog tables, read without writing anything (a missing schema has every changeset
     * pending); no secret of the URL in the location or any message.
     */
    public static SchemaStatus schemaStatus(String jdbcUrl, String user, String password, DatabaseOptions options) {
        if (options.schema() == null && options.changelogTables().defaults()) {
            return schemaStatus(jdbcUrl, user, password);
        }
        JdbcTarget target = JdbcTarget.of(jdbcUrl, user, password);
        return schemaStatus(new DriverDataSource(target.url(), null, target.driverProperties(), null, null), options,
                target.location());
    }

    /** @param url the location to show for {@code host}, or null: its connections' URL, secrets masked */
    private static SchemaStatus schemaStatus(DataSource host, DatabaseOptions options, String url) {
        HostSchema.Placement placement = HostSchema.inspect(host, options, url);
        if (!placement.exists()) {
            return SchemaMigrator.absent(placement.location(), "postgresql");
        }
        DataSource registry = options.schema() == null ? host : new SchemaBoundDataSource(host, options.schema());
        return SchemaMigrator.status(registry, placement.location(), options.changelogTables());
    }

    /**
     * Brings {@code <registryDir>/model_registry.db} to the latest schema without opening the
     * registry (created when absent). A file written by the Python ModelRegistrySQLite is adopted:
     * backed up ({@code model_registry.db.bak-YYYYMMDD_HHMMSS}, verified), checked against the
     * release-1.0 shape (refused unchanged with {@link IncompatibleSchemaException} otherwise),
     * its 1.0 changesets recorded as applied, the later ones run with the data repairs, all on a
     * copy that replaces the file atomically at the end.
     *
     * @param legacyZone the zone in which the Python registry wrote its naive local timestamps
     */
    public static UpgradeReport upgrade(Path registryDir, ZoneId legacyZone) {
        return upgrade(registryDir, legacyZone, UpgradeProgress.NONE);
    }

    /** As {@link #upgrade(Path, ZoneId)}, telling {@code progress} before each step (an adoption takes several). */
    public static UpgradeReport upgrade(Path registryDir, ZoneId legacyZone, UpgradeProgress progress) {
        RegistryFolder.create(registryDir);
        UpgradeReport adopted = PythonRegistryAdoption.adoptIfPythonCreated(registryDir, legacyZone, progress);
        if (adopted != null) {
            return adopted;
        }
        Path file = registryDir.resolve(SQLITE_FILE_NAME);
        List<String> before = PythonRegistryAdoption.status(registryDir).applied();
        org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource();
        dataSource.setUrl(sqliteUrl(file));
        progress.step("upgrading the schema", 0, 1);
        FreshSqliteFile.createIfAbsent(registryDir);
        SchemaMigrator.updateSqlite(dataSource, file.toString(), registryDir);
        List<String> applied = new ArrayList<>(PythonRegistryAdoption.status(registryDir).applied());
        applied.removeAll(before);
        return new UpgradeReport(file, false, null, null, null, applied);
    }

    /**
     * Writes a consistent copy of {@code <registryDir>/model_registry.db} into
     * {@code <intoDir>/model_registry.db} ({@code VACUUM INTO} over a read-only connection: the
     * original, its {@code -wal} and its schema stay as they are), so that what an upgrade or
     * adoption would make of a registry can be looked at without changing it.
     *
     * @throws RegistryUnavailableException naming the file when it cannot be read or the copy cannot be written
     */
    public static void copySqlite(Path registryDir, Path intoDir) {
        Path file = registryDir.resolve(SQLITE_FILE_NAME);
        Path copy = intoDir.resolve(SQLITE_FILE_NAME).toAbsolutePath();
        try (java.sql.Connection connection = ReadOnlyOpening.sqliteDataSource(file).getConnection();
             java.sql.PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, copy.toString());
            vacuum.execute();
        } catch (java.sql.SQLException e) {
            throw new RegistryUnavailableException("cannot copy the registry database " + file + " to " + copy + ": "
                    + e.getMessage(), null);
        }
    }

    /** The sqlite-jdbc URL used for a database file (pragmas as URL parameters). */
    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath()
                + "?foreign_keys=true&journal_mode=WAL&synchronous=FULL&busy_timeout=10000"
                + "&transaction_mode=IMMEDIATE&date_class=TEXT";
    }

    /** Opens a PostgreSQL database (or any server the bundled drivers and Hibernate know) by JDBC URL. */
    public static RegistryDatabase openJdbc(String url, String user, String password) {
        return openJdbc(url, user, password, Map.of());
    }

    static RegistryDatabase openJdbc(String url, String user, String password, Map<String, Object> extraSettings) {
        return openJdbc(url, user, password, DatabaseOptions.DEFAULTS, extraSettings);
    }

    /**
     * Opens a registry on a host's PostgreSQL data source (its pool, its credentials, its
     * metrics): the registry borrows connections and gives every one back, and closing the
     * registry never closes {@code host}. It keeps up to two connections for its reads while it
     * is open (with their prepared statements) and one more while the change feed has
     * subscribers; writes borrow one per transaction. With {@link DatabaseOptions#schema()} set,
     * every connection runs in that schema while the registry holds it and is handed back with
     * the host's {@code search_path} ({@link SchemaBoundDataSource}); the schema is created when
     * missing (with {@link DatabaseOptions#upgradeSchemaOnOpen()}).
     *
     * @throws IllegalArgumentException       a SQLite data source (open the folder with {@link #openSqlite(Path, DatabaseOptions)})
     * @throws RegistryUnavailableException   no connection could be had
     * @throws SchemaUpgradeRequiredException upgrades on open are off and the schema is missing or behind
     */
    public static RegistryDatabase openJdbc(DataSource host, DatabaseOptions options) {
        return openJdbc(host, options, Map.of());
    }

    static RegistryDatabase openJdbc(DataSource host, DatabaseOptions options, Map<String, Object> extraSettings) {
        QuietLogging.quietLibraries();
        return openOnServer(new Connections(host, null, HostSchema.prepare(host, options, null)), host, options,
                extraSettings, opening(options));
    }

    /**
     * As {@link #openJdbc(DataSource, DatabaseOptions)}, on a pool of the registry's own built
     * from the URL (closed with the registry; the URL's secrets kept out of it, see {@link JdbcTarget}).
     */
    public static RegistryDatabase openJdbc(String url, String user, String password, DatabaseOptions options) {
        return openJdbc(url, user, password, options, Map.of());
    }

    private static RegistryDatabase openJdbc(String url, String user, String password, DatabaseOptions options,
                                             Map<String, Object> extraSettings) {
        Pool pool = serverPool(url, user, password, "registry-jdbc", 8, false);
        Connections own = connect(pool);
        try {
            return openOnServer(new Connections(own.dataSource(), own.ownPool(),
                    HostSchema.prepare(own.dataSource(), options, pool.location())), unpooled(pool.config()), options,
                    extraSettings, opening(options));
        } catch (RuntimeException e) {
            own.release();
            throw e;
        }
    }

    /**
     * A server registry in {@link DatabaseOptions#schema()} (when set: every connection, the
     * feed's included, bound to it, and Hibernate's default schema).
     */
    private static RegistryDatabase openOnServer(Connections base, DataSource watch, DatabaseOptions options,
                                                 Map<String, Object> extraSettings, Opening opening) {
        Map<String, Object> settings = extraSettings;
        Connections connections = base;
        if (options.schema() != null) {
            connections = new Connections(new SchemaBoundDataSource(base.dataSource(), options.schema()), base.ownPool(),
                    base.location());
            watch = new SchemaBoundDataSource(watch, options.schema());
            settings = new java.util.HashMap<>(extraSettings);
            settings.put(AvailableSettings.DEFAULT_SCHEMA, options.schema());
        }
        return open(connections, watch, null, settings, null, opening, options);
    }

    /** What a writable opening with {@code options} may do to the schema. */
    private static Opening opening(DatabaseOptions options) {
        return options.upgradeSchemaOnOpen() ? Opening.UPGRADE : Opening.REQUIRE_CURRENT;
    }

    /**
     * Opens a registry on a database server for reading only: read-only sessions, no Liquibase
     * run, nothing created. Writing through it throws
     * {@link dev.modelregistry.domain.ReadOnlyRegistryException}.
     *
     * @throws SchemaUpgradeRequiredException an empty database (no registry schema) or pending changesets
     * @throws SchemaMismatchException        the tables differ from the changelog's
     */
    public static RegistryDatabase openJdbcReadOnly(String url, String user, String password) {
        return openJdbcReadOnly(url, user, password, DatabaseOptions.DEFAULTS);
    }

    /**
     * As {@link #openJdbcReadOnly(String, String, String)}, in {@link DatabaseOptions#schema()}
     * (every connection bound to it) with the options' changelog tables; nothing is created (a
     * missing schema is refused as an empty database), whatever
     * {@link DatabaseOptions#upgradeSchemaOnOpen()} says.
     */
    public static RegistryDatabase openJdbcReadOnly(String url, String user, String password, DatabaseOptions options) {
        Pool pool = serverPool(url, user, password, "registry-jdbc-read-only", 4, true);
        Connections own = connect(pool);
        try {
            HostSchema.Placement placement = HostSchema.inspect(own.dataSource(), options, pool.location());
            if (!placement.exists()) {
                ReadOnlyOpening.requireCurrent(SchemaMigrator.absent(placement.location(), "postgresql"));
            }
            return openOnServer(new Connections(own.dataSource(), own.ownPool(), placement.location()),
                    unpooled(pool.config()), options, Map.of(), Opening.READ_ONLY);
        } catch (RuntimeException e) {
            own.release();
            throw e;
        }
    }

    /**
     * A pool for a server: the URL's secrets go to the driver as properties, never inside the
     * URL (see {@link JdbcTarget}), so nothing downstream can print them.
     */
    private static Pool serverPool(String url, String user, String password, String name, int size, boolean readOnly) {
        if (url.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("use openSqlite(registryDir) for SQLite databases: " + Redaction.jdbcUrl(url));
        }
        JdbcTarget target = JdbcTarget.of(url, user, password);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(target.url());
        if (target.user() != null) {
            pool.setUsername(target.user());
        }
        if (target.password() != null) {
            pool.setPassword(target.password());
        }
        target.properties().forEach(pool::addDataSourceProperty);
        pool.setPoolName(name);
        pool.setMaximumPoolSize(size);
        pool.setAutoCommit(true);
        pool.setReadOnly(readOnly);
        return new Pool(pool, target.location(), target.secrets());
    }

    /** A pool configuration, the location to show for it and the secrets to keep out of messages. */
    private record Pool(HikariConfig config, String location, java.util.Set<String> secrets) {
    }

    /** What opening may do to the schema. */
    private enum Opening {
        /** Bring it to the latest release (Liquibase when something is pending). */
        UPGRADE,
        /** Open a current schema for writing; refuse one that is behind, naming the pending changesets. */
        REQUIRE_CURRENT,
        /** Open a current schema for reading only. */
        READ_ONLY
    }

    /**
     * The connections a registry works on and whether it owns them.
     *
     * @param ownPool  the registry's own pool, closed with it; null for a host's data source (never closed)
     * @param location the database for messages, without secrets
     */
    private record Connections(DataSource dataSource, QuietPool ownPool, String location) {

        void release() {
            if (ownPool != null) {
                ownPool.close();
            }
        }
    }

    /**
     * @param watch             the change feed's connections (outside the registry's own pool)
     * @param sqliteRegistryDir the registry folder of a SQLite database, null for a server
     */
    private static RegistryDatabase open(Connections connections, DataSource watch, String dialect,
                                         Map<String, Object> extraSettings, Path sqliteRegistryDir, Opening opening,
                                         DatabaseOptions options) {
        String url = connections.location();
        DataSource dataSource = connections.dataSource();
        boolean readOnly = opening == Opening.READ_ONLY;
        ReadModels readModels = null;
        try {
            String location = sqliteRegistryDir == null ? url : sqliteRegistryDir.resolve(SQLITE_FILE_NAME).toString();
            ChangelogTables tables = options.changelogTables();
            switch (opening) {
                case READ_ONLY -> ReadOnlyOpening.requireCurrent(SchemaMigrator.status(dataSource, location, tables));
                case REQUIRE_CURRENT -> ReadOnlyOpening.requireCurrent(SchemaMigrator.status(dataSource, location, tables),
                        sqliteRegistryDir == null ? UpgradeRemedy.server(options) : UpgradeRemedy.sqlite(sqliteRegistryDir));
                case UPGRADE -> SchemaMigrator.bringUpToDate(dataSource, location, sqliteRegistryDir, tables,
                        options.schema());
            }
            readModels = sqliteRegistryDir != null ? sqliteReadModels(sqliteRegistryDir.resolve(SQLITE_FILE_NAME))
                    : ReadModels.over(ReadConnections.over(dataSource, location, READ_CONNECTIONS));
            if (readOnly) {
                checkedReadModels(readModels, location);
            }
            Jpa jpa = new Jpa(() -> connections, dialect, extraSettings, location);
            if (!readOnly) {
                jpa.sessionFactory(); // validates the mapping against the schema now
            }
            return new RegistryDatabase(url, jpa, readOnly, readModels,
                    watch::getConnection);
        } catch (RuntimeException e) {
            if (readModels != null) {
                readModels.close();
            }
            connections.release();
            throw e;
        }
    }

    /** Connections to a server outside the pool, with the pool's URL, properties and credentials. */
    private static DataSource unpooled(HikariConfig config) {
        return new DriverDataSource(config.getJdbcUrl(), config.getDriverClassName(), config.getDataSourceProperties(),
                config.getUsername(), config.getPassword());
    }

    private static Connections connect(Pool pool) {
        QuietLogging.quietLibraries();
        try {
            QuietPool own = QuietPool.start(pool.config());
            return new Connections(own, own, pool.location());
        } catch (RuntimeException e) {
            throw new RegistryUnavailableException("cannot connect to " + Redaction.withoutParameters(pool.location())
                    + ": " + Redaction.text(PersistenceFailures.rootMessage(e), pool.secrets()),
                    Redaction.scrub(e, pool.secrets()));
        }
    }

    /**
     * The aggregate's side of the database: the writers' connection pool and the Hibernate
     * session factory over it, both built on first use (at open for a writable registry; a
     * read-only registry answers its reads from the read models and may never need them).
     */
    private static final class Jpa {

        private final Supplier<Connections> pool;
        private final String dialect;
        private final Map<String, Object> extraSettings;
        private final String location;
        private Connections connections;
        private SessionFactory sessionFactory;
        private boolean closed;

        Jpa(Supplier<Connections> pool, String dialect, Map<String, Object> extraSettings, String location) {
            this.pool = pool;
            this.dialect = dialect;
            this.extraSettings = extraSettings;
            this.location = location;
        }

        synchronized Connections connections() {
            if (closed) {
                throw new RegistryUnavailableException("the registry at " + location + " is closed", null);
            }
            if (connections == null) {
                connections = pool.get();
            }
            return connections;
        }

        synchronized SessionFactory sessionFactory() {
            if (sessionFactory == null) {
                Connections writers = connections();
                // SQLite (the dialect is ours, the pool too): the guard keeps a transaction SQLite ended from leaking
                sessionFactory = buildSessionFactory(dialect == null ? writers.dataSource()
                        : new TransactionGuard(writers.ownPool()), dialect, extraSettings, location);
            }
            return sessionFactory;
        }

        synchronized void close() {
            closed = true;
            try {
                if (sessionFactory != null) {
                    sessionFactory.close();
                }
            } finally {
                if (connections != null) {
                    connections.release();
                }
            }
        }
    }

    private static SessionFactory buildSessionFactory(DataSource dataSource, String dialect,
                                                      Map<String, Object> extraSettings, String location) {
        Configuration configuration = new Configuration();
        MappedColumns.ENTITIES.forEach(configuration::addAnnotatedClass);
        configuration
                .addAttributeConverter(AttributesJsonConverter.class, true)
                .addAttributeConverter(TagsJsonConverter.class, true);
        configuration.getProperties().put(AvailableSettings.DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
        configuration.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "false");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(STATEMENT_BATCH_SIZE));
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        configuration.setProperty(AvailableSettings.ORDER_UPDATES, "true");
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        if (dialect != null) {
            configuration.setProperty(AvailableSettings.DIALECT, dialect);
        }
        QuietHibernateStart.applyTo(configuration, STATEMENT_BATCH_SIZE, QuietLogging.verbose());
        extraSettings.forEach((key, value) -> configuration.getProperties().put(key, value));
        try {
            return configuration.buildSessionFactory();
        } catch (SchemaManagementException e) {
            throw new SchemaMismatchException(location, e.getMessage().replaceFirst("^Schema(-| )validation: ", ""), e);
        }
    }

    public ModelRepository repository() {
        return repository;
    }

    /** The unit of work; on a registry opened read-only it refuses every unit of work that could write. */
    public UnitOfWork unitOfWork() {
        return exposedUnitOfWork;
    }

    /** The read models' connections (the read models' own, kept until {@link #close()}), for read models built elsewhere. */
    public ReadConnections reads() {
        return readModels.connections();
    }

    /** The database's JDBC URL, without any secret (see {@link JdbcTarget}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The read side: plain-SQL read models that need no session factory. */
    public ReadModels readModels() {
        return readModels;
    }

    /** The change feed over the activation history (README, "Change feed"). */
    public ActivationFeed feed() {
        return feed;
    }

    SessionFactory sessionFactory() {
        return jpa.sessionFactory();
    }

    DataSource dataSource() {
        return jpa.connections().dataSource();
    }

    /** Whether the Hibernate session factory has been built (a read-only registry builds it only when a read needs the aggregate). */
    boolean sessionFactoryBuilt() {
        synchronized (jpa) {
            return jpa.sessionFactory != null;
        }
    }

    @Override
    public void close() {
        try {
            feed.close();
            readModels.close();
        } finally {
            jpa.close();
        }
    }
}
