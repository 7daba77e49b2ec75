package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bulk insert contract on PostgreSQL (a fresh schema per run; skipped with the reason when no server is available). */
@ExtendWith(PostgresAvailable.class)
class PostgresBulkInsertTest extends BulkInsertContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.postgres();

    @Override
    protected ClassDatabase db() {
        return db;
    }
}
