package dev.modelregistry.persistence;

import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelRepositoryContract;
import dev.modelregistry.domain.model.UnitOfWork;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The shared repository contract, on a SQLite file of its own. */
class SqliteModelRepositoryContractTest extends ModelRepositoryContract {

    @TempDir
    static Path registryDir;

    private static RegistryDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = RegistryDatabase.openSqlite(registryDir);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected ModelRepository repository() {
        return database.repository();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return database.unitOfWork();
    }
}
