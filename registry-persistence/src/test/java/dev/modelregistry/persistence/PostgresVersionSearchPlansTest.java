package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The search plans on PostgreSQL (a fresh schema per run); skipped without a server. */
@ExtendWith(PostgresAvailable.class)
class PostgresVersionSearchPlansTest extends VersionSearchPlansContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.postgres();

    @Override
    protected RegistryDatabase database() {
        return db.database();
    }
}
