package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The active flag follows the model on PostgreSQL (a fresh schema per run). */
@ExtendWith(PostgresAvailable.class)
class PostgresActiveFlagTest extends ActiveFlagContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.postgres();

    @Override
    protected RegistryDatabase database() {
        return db.database();
    }
}
