package dev.modelregistry.app.migration;

import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.persistence.RegistryDatabase;
import java.util.function.Function;

/** A migration target backed by a {@link RegistryDatabase}: SQLite in the new registry folder, or a server. */
public final class DatabaseMigrationTarget implements MigrationTarget {

    private final RegistryDatabase database;

    private DatabaseMigrationTarget(RegistryDatabase database) {
        this.database = database;
    }

    /** Opens {@code <newPath>/model_registry.db}, created and brought to the latest schema. */
    public static Function<MigrationRequest, MigrationTarget> sqlite() {
        return request -> new DatabaseMigrationTarget(RegistryDatabase.openSqlite(request.newPath()));
    }

    /** Imports into a database server instead of the SQLite file. */
    public static Function<MigrationRequest, MigrationTarget> jdbc(String url, String user, String password) {
        return request -> new DatabaseMigrationTarget(RegistryDatabase.openJdbc(url, user, password));
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
    }
}
