package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The group commit contract on PostgreSQL (a fresh schema per run); skipped with the reason without a server. */
@ExtendWith(PostgresAvailable.class)
class PostgresGroupCommitTest extends GroupCommitContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.postgres();

    @Override
    protected ClassDatabase db() {
        return db;
    }
}
