package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry export --out FILE} and {@code registry import FILE}, in-process, SQLite to SQLite. */
class ExportImportCommandsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** The lived-in registry (read, never changed, by every test) and its export. */
    private static Path source;
    private static Path exported;

    @BeforeAll
    static void exportALivedInRegistry() {
        source = aLivedInRegistry(shared);
        exported = shared.resolve("exports/first.jsonl");
        CliRun export = registry("export", "--out", exported.toString(), "--registry", source.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).isEqualTo("Exported 14 model(s), 13 version(s) from " + source.resolve("model_registry.db")
                + " to " + exported + System.lineSeparator());
    }

    @Test
    void aRegistryExportedImportedAndExportedAgainGivesTheSameFileByteForByte() throws IOException {
        Path copy = tmp.resolve("copy_sqlite");
        Path second = tmp.resolve("second.jsonl");

        CliRun imported = registry("import", exported.toString(), "--registry", copy.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).isEqualTo("Imported 14 model(s), 13 version(s) from " + exported + " into "
                + copy.resolve("model_registry.db") + System.lineSeparator());
        assertThat(registry("export", "--out", second.toString(), "--registry", copy.toString()).exitCode()).isZero();

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(exported));
        for (String[] read : List.of(new String[] {"stats"}, new String[] {"models"},
                new String[] {"history", "--sensor", "SMAP-PWR-001", "--type", "transformer"},
                new String[] {"versions", "--sensor", "SMAP-PWR-001", "--type", "transformer"},
                new String[] {"show", "7f282096", "--json"})) {
            assertThat(readOn(copy, read).replace(copy.toString(), "DB"))
                    .isEqualTo(readOn(source, read).replace(source.toString(), "DB"));
        }
        try (Stream<Path> left = Files.list(exported.getParent())) {
            assertThat(left).as("no temporary file left beside the export").containsExactly(exported);
        }
    }

    @Test
    void theExportIsJsonLinesWithAHeaderOneLinePerModelAndAnEndLine() throws IOException {
        List<String> lines = Files.readAllLines(exported, StandardCharsets.UTF_8);

        assertThat(lines).hasSize(16);
        assertThat(lines.get(0)).isEqualTo("{\"format\":\"model-registry-export\",\"format_version\":2}");
        assertThat(lines.get(1)).startsWith("{\"model_id\":\"telemanom_SENSOR-Ü-1\",\"sensor_id\":\"SENSOR-Ü-1\","
                + "\"model_type\":\"telemanom\",\"created_at\":\"").contains("\"active_version\":null,\"description\":null,\"tags\":{},\"versions\":[],")
                .contains("\"reason\":\"LAST_VERSION_DELETED\",\"score\":null");
        assertThat(lines.get(3)).startsWith("{\"model_id\":\"transformer_MSL-COM-001\"");
        assertThat(lines.get(15)).isEqualTo("{\"end\":{\"models\":14,\"versions\":13}}");
        assertThat(String.join("\n", lines)).contains("\"loss\":NaN").contains("Überwachung ✓")
                .contains("\"reason\":\"PROMOTED\"").contains("\"tags\":[\"α\",\"b\"]");
    }

    @Test
    void importingIntoARegistryThatAlreadyHasTheModelsIsRefusedAndChangesNothing() throws IOException {
        String before = readOn(source, "stats");

        CliRun again = registry("import", exported.toString(), "--registry", source.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: model telemanom_SENSOR-Ü-1 (export line 2) already exists in the"
                + " target registry").contains("nothing was imported").hasLineCount(1);
        assertThat(readOn(source, "stats")).isEqualTo(before);
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheLineAndCreatesNoRegistry() throws IOException {
        byte[] whole = Files.readAllBytes(exported);
        Path cut = tmp.resolve("cut.jsonl");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path target = tmp.resolve("never_created");

        CliRun run = registry("import", cut.toString(), "--registry", target.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).matches("error: " + java.util.regex.Pattern.quote(cut.toString())
                + " line \\d+: the line ends without a newline: the file is truncated\\R");
        assertThat(target).doesNotExist();
    }

    @Test
    void exportingAMissingRegistryFailsWithoutWritingAFile() {
        Path file = tmp.resolve("out.jsonl");

        CliRun run = registry("export", "--out", file.toString(), "--registry", tmp.resolve("absent").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: no registry database at ");
        assertThat(file).doesNotExist();
        assertThat(tmp.resolve("absent")).doesNotExist();
    }

    @Test
    void exportRequiresTheOutOption() {
        CliRun run = registry("export");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void aRegistryWrittenByThePythonRegistryTravelsToo() throws Exception {
        Path python = tmp.resolve("python_sqlite");
        Files.createDirectories(python);
        Files.copy(Path.of(getClass().getResource(
                "/fixtures/python-sqlite-registry/data/models/registry_sqlite/model_registry.db").toURI()),
                python.resolve("model_registry.db"));
        CliRun upgrade = registry("db", "upgrade", "--registry", python.toString(), "--legacy-timezone", "UTC");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        Path first = tmp.resolve("python.jsonl");
        Path second = tmp.resolve("python-again.jsonl");

        assertThat(registry("export", "--out", first.toString(), "--registry", python.toString()).exitCode()).isZero();
        CliRun imported = registry("import", first.toString(), "--registry", tmp.resolve("copy").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(registry("export", "--out", second.toString(), "--registry", tmp.resolve("copy").toString())
                .exitCode()).isZero();

        assertThat(Files.readString(first)).as("versions without a lineage row keep their data hash")
                .contains("\"data_hash\":\"601e5b4578511608\"").contains("\"lineage\":null");
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    private static String readOn(Path registryDir, String... command) {
        String[] args = java.util.Arrays.copyOf(command, command.length + 2);
        args[command.length] = "--registry";
        args[command.length + 1] = registryDir.toString();
        CliRun run = registry(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out();
    }

    /**
     * The shipped registry migrated, then used: new versions with NaN metrics and unicode, a
     * promotion, a plain delete, a forced delete re-electing another version, and a model left
     * without versions.
     */
    static Path aLivedInRegistry(Path tmp) {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path target = tmp.resolve("registry_sqlite");
        CliRun migrate = registry("migrate", "--old-path", legacy.toString(), "--new-path", target.toString(),
                "--legacy-timezone", "UTC");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        try (ModelRegistry opened = ModelRegistrySQLite.open(target)) {
            String strong = opened.registerModel(registration(tmp, "SMAP-PWR-001", "transformer", 0.99));
            opened.promoteVersion("7f282096");
            opened.deleteVersion(strong, false, false);
            String lone = opened.registerModel(registration(tmp, "SENSOR-Ü-1", "telemanom", 0.5));
            opened.deleteVersion(lone, true, false);
            opened.registerModel(registration(tmp, "SENSOR-Ü-2", "telemanom", 0.5));
            String winner = opened.registerModel(registration(tmp, "SENSOR-Ü-2", "telemanom", 0.7));
            opened.deleteVersion(winner, true, false);
        }
        return target;
    }

    private static ModelRegistration registration(Path tmp, String sensor, String type, double r2) {
        Map<String, Object> trainingMetrics = new LinkedHashMap<>();
        trainingMetrics.put("loss", Double.NaN);
        trainingMetrics.put("epochs_run", 12);
        return ModelRegistration.builder().sensorId(sensor).modelType(type).modelPath(tmp.resolve("models").resolve(sensor))
                .trainingConfig(Map.of("epochs", 20)).trainingMetrics(trainingMetrics)
                .validationMetrics(Map.of("validation_performed", true, "r2_score", r2))
                .trainingTimeSeconds(12.5).dataHash("hash-" + sensor.length()).dataSource("nasa_smap")
                .description("Überwachung ✓").tags(List.of("α", "b")).build();
    }
}
