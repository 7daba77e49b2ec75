package dev.modelregistry.persistence.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's own pool behaves as HikariCP's {@code HikariDataSource} would, without its start-up lines. */
class QuietPoolTest {

    @TempDir
    Path tmp;

    private HikariConfig sqlite(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setPoolName("quiet-test");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        return config;
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsTheStartAtOnce() {
        HikariConfig config = sqlite(tmp.resolve("no-such-folder/db.sqlite"));

        assertThatThrownBy(() -> QuietPool.start(config))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("Failed to initialize pool")
                .hasMessageContaining("Unable to open the database file");
    }

    @Test
    void aConfigurationHikariRefusesIsRefusedBeforeAnyConnection() {
        HikariConfig withoutDatabase = new HikariConfig();

        assertThatThrownBy(() -> QuietPool.start(withoutDatabase)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbcUrl is required");
    }

    @Test
    void theMinimumIdleIsTheConfiguredOneOnceStarted() {
        HikariConfig config = sqlite(tmp.resolve("db.sqlite"));
        try (QuietPool pool = QuietPool.start(config)) {
            assertThat(pool.name()).isEqualTo("quiet-test");
            assertThat(config.getMinimumIdle()).as("the caller's configuration is not changed").isEqualTo(1);
        }
    }

    @Test
    void connectionsWorkAndGoBackToThePoolUpToItsSize() throws SQLException {
        try (QuietPool pool = QuietPool.start(sqlite(tmp.resolve("db.sqlite")))) {
            for (int round = 0; round < 5; round++) {
                List<Connection> held = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    held.add(pool.getConnection());
                }
                for (Connection connection : held) {
                    assertThat(one(connection)).isEqualTo(1);
                    connection.close();
                }
            }
        }
    }

    @Test
    void anEvictedConnectionIsNeverHandedOutAgain() throws SQLException {
        try (QuietPool pool = QuietPool.start(sqlite(tmp.resolve("db.sqlite")))) {
            Connection first = pool.getConnection();
            Connection physical = first.unwrap(Connection.class);
            pool.evictConnection(first);

            for (int i = 0; i < 4; i++) {
                try (Connection next = pool.getConnection()) {
                    assertThat(next.unwrap(Connection.class)).isNotSameAs(physical);
                }
            }
        }
    }

    @Test
    void aClosedPoolRefusesConnectionsAndClosesOnce() throws SQLException {
        QuietPool pool = QuietPool.start(sqlite(tmp.resolve("db.sqlite")));
        Connection open = pool.getConnection();
        pool.close();
        pool.close();

        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("quiet-test is closed");
        assertThatThrownBy(() -> pool.getConnection("user", "secret")).isInstanceOf(SQLException.class);
        pool.evictConnection(open); // after close: nothing to do, no failure
        open.close();
    }

    private static int one(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT 1")) {
            row.next();
            return row.getInt(1);
        }
    }
}
