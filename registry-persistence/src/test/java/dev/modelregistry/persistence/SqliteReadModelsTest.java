package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read-model contract on a SQLite file of its own. */
class SqliteReadModelsTest extends ReadModelsContract implements KeptStatisticsContract, ActiveSinceContract,
        AliasReadContract, ChangeNoteContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    public RegistryDatabase database() {
        return db.database();
    }

    @Override
    public Connection connect() throws SQLException {
        return db.connect();
    }

    @Test
    void theReadConnectionsReadTheFileMemoryMappedAndCannotWrite() {
        database().readModels().check(connection -> {
            try (Statement sql = connection.createStatement();
                 ResultSet mmap = sql.executeQuery("PRAGMA mmap_size")) {
                assertThat(mmap.next()).isTrue();
                assertThat(mmap.getLong(1)).isEqualTo(ReadOnlyOpening.READ_MMAP_BYTES);
            }
            assertThat(connection.isReadOnly()).isTrue();
        });
    }
}
