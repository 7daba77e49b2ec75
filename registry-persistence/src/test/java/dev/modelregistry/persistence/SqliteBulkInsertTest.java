package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The bulk insert contract on a SQLite file of its own. */
class SqliteBulkInsertTest extends BulkInsertContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected ClassDatabase db() {
        return db;
    }
}
