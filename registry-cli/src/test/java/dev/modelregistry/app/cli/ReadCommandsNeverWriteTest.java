package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.domain.ReadOnlyRegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read commands (and the read-only API) open the registry read-only: they never create a
 * database, upgrade or adopt one, and work on a registry the process may not write.
 */
class ReadCommandsNeverWriteTest {

    private static final List<List<String>> READ_COMMANDS = List.of(List.of("stats"), List.of("stats", "--json"),
            List.of("models"), List.of("versions", "--sensor", "SMAP-PWR-001", "--type", "transformer"),
            List.of("show", "7f282096"), List.of("history", "--sensor", "SMAP-PWR-001", "--type", "transformer"),
            List.of("alias", "ls", "SMAP-PWR-001", "transformer"));

    @TempDir
    static Path shared;

    static Path migrated;

    @TempDir
    Path tmp;

    @BeforeAll
    static void migrateTheFixture() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(shared);
        migrated = shared.resolve("registry_sqlite");
        CliRun run = registry("migrate", "--old-path", legacy.toString(), "--new-path", migrated.toString(),
                "--legacy-timezone", "UTC");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aSchemaOrChangelogTableOptionWithoutAServerIsAUsageErrorAndNothingIsCreated(@TempDir Path tmp) {
        for (String[] placement : List.of(new String[] {"--schema", "model_registry"},
                new String[] {"--changelog-table", "registry_log"}, new String[] {"--changelog-lock-table", "registry_lock"})) {
            for (String[] command : List.of(new String[] {"db", "upgrade"}, new String[] {"db", "status"},
                    new String[] {"stats"})) {
                String[] args = java.util.stream.Stream.of(command, placement,
                        new String[] {"--registry", tmp.resolve("registry").toString()})
                        .flatMap(java.util.Arrays::stream).toArray(String[]::new);
                CliRun run = CliRun.registry(args);
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegistryCli.USAGE);
                assertThat(run.err()).contains(placement[0] + " applies to a database server (--jdbc-url) only");
            }
        }
        assertThat(tmp.resolve("registry")).doesNotExist();
    }

    @Test
    void aZeroByteDatabaseFileIsNoRegistryForAnyReadCommandAndStaysEmpty() throws IOException {
        Path file = Files.createFile(tmp.resolve("model_registry.db"));

        for (List<String> command : READ_COMMANDS) {
            CliRun run = run(command, tmp);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).as(run.toString()).startsWith("error: no registry database at ")
                    .contains("the file is empty").hasLineCount(1);
        }
        CliRun promote = run(List.of("promote", "7f282096"), tmp);
        assertThat(promote.exitCode()).as(promote.toString()).isEqualTo(1);
        assertThat(promote.err()).as("a write command does not make a registry of it either")
                .startsWith("error: no registry database at ").contains("the file is empty");
        assertThat(file).isEmptyFile();
        assertThat(files(tmp)).containsExactly("model_registry.db");
    }

    @Test
    void aDatabaseOfThePythonRegistryIsNotAdoptedByAReadCommand() throws Exception {
        Path registryDir = copyPythonRegistry();
        Path file = registryDir.resolve("model_registry.db");
        String before = sha256(file);

        CliRun run = run(List.of("stats"), registryDir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("Python").contains("registry db upgrade").hasLineCount(1);
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(files(registryDir)).containsExactly("model_registry.db");
    }

    @Test
    void readCommandsChangeNotOneByteOfTheDatabase() throws Exception {
        Path registryDir = copy(migrated);
        String before = sha256(registryDir.resolve("model_registry.db"));

        for (List<String> command : READ_COMMANDS) {
            CliRun run = run(command, registryDir);
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        assertThat(sha256(registryDir.resolve("model_registry.db"))).isEqualTo(before);
    }

    @Test
    void aRegistryWithoutWritePermissionStillAnswersTheReadCommands() throws Exception {
        Path registryDir = copy(migrated);
        Path file = registryDir.resolve("model_registry.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(registryDir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            for (List<String> command : READ_COMMANDS) {
                CliRun run = run(command, registryDir);
                assertThat(run.exitCode()).as(run.toString()).isZero();
                assertThat(run.err()).as(run.toString()).isEmpty();
            }
            assertThat(run(List.of("stats"), registryDir).out()).containsPattern("models\\s+12\\b");
        } finally {
            Files.setPosixFilePermissions(registryDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void dbStatusReportsAColumnDroppedByHandInsteadOfCallingTheSchemaCurrent() throws Exception {
        Path registryDir = copy(migrated);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + registryDir.resolve("model_registry.db"));
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("ALTER TABLE versions DROP COLUMN model_hash");
        }

        CliRun status = registry("db", "status", "--registry", registryDir.toString());

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out()).contains("does not match the changelog").contains("model_hash")
                .doesNotContain("Schema    current");
        assertThat(status.err()).doesNotContain("Exception");
        CliRun stats = run(List.of("stats"), registryDir);
        assertThat(stats.exitCode()).isEqualTo(1);
        assertThat(stats.err()).contains("does not match the registry's changelog").contains("model_hash").hasLineCount(1);
    }

    @Test
    void theReadOnlyApiReadsAndRefusesChangesWithReadOnlyRegistryException() throws Exception {
        Path registryDir = copy(migrated);
        String before = sha256(registryDir.resolve("model_registry.db"));

        try (ModelRegistry registry = ModelRegistrySQLite.openReadOnly(registryDir)) {
            assertThat(registry.getRegistryStats().totalModels()).isEqualTo(12);
            assertThatThrownBy(() -> registry.promoteVersion("7f282096")).isInstanceOf(ReadOnlyRegistryException.class);
            assertThatThrownBy(() -> registry.deleteVersion("7f282096", true, true))
                    .isInstanceOf(ReadOnlyRegistryException.class);
        }
        assertThat(sha256(registryDir.resolve("model_registry.db"))).isEqualTo(before);
    }

    private static CliRun run(List<String> command, Path registryDir) {
        String[] args = Stream.concat(command.stream(), Stream.of("--registry", registryDir.toString()))
                .toArray(String[]::new);
        return registry(args);
    }

    private Path copy(Path registryDir) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Files.copy(registryDir.resolve("model_registry.db"), copy.resolve("model_registry.db"));
        for (String sidecar : new String[] {"-wal", "-shm"}) {
            Path file = registryDir.resolve("model_registry.db" + sidecar);
            if (Files.exists(file)) {
                Files.copy(file, copy.resolve("model_registry.db" + sidecar));
            }
        }
        return copy;
    }

    private Path copyPythonRegistry() throws Exception {
        Path source = Path.of(getClass().getResource("/fixtures/python-sqlite-registry/data/models/registry_sqlite")
                .toURI());
        Path target = Files.createDirectories(tmp.resolve("python"));
        Files.copy(source.resolve("model_registry.db"), target.resolve("model_registry.db"),
                StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
