package dev.modelregistry.app.migration.legacy;

import static dev.modelregistry.app.migration.legacy.LegacyFixtures.hashTree;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyRegistryGeneratorTest {

    @TempDir
    Path tmp;

    private final LegacyRegistryReader reader = new LegacyRegistryReader(ZoneOffset.UTC, Path.of("data/models"));

    @Test
    void writesARegistryThatReadsWithoutAnyProblem() throws IOException {
        LegacyRegistryGenerator.Summary summary = new LegacyRegistryGenerator().generate(tmp.resolve("r"), 20, 15);

        LegacyRegistry registry = reader.read(tmp.resolve("r"));

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.models()).hasSize(20);
        assertThat(registry.versionCount()).isEqualTo(300).isEqualTo(summary.versions());
        assertThat(LegacyFixtures.unvalidated(registry)).isEqualTo((long) summary.unvalidated()).isBetween(20L, 100L);
        assertThat(registry.models()).extracting(LegacyModel::modelType).containsOnly("telemanom", "transformer");
    }

    @Test
    void makesTheBestScoringVersionActiveAndKeepsTheIncumbentOnTies() throws IOException {
        new LegacyRegistryGenerator().generate(tmp.resolve("r"), 10, 12);

        LegacyRegistry registry = reader.read(tmp.resolve("r"));

        assertThat(registry.models()).allSatisfy(m -> {
            LegacyVersion best = m.versions().stream()
                    .max(Comparator.comparingDouble(LegacyVersion::performanceScore)).orElseThrow();
            assertThat(m.active().orElseThrow().performanceScore()).isEqualTo(best.performanceScore());
        });
    }

    @Test
    void writesTheQuirksOfTheLegacyFormat() throws IOException {
        new LegacyRegistryGenerator().generate(tmp.resolve("r"), 6, 30);
        LegacyRegistry registry = reader.read(tmp.resolve("r"));

        assertThat(read(tmp.resolve("r/versions_index.json"))).contains("\"data\\\\models\\\\registry\\\\metadata\\\\");
        assertThat(registry.models().stream().flatMap(m -> m.versions().stream()))
                .allSatisfy(v -> assertThat(v.versionId()).matches("[0-9a-f]{8}"))
                .anySatisfy(v -> assertThat(v.tags()).isEmpty())
                .anySatisfy(v -> assertThat(v.description()).contains("\u0394"))
                .anySatisfy(v -> assertThat(v.validationMetrics()).containsKey("anomaly_rate"))
                .anySatisfy(v -> assertThat(v.validationMetrics()).containsKeys("r2_score", "mape"))
                .anySatisfy(v -> assertThat(v.validationMetrics()).doesNotContainKey("validation_performed"))
                .anySatisfy(v -> assertThat(v.validationMetrics()).containsEntry("validation_performed", false))
                .anySatisfy(v -> assertThat(v.createdAt().getNano() % 1_000_000).isNotZero());
        String someFile = read(registry.models().get(0).versions().get(0).sourceFile());
        assertThat(someFile).startsWith("{\n  \"model_id\": ").doesNotContain("\t").endsWith("\n}".substring(1));
    }

    @Test
    void writesTheSameBytesForTheSameSeed() throws IOException {
        new LegacyRegistryGenerator(7).generate(tmp.resolve("a"), 4, 5);
        new LegacyRegistryGenerator(7).generate(tmp.resolve("b"), 4, 5);

        assertThat(hashTree(tmp.resolve("a"))).isEqualTo(hashTree(tmp.resolve("b")));
    }

    @Test
    void refusesToWriteIntoAFolderThatHoldsFiles() throws IOException {
        Files.writeString(Files.createDirectories(tmp.resolve("r")).resolve("keep.txt"), "precious");

        assertThatThrownBy(() -> new LegacyRegistryGenerator().generate(tmp.resolve("r"), 1, 1))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void writesAnEmptyRegistryForZeroModels() throws IOException {
        new LegacyRegistryGenerator().generate(tmp.resolve("r"), 0, 5);

        assertThat(read(tmp.resolve("r/models_index.json"))).isEqualTo("{}");
        assertThat(reader.read(tmp.resolve("r")).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource({
            "0.1, 0.1",
            "0.0001, 0.0001",
            "0.00001, 1e-05",
            "2.5E-10, 2.5e-10",
            "100.0, 100.0",
            "123456789012345.0, 123456789012345.0",
            "1.0E16, 1e+16",
            "-1.5E20, -1.5e+20",
            "0.08449109285985841, 0.08449109285985841",
            "NaN, NaN",
            "Infinity, Infinity",
            "-Infinity, -Infinity",
            "-0.0, -0.0"})
    void writesFloatsAsPythonsRepr(double value, String python) {
        assertThat(LegacyRegistryGenerator.pythonFloat(value)).isEqualTo(python);
    }

    @Test
    void writesNaiveTimestampsLikePythonsIsoformat() {
        assertThat(LegacyRegistryGenerator.pythonIsoformat(LocalDateTime.of(2025, 9, 30, 0, 14, 30, 682_965_000)))
                .isEqualTo("2025-09-30T00:14:30.682965");
        assertThat(LegacyRegistryGenerator.pythonIsoformat(LocalDateTime.of(2025, 9, 30, 0, 14, 30, 5_000)))
                .isEqualTo("2025-09-30T00:14:30.000005");
        assertThat(LegacyRegistryGenerator.pythonIsoformat(LocalDateTime.of(2025, 9, 30, 0, 14, 30)))
                .isEqualTo("2025-09-30T00:14:30");
    }
}
