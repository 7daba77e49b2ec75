package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DatabaseBehaviourTest} on PostgreSQL (skipped with the reason when none is available). */
@ExtendWith(PostgresAvailable.class)
class PostgresDatabaseBehaviourTest extends DatabaseBehaviourTest {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.postgres();

    @Override
    protected ClassDatabase db() {
        return db;
    }

    @Override
    protected String timestampLiteral() {
        return "timestamptz '2025-01-01 00:00:00+00'";
    }

    @Override
    protected String foreignKeyWord() {
        return "foreign key";
    }
}
