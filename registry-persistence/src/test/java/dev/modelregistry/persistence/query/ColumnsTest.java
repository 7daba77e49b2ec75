package dev.modelregistry.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

class ColumnsTest {

    /** Stored values whose text must read back exactly: multi-byte UTF-8, a surrogate pair, empty text, numbers and null in text columns. */
    private static final String VALUES = "('naïve – 日本語'), ('rocket 🚀 \"quoted\" \\ back'), (''), (12345), (0.25), (NULL),"
            + " ('2025-09-29T21:57:26.679550Z')";

    @TempDir
    Path dir;

    private SQLiteDataSource fileOf(String encoding) throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve(encoding + ".db"));
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA encoding = '" + encoding + "'");
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT)");
            statement.execute("INSERT INTO t (value) VALUES " + VALUES);
        }
        return source;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16le", "UTF-16be"})
    void textReadsBackExactlyWhatGetStringReadsWhateverTheFilesEncoding(String encoding) throws Exception {
        try (ReadConnections reads = ReadConnections.over(fileOf(encoding), encoding + ".db", 1)) {
            Columns columns = new Columns(reads);
            List<String> byColumns = new ArrayList<>();
            List<String> byGetString = new ArrayList<>();
            reads.read(connection -> {
                try (ResultSet row = connection.prepare("SELECT value, value FROM t ORDER BY id").executeQuery()) {
                    while (row.next()) {
                        byColumns.add(columns.text(row, 1));
                        byGetString.add(row.getString(2));
                    }
                }
                return null;
            });

            assertThat(byColumns).isEqualTo(byGetString)
                    .containsExactly("naïve – 日本語", "rocket 🚀 \"quoted\" \\ back", "", "12345", "0.25", null,
                            "2025-09-29T21:57:26.679550Z");
        }
    }

    @Test
    void onlyAUtf8SqliteFileIsReadByItsBytes() throws Exception {
        try (ReadConnections utf8 = ReadConnections.over(fileOf("UTF-8"), "utf8.db", 1);
             ReadConnections utf16 = ReadConnections.over(fileOf("UTF-16le"), "utf16.db", 1)) {
            assertThat(utf8.readsTextAsUtf8Bytes()).isTrue();
            assertThat(utf16.readsTextAsUtf8Bytes()).isFalse();
        }
    }

    @Test
    void anInstantStoredAsUtcTextReadsTheSameByBytesAsByText() throws Exception {
        try (ReadConnections reads = ReadConnections.over(fileOf("UTF-8"), "utf8.db", 1)) {
            Instant read = reads.read(connection -> {
                try (ResultSet row = connection.prepare("SELECT value FROM t WHERE value LIKE '2025-%'").executeQuery()) {
                    row.next();
                    return new Columns(reads).instant(row, 1);
                }
            });
            assertThat(read).isEqualTo(Instant.parse("2025-09-29T21:57:26.679550Z"));
        }
    }
}
