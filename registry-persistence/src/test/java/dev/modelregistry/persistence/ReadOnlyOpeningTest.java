package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static dev.modelregistry.domain.model.Fixtures.nextVersionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.persistence.adoption.PythonRegistries;
import dev.modelregistry.persistence.schema.SchemaMigrator;

import dev.modelregistry.domain.ReadOnlyRegistryException;
import dev.modelregistry.domain.RegistryNotFoundException;
import dev.modelregistry.domain.SchemaMismatchException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.domain.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Opening a SQLite registry read-only never creates, upgrades, adopts or writes anything. */
class ReadOnlyOpeningTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingRegistryIsReportedAndNeitherTheFolderNorTheFileIsCreated() {
        Path registryDir = tmp.resolve("absent");

        assertThatThrownBy(() -> RegistryDatabase.openSqliteReadOnly(registryDir))
                .isInstanceOf(RegistryNotFoundException.class).hasMessageStartingWith("no registry database at ");
        assertThat(registryDir).doesNotExist();
    }

    @Test
    void aZeroByteFileIsNoRegistryAndStaysEmpty() throws IOException {
        Path file = Files.createFile(tmp.resolve(RegistryDatabase.SQLITE_FILE_NAME));

        assertThatThrownBy(() -> RegistryDatabase.openSqliteReadOnly(tmp))
                .isInstanceOf(RegistryNotFoundException.class).hasMessageContaining("the file is empty");
        assertThat(file).isEmptyFile();
        assertThat(files()).containsExactly(RegistryDatabase.SQLITE_FILE_NAME);
    }

    @Test
    void anOutdatedRegistryAsksForAnUpgradeAndIsNotUpgraded() {
        SQLiteDataSource release10 = new SQLiteDataSource();
        release10.setUrl(RegistryDatabase.sqliteUrl(tmp.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        SchemaMigrator.update(release10, "changelog/releases/1.0.xml");
        int pending = RegistryDatabase.schemaStatus(tmp).pending().size();

        assertThatThrownBy(() -> RegistryDatabase.openSqliteReadOnly(tmp))
                .isInstanceOf(SchemaUpgradeRequiredException.class)
                .hasMessageContaining(pending + " changeset(s) pending").hasMessageContaining("registry db upgrade");
        assertThat(RegistryDatabase.schemaStatus(tmp).pending()).hasSize(pending);
    }

    @Test
    void aFileOfThePythonRegistryIsNotAdoptedByAReadOnlyOpen() throws Exception {
        Path file = PythonRegistries.copyFixture(tmp);
        String before = sha256(file);

        assertThatThrownBy(() -> RegistryDatabase.openSqliteReadOnly(tmp))
                .isInstanceOf(SchemaUpgradeRequiredException.class).hasMessageContaining("Python");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(files()).containsExactly(RegistryDatabase.SQLITE_FILE_NAME);
    }

    @Test
    void aReadOnlyRegistryReadsAndRefusesEveryWriteWithoutTouchingTheFile() throws Exception {
        Model model = aModel();
        try (RegistryDatabase writable = RegistryDatabase.openSqlite(tmp)) {
            model.register(nextVersionId(), aSpec(metricsWithAnomalyRate(0.05)), SCORING, Instant.now());
            writable.unitOfWork().run(() -> writable.repository().save(model));
        }
        Path file = tmp.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        String before = sha256(file);

        try (RegistryDatabase readOnly = RegistryDatabase.openSqliteReadOnly(tmp)) {
            assertThat(readOnly.unitOfWork().read(() -> readOnly.repository().findById(model.id()).orElseThrow()
                    .versions().size())).isEqualTo(1);
            assertThatThrownBy(() -> readOnly.unitOfWork().run(() -> {
                Model again = readOnly.repository().findById(model.id()).orElseThrow();
                again.register(nextVersionId(), aSpec(metricsWithAnomalyRate(0.01)), SCORING, Instant.now());
            })).isInstanceOf(ReadOnlyRegistryException.class).hasMessageContaining("read-only");
        }
        assertThat(sha256(file)).isEqualTo(before);
        try (RegistryDatabase writable = RegistryDatabase.openSqlite(tmp)) {
            assertThat(writable.unitOfWork().read(() -> writable.repository().findById(model.id()).orElseThrow()
                    .versions().size())).isEqualTo(1);
        }
    }

    @Test
    void aColumnDroppedByHandIsASchemaMismatchNamingIt() throws SQLException {
        RegistryDatabase.openSqlite(tmp).close();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + tmp.resolve(RegistryDatabase.SQLITE_FILE_NAME));
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("ALTER TABLE versions DROP COLUMN model_hash");
        }

        assertThatThrownBy(() -> RegistryDatabase.openSqliteReadOnly(tmp))
                .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("model_hash")
                .hasMessageNotContaining("Schema-validation");
        assertThatThrownBy(() -> RegistryDatabase.openSqlite(tmp))
                .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("model_hash");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(tmp)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
