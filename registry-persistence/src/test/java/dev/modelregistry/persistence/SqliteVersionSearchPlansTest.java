package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The search plans on a SQLite file of their own. */
class SqliteVersionSearchPlansTest extends VersionSearchPlansContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected RegistryDatabase database() {
        return db.database();
    }
}
