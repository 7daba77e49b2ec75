package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The active flag follows the model, on a SQLite file of its own. */
class SqliteActiveFlagTest extends ActiveFlagContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected RegistryDatabase database() {
        return db.database();
    }
}
