package dev.modelregistry.app.migration;

import dev.modelregistry.app.files.FileTrees;
import dev.modelregistry.domain.NoRegistrySchemaException;
import dev.modelregistry.domain.RegistryNotFoundException;
import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.persistence.DatabaseOptions;
import dev.modelregistry.persistence.RegistryDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A migration target backed by a {@link RegistryDatabase}: SQLite in the new registry folder, or
 * a server. The checks before a migration writes anything, and the whole dry run, look at it
 * through the read-only open (nothing created, upgraded or adopted); a SQLite file the import
 * would upgrade or adopt first is looked at on an upgraded scratch copy, so the checks meet what
 * the import will meet. Only the import opens the target itself for writing.
 */
public final class DatabaseMigrationTarget implements MigrationTarget {

    private final RegistryDatabase database;
    private final Path scratch;

    private DatabaseMigrationTarget(RegistryDatabase database) {
        this(database, null);
    }

    private DatabaseMigrationTarget(RegistryDatabase database, Path scratch) {
        this.database = database;
        this.scratch = scratch;
    }

    /** {@code <newPath>/model_registry.db}: created and brought to the latest schema for the import. */
    public static MigrationTargets sqlite() {
        return new MigrationTargets() {
            @Override
            public Optional<MigrationTarget> openExisting(MigrationRequest request) {
                Path database = request.databasePath();
                if (!Files.exists(database, LinkOption.NOFOLLOW_LINKS)) {
                    requireCreatable(request.newPath());
                    return Optional.empty();
                }
                if (!Files.isRegularFile(database) || !Files.isReadable(database)) {
                    throw new RegistryUnavailableException("cannot read the registry database " + database
                            + (Files.isRegularFile(database) ? ": permission denied" : ": it is not a file"), null);
                }
                try {
                    return Optional.of(new DatabaseMigrationTarget(RegistryDatabase.openSqliteReadOnly(request.newPath())));
                } catch (RegistryNotFoundException empty) { // a zero-byte file or one without tables: the real run fills it
                    return Optional.empty();
                } catch (SchemaUpgradeRequiredException outdated) { // the real run upgrades (or adopts) it first
                    return Optional.of(upgradedCopy(request.newPath()));
                }
            }

            @Override
            public MigrationTarget openForImport(MigrationRequest request) {
                return new DatabaseMigrationTarget(RegistryDatabase.openSqlite(request.newPath()));
            }
        };
    }

    /** Imports into a database server instead of the SQLite file. */
    public static MigrationTargets jdbc(String url, String user, String password) {
        return jdbc(url, user, password, RegistrySettings.defaults());
    }

    /** As {@link #jdbc(String, String, String)}, in the settings' schema with their changelog tables. */
    public static MigrationTargets jdbc(String url, String user, String password, RegistrySettings settings) {
        DatabaseOptions options = settings.databaseOptions();
        return new MigrationTargets() {
            @Override
            public Optional<MigrationTarget> openExisting(MigrationRequest request) {
                // An outdated server schema (SchemaUpgradeRequiredException) cannot be looked at as the upgrade
                // would leave it, so the dry run and the real run alike stop and ask for `registry db upgrade`.
                try {
                    return Optional.of(new DatabaseMigrationTarget(RegistryDatabase.openJdbcReadOnly(url, user, password,
                            options)));
                } catch (NoRegistrySchemaException noSchemaYet) { // the real run creates the schema first
                    return Optional.empty();
                }
            }

            @Override
            public MigrationTarget openForImport(MigrationRequest request) {
                return new DatabaseMigrationTarget(RegistryDatabase.openJdbc(url, user, password, options));
            }
        };
    }

    /**
     * A registry whose schema the real run would upgrade (or adopt) first is looked at as the
     * upgrade would leave it: on a copy in a scratch folder, upgraded there and deleted on close,
     * so the checks and the dry run see what the import will meet and the original stays untouched.
     */
    private static MigrationTarget upgradedCopy(Path registryDir) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("registry-migrate-check-");
        } catch (IOException e) {
            throw new RegistryUnavailableException("cannot create a scratch folder to check the upgrade of "
                    + registryDir + ": " + e.getMessage(), e);
        }
        try {
            RegistryDatabase.copySqlite(registryDir, scratch);
            return new DatabaseMigrationTarget(RegistryDatabase.openSqlite(scratch), scratch);
        } catch (RuntimeException e) {
            deleteScratch(scratch);
            throw e;
        }
    }

    private static void deleteScratch(Path scratch) {
        try {
            FileTrees.delete(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch folder " + scratch, e);
        }
    }

    /** The registry folder exists as a folder, or its nearest existing ancestor is a folder it can be created in. */
    private static void requireCreatable(Path registryDir) {
        Path absolute = registryDir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new RegistryUnavailableException("cannot create the registry folder " + registryDir + ": "
                    + existing + " is a file, not a folder", null);
        }
        if (!Files.isWritable(existing)) {
            throw new RegistryUnavailableException("cannot create the registry folder " + registryDir + ": "
                    + existing + " is not writable", null);
        }
    }

    @Override
    public ModelRepository repository() {
        return database.repository();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return database.unitOfWork();
    }

    @Override
    public void close() {
        database.close();
        if (scratch != null) {
            deleteScratch(scratch);
        }
    }
}
