package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed contract on a SQLite file of its own. */
class SqliteActivationFeedTest extends ActivationFeedContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected ClassDatabase db() {
        return db;
    }
}
