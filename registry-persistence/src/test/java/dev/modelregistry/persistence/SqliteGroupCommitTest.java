package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The group commit contract on a SQLite file of its own. */
class SqliteGroupCommitTest extends GroupCommitContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected ClassDatabase db() {
        return db;
    }
}
