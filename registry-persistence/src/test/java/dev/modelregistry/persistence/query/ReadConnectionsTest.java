package dev.modelregistry.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.RegistryUnavailableException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class ReadConnectionsTest {

    @TempDir
    Path dir;

    private SQLiteDataSource sqlite() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("read.db"));
        return source;
    }

    @Test
    void aStatementIsPreparedOncePerConnectionAndReusedAfter() {
        try (ReadConnections reads = ReadConnections.over(sqlite(), "read.db", 1)) {
            PreparedStatement first = reads.read(connection -> connection.prepare("SELECT ?"));
            PreparedStatement second = reads.read(connection -> {
                PreparedStatement statement = connection.prepare("SELECT ?");
                statement.setInt(1, 7);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    assertThat(row.getInt(1)).isEqualTo(7);
                }
                return statement;
            });
            assertThat(second).isSameAs(first);
        }
    }

    @Test
    void theEngineIsRecognised() {
        try (ReadConnections reads = ReadConnections.over(sqlite(), "read.db", 2)) {
            assertThat(reads.dialect()).isEqualTo(ReadConnections.SqlDialect.SQLITE);
        }
    }

    @Test
    void aBrokenConnectionIsReplacedAndTheCallSucceeds() {
        try (ReadConnections reads = ReadConnections.over(sqlite(), "read.db", 1)) {
            AtomicInteger calls = new AtomicInteger();
            int answer = reads.read(connection -> {
                if (calls.incrementAndGet() == 1) {
                    connection.connection().close(); // the server went away under the first attempt
                }
                try (ResultSet row = connection.prepare("SELECT 42").executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            });
            assertThat(answer).isEqualTo(42);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aFailingQueryNamesTheDatabaseAndKeepsTheConnection() {
        try (ReadConnections reads = ReadConnections.over(sqlite(), "the-file.db", 1)) {
            assertThatThrownBy(() -> reads.read(connection -> connection.prepare("SELECT * FROM missing_table").executeQuery()))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("the-file.db").hasMessageContaining("missing_table");
            boolean answered = reads.read(connection -> {
                try (ResultSet row = connection.prepare("SELECT 1").executeQuery()) {
                    return row.next();
                }
            });
            assertThat(answered).isTrue();
        }
    }

    @Test
    void callersBeyondTheBoundWaitForAFreeConnection() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (ReadConnections reads = ReadConnections.over(sqlite(), "read.db", 2)) {
            java.util.Set<Object> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(threads.submit(() -> reads.read(connection -> seen.add(connection))));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
            assertThat(seen).hasSizeLessThanOrEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aClosedReadSideRefusesCalls() {
        ReadConnections reads = ReadConnections.over(sqlite(), "read.db", 1);
        reads.close();
        assertThatThrownBy(() -> reads.read(connection -> 1))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("closed");
    }
}
