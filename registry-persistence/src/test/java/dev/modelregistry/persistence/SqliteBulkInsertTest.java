package dev.modelregistry.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The bulk insert contract on a SQLite file of its own. */
class SqliteBulkInsertTest extends BulkInsertContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected RegistryDatabase database() {
        return db.database();
    }

    @Override
    protected Connection connect() throws SQLException {
        return db.connect();
    }
}
