package dev.modelregistry.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DatabaseBehaviourTest} on PostgreSQL (skipped with the reason when none is available). */
@ExtendWith(PostgresAvailable.class)
class PostgresDatabaseBehaviourTest extends DatabaseBehaviourTest {

    private static PostgresTarget postgres;
    private static RegistryDatabase database;

    @BeforeAll
    static void openDatabase() {
        postgres = PostgresTarget.start();
        database = postgres.open();
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected RegistryDatabase database() {
        return database;
    }

    @Override
    protected Connection connect() throws SQLException {
        return postgres.connect();
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
