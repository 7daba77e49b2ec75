package dev.modelregistry.app.migration.legacy;

import static dev.modelregistry.app.migration.legacy.LegacyFixtures.FIXTURE_MODELS;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.copyOfRealRegistry;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.hashTree;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.metadata;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.read;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.realRegistry;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.replaceIn;
import static dev.modelregistry.app.migration.legacy.LegacyFixtures.write;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.DUPLICATE_VERSION_ID;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.INVALID_FIELD;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.MALFORMED_JSON;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.METADATA_CONTRADICTS_INDEX;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.MISSING_ACTIVE_VERSION;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.MISSING_INDEX;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.MISSING_METADATA;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.ORPHAN_METADATA;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.UNREADABLE_FILE;
import static dev.modelregistry.app.migration.legacy.LegacyProblem.Kind.VERSIONS_INDEX_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyRegistryReaderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Path MODELS_ROOT = Path.of("/srv/platform/data/models");

    /** The real fixture's SMAP-PWR-001 model and its only version. */
    private static final String PWR_MODEL = "transformer_SMAP-PWR-001";
    private static final String PWR = "7f282096";
    private static final String COM = "ebd1bbbb";

    @TempDir
    Path tmp;

    private final LegacyRegistryReader reader = new LegacyRegistryReader(ZoneOffset.UTC, MODELS_ROOT);

    private static List<LegacyProblem.Kind> kinds(LegacyRegistry registry) {
        return registry.problems().stream().map(LegacyProblem::kind).toList();
    }

    @Nested
    class TheRealPlatformRegistry {

        @Test
        void readsEveryModelOfTheRealPlatformRegistry() {
            LegacyRegistry registry = reader.read(realRegistry());

            assertThat(registry.models()).hasSize(FIXTURE_MODELS);
            assertThat(registry.versionCount()).isEqualTo(12);
            assertThat(LegacyFixtures.unvalidated(registry)).isZero();
            assertThat(registry.problems()).isEmpty();
            assertThat(registry.hasProblems()).isFalse();
            assertThat(registry.hasBlockingProblems()).isFalse();
            assertThat(registry.models()).allSatisfy(m -> {
                assertThat(m.modelType()).isEqualTo("transformer");
                assertThat(m.modelId()).isEqualTo("transformer_" + m.sensorId());
                assertThat(m.versions()).hasSize(1);
                assertThat(m.active()).contains(m.versions().get(0));
            });
        }

        @Test
        void keepsModelsInTheOrderOfTheIndex() {
            LegacyRegistry registry = reader.read(realRegistry());

            assertThat(registry.models()).extracting(LegacyModel::modelId).startsWith(
                    "transformer_SMAP-PWR-001", "transformer_SMAP-COM-001", "transformer_SMAP-ATT-001")
                    .endsWith("transformer_MSL-NAV-001");
        }

        @Test
        void keepsVersionIdsScoresAndMicrosecondTimestampsAsRecorded() {
            LegacyRegistry registry = reader.read(realRegistry());

            assertThat(registry.models())
                    .extracting(m -> m.versions().get(0))
                    .extracting(LegacyVersion::versionId, LegacyVersion::performanceScore, LegacyVersion::createdAt)
                    .contains(
                            tuple("7f282096", 0.08449109285985841, Instant.parse("2025-09-29T23:57:26.679550Z")),
                            tuple("a343fa25", 0.0022277976795209375, Instant.parse("2025-09-30T00:00:39.322138Z")),
                            tuple("5587ee38", 0.001240098557582525, Instant.parse("2025-09-30T00:09:38.483028Z")),
                            tuple("7a6034be", 0.0, Instant.parse("2025-09-30T00:14:30.682965Z")));
        }

        @Test
        void readsEveryFieldOfAMetadataFile() {
            LegacyVersion v = reader.read(realRegistry()).version("7a6034be").orElseThrow();

            assertThat(v.modelId()).isEqualTo("transformer_MSL-NAV-001");
            assertThat(v.sensorId()).isEqualTo("MSL-NAV-001");
            assertThat(v.modelType()).isEqualTo("transformer");
            assertThat(v.modelSizeBytes()).isEqualTo(2738760L);
            assertThat(v.trainingTimeSeconds()).isEqualTo(100.47547125816345);
            assertThat(v.dataHash()).isEqualTo("e23d2e12");
            assertThat(v.modelHash()).isEqualTo("cbda2675a405934f7e841d94a6bc662f");
            assertThat(v.description()).isEqualTo("Transformer forecaster for Navigation System");
            assertThat(v.tags()).containsExactly("transformer", "forecasting", "time_series", "navigation");
            assertThat(LegacyFixtures.validated(v)).isTrue();
            assertThat(v.sourceFile()).isEqualTo(metadata(realRegistry(), "7a6034be"));
            assertThat(v.trainingConfig()).containsEntry("d_model", 64).containsEntry("dropout_rate", 0.1);
            assertThat(v.trainingMetrics()).containsEntry("final_loss", 0.9906297922134399);
            assertThat(v.validationMetrics())
                    .containsEntry("validation_performed", true)
                    .containsEntry("r2_score", -0.0012157392906897435)
                    .containsEntry("validation_quality", "needs_improvement");
        }

        @Test
        void keepsMetricKeysInTheOrderOfTheFile() {
            LegacyVersion v = reader.read(realRegistry()).version("7a6034be").orElseThrow();

            assertThat(v.trainingConfig().keySet()).containsExactly("sequence_length", "forecast_horizon",
                    "d_model", "num_heads", "num_layers", "dff", "dropout_rate", "epochs", "batch_size",
                    "learning_rate", "validation_split", "patience");
            assertThat(v.validationMetrics().keySet()).startsWith("validation_performed", "validation_sequences", "mae");
        }

        @Test
        void interpretsNaiveTimestampsInTheLegacyZone() {
            LegacyRegistry registry = new LegacyRegistryReader(BERLIN, MODELS_ROOT).read(realRegistry());

            // 2025-09-29T23:57:26.679550 in Berlin summer time (UTC+2)
            assertThat(registry.version(PWR).orElseThrow().createdAt())
                    .isEqualTo(Instant.parse("2025-09-29T21:57:26.679550Z"));
        }

        @Test
        void derivesTheModelPathFromTheModelsRootWhenMetadataHasNone() {
            LegacyVersion v = reader.read(realRegistry()).version(PWR).orElseThrow();

            assertThat(v.modelPath()).isEqualTo(MODELS_ROOT.resolve("transformer").resolve("SMAP-PWR-001").toString());
        }

        @Test
        void conventionalModelsRootIsTheParentOfTheRegistryAndHoldsTheModelFolders() {
            Path root = LegacyRegistryReader.defaultModelsRoot(realRegistry());
            LegacyRegistry registry = new LegacyRegistryReader(ZoneOffset.UTC, root).read(realRegistry());

            assertThat(registry.models()).allSatisfy(m ->
                    assertThat(Path.of(m.versions().get(0).modelPath()).resolve("transformer_metadata.json")).isRegularFile());
        }

        @Test
        void ignoresTheWindowsPathsOfVersionsIndex() {
            assertThat(read(realRegistry().resolve("versions_index.json"))).contains("data\\\\models\\\\registry\\\\metadata\\\\");
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("versions_index.json"),
                    "data\\\\models\\\\registry\\\\metadata\\\\" + PWR + ".json", "C:\\\\nowhere\\\\gone.json");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).isEmpty();
            assertThat(result.version(PWR)).isPresent();
        }

        @Test
        void neverModifiesTheRegistryFolder() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Path root = registry.getParent().getParent().getParent();
            // damage it too, so that the problem paths run as well
            Files.delete(metadata(registry, PWR));
            write(metadata(registry, COM), "{ not json");
            write(metadata(registry, "0rphan00"), "{}");
            Map<String, String> before = hashTree(root);

            reader.read(registry);
            reader.forEachVersion(registry, v -> { });

            assertThat(hashTree(root)).isEqualTo(before);
        }

        @Test
        void streamsTheSameVersionsAndProblemsAsTheSnapshot() {
            Path registry = copyOfRealRegistry(tmp);
            write(metadata(registry, COM), "{ not json");
            LegacyRegistry snapshot = reader.read(registry);

            List<LegacyVersion> streamed = new ArrayList<>();
            List<LegacyProblem> problems = reader.forEachVersion(registry, streamed::add);

            assertThat(streamed).containsExactlyElementsOf(
                    snapshot.models().stream().flatMap(m -> m.versions().stream()).toList());
            assertThat(problems).isEqualTo(snapshot.problems());
        }

        @Test
        void handsOutOnlyUnmodifiableCollections() {
            LegacyRegistry registry = reader.read(realRegistry());
            LegacyVersion v = registry.version(PWR).orElseThrow();

            assertThatThrownBy(() -> registry.models().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> registry.models().get(0).versions().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> v.trainingConfig().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> v.validationMetrics().remove("mae"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> v.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class PythonJsonQuirks {

        @Test
        void readsNaNInfinityUnicodeEscapesAndNullTags() {
            Path registry = copyOfRealRegistry(tmp);
            Path file = metadata(registry, PWR);
            replaceIn(file, "\"mae\": ", "\"nan_metric\": NaN,\n    \"inf_metric\": Infinity,\n"
                    + "    \"neg_inf_metric\": -Infinity,\n    \"nested\": {\"b\": [1, 2.5, null, \"x\"], \"a\": {}},\n    \"mae\": ");
            replaceIn(file, "\"description\": \"Transformer forecaster for Primary Power System\"",
                    "\"description\": \"Pr\\u00e9vision \\u2013 \\u0394 \\ud83d\\ude80\"");
            String text = read(file);
            write(file, text.substring(0, text.indexOf("\"tags\": [")) + "\"tags\": null,\n  \"is_active\": true,\n"
                    + "  \"performance_score\": NaN\n}");
            replaceIn(file, "\"training_time_seconds\": 121.39823412895203", "\"training_time_seconds\": Infinity");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).isEmpty();
            LegacyVersion v = result.version(PWR).orElseThrow();
            assertThat(v.validationMetrics().get("nan_metric")).isInstanceOf(Double.class).isEqualTo(Double.NaN);
            assertThat(v.validationMetrics()).containsEntry("inf_metric", Double.POSITIVE_INFINITY)
                    .containsEntry("neg_inf_metric", Double.NEGATIVE_INFINITY);
            assertThat(v.validationMetrics().get("nested")).isEqualTo(
                    Map.of("b", java.util.Arrays.asList(1, 2.5, null, "x"), "a", Map.of()));
            assertThat(new ArrayList<Object>(((Map<?, ?>) v.validationMetrics().get("nested")).keySet())).containsExactly("b", "a");
            assertThat(v.description()).isEqualTo("Pr\u00e9vision \u2013 \u0394 \uD83D\uDE80");
            assertThat(v.tags()).isEmpty();
            assertThat(v.performanceScore()).isNaN();
            assertThat(v.trainingTimeSeconds()).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @ParameterizedTest(name = "validation_performed {0} means validated = {1}")
        @CsvSource(delimiter = '|', value = {
                "true     | true",
                "false    | false",
                "\"true\" | false",
                "1        | false",
                "null     | false"})
        void validatedMeansValidationPerformedIsTheBooleanTrue(String json, boolean validated) {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(metadata(registry, PWR), "\"validation_performed\": true", "\"validation_performed\": " + json);

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).isEmpty();
            assertThat(LegacyFixtures.validated(result.version(PWR).orElseThrow())).isEqualTo(validated);
            assertThat(LegacyFixtures.unvalidated(result)).isEqualTo(validated ? 0L : 1L);
        }

        @Test
        void readsOlderFilesWithoutValidationPerformedAsUnvalidatedWithoutAProblem() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(metadata(registry, PWR), "\"validation_performed\": true,", "");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).isEmpty();
            assertThat(LegacyFixtures.validated(result.version(PWR).orElseThrow())).isFalse();
            assertThat(result.versionCount()).isEqualTo(12);
        }

        @Test
        void readsTimestampsWithoutFractionAsWholeSeconds() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(metadata(registry, PWR), "2025-09-29T23:57:26.679550", "2025-09-29T23:57:26");

            assertThat(reader.read(registry).version(PWR).orElseThrow().createdAt())
                    .isEqualTo(Instant.parse("2025-09-29T23:57:26Z"));
        }

        @Test
        void usesTheModelPathOfNewerMetadataFiles() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(metadata(registry, PWR), "\"is_active\": true,",
                    "\"is_active\": true,\n  \"model_path\": \"/mnt/models/pwr\",");

            assertThat(reader.read(registry).version(PWR).orElseThrow().modelPath()).isEqualTo("/mnt/models/pwr");
        }

        @Test
        void treatsMissingOptionalFieldsAsAbsent() {
            Path registry = copyOfRealRegistry(tmp);
            Path file = metadata(registry, PWR);
            replaceIn(file, "\"model_size_bytes\": 2738220,", "\"model_size_bytes\": null,");
            replaceIn(file, "\"training_time_seconds\": 121.39823412895203,", "");
            replaceIn(file, "\"data_hash\"", "\"old_data_hash\"");

            LegacyVersion v = reader.read(registry).version(PWR).orElseThrow();

            assertThat(v.modelSizeBytes()).isZero();
            assertThat(v.trainingTimeSeconds()).isNull();
            assertThat(v.dataHash()).isNull();
        }

        @Test
        void takesTheIndexActiveVersionAsTheTruthWhateverTheIsActiveFlagsSay() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(metadata(registry, PWR), "\"is_active\": true", "\"is_active\": false");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).isEmpty();
            assertThat(result.model(PWR_MODEL).orElseThrow().active().orElseThrow().versionId()).isEqualTo(PWR);
        }
    }

    @Nested
    class BrokenRegistries {

        @Test
        void reportsAMissingMetadataFileAndLeavesOutOnlyThatVersion() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Files.delete(metadata(registry, PWR));

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::file, LegacyProblem::versionId)
                    .containsExactly(
                            tuple(MISSING_METADATA, metadata(registry, PWR), PWR),
                            tuple(MISSING_ACTIVE_VERSION, registry.resolve("models_index.json"), PWR));
            assertThat(result.problems().get(0).toString()).contains(PWR + ".json", PWR_MODEL, "missing");
            assertThat(result.problems().get(0).blocking()).isTrue();
            assertThat(result.problems().get(1).blocking()).isFalse();
            assertThat(result.versionCount()).isEqualTo(11);
            assertThat(result.model(PWR_MODEL).orElseThrow().versions()).isEmpty();
            assertThat(result.model(PWR_MODEL).orElseThrow().activeVersion()).isEqualTo(PWR);
        }

        @Test
        void reportsMalformedJsonNamingTheFile() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(metadata(registry, PWR), "\"data_hash\":", "\"data_hash\" ");

            LegacyRegistry result = reader.read(registry);

            assertThat(kinds(result)).containsExactly(MALFORMED_JSON, MISSING_ACTIVE_VERSION);
            LegacyProblem p = result.problems().get(0);
            assertThat(p.file()).isEqualTo(metadata(registry, PWR));
            assertThat(p.message()).contains(metadata(registry, PWR).toString(), "line");
            assertThat(result.version(PWR)).isEmpty();
            assertThat(result.versionCount()).isEqualTo(11);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "empty file                 | ''",
                "blank file                 | '   \n'",
                "truncated                  | '{\"model_id\": \"transformer_SMAP-PWR-001\"'",
                "trailing garbage           | '{} {}'",
                "python None                | '{\"tags\": None}'",
                "unquoted key               | '{a: 1}'"})
        void reportsEveryKindOfBrokenJsonAsMalformed(String name, String content) {
            Path registry = copyOfRealRegistry(tmp);
            write(metadata(registry, PWR), content);

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).first().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(MALFORMED_JSON);
                assertThat(p.file()).isEqualTo(metadata(registry, PWR));
                assertThat(p.toString()).startsWith(metadata(registry, PWR).toString());
            });
        }

        @Test
        void reportsDuplicateKeysAsMalformedJsonNamingTheFileAndTheKey() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(metadata(registry, PWR), "\"data_hash\":", "\"performance_score\": 0.99,\n  \"data_hash\":");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).first().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(MALFORMED_JSON);
                assertThat(p.file()).isEqualTo(metadata(registry, PWR));
                assertThat(p.message()).contains("performance_score");
            });
            assertThat(result.version(PWR)).isEmpty();
        }

        @Test
        void reportsDuplicateKeysInTheModelsIndex() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("models_index.json"), "\"active_version\": \"" + PWR + "\",",
                    "\"active_version\": \"" + PWR + "\",\n    \"active_version\": \"" + COM + "\",");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::file)
                    .containsExactly(tuple(MALFORMED_JSON, registry.resolve("models_index.json")));
            assertThat(result.models()).isEmpty();
        }

        @ParameterizedTest(name = "metadata {0} {1} contradicts the index")
        @CsvSource(delimiter = '|', value = {
                "version    | 7f282096                 | 7f282097",
                "model_id   | transformer_SMAP-PWR-001 | transformer_SMAP-PWR-002",
                "sensor_id  | SMAP-PWR-001             | SMAP-PWR-002",
                "model_type | transformer              | telemanom"})
        void reportsMetadataThatContradictsTheIndex(String field, String indexValue, String fileValue) {
            Path registry = copyOfRealRegistry(tmp);
            Path file = metadata(registry, PWR);
            String text = read(file);
            String from = "\"" + field + "\": \"" + indexValue + "\"";
            write(file, text.replaceFirst(java.util.regex.Pattern.quote(from), "\"" + field + "\": \"" + fileValue + "\""));

            LegacyRegistry result = reader.read(registry);

            assertThat(kinds(result)).containsExactly(METADATA_CONTRADICTS_INDEX, MISSING_ACTIVE_VERSION);
            LegacyProblem p = result.problems().get(0);
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.versionId()).isEqualTo(PWR);
            assertThat(p.message()).contains(file.toString(), "'" + field + "'", fileValue, indexValue);
            assertThat(result.version(PWR)).isEmpty();
        }

        @Test
        void reportsTheSameVersionIdUnderTwoModels() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("models_index.json"), "\"version_id\": \"" + COM + "\"",
                    "\"version_id\": \"" + COM + "\"\n      },\n      {\n        \"version_id\": \"" + PWR + "\"");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).filteredOn(p -> p.kind() == DUPLICATE_VERSION_ID).singleElement()
                    .satisfies(p -> {
                        assertThat(p.file()).isEqualTo(registry.resolve("models_index.json"));
                        assertThat(p.versionId()).isEqualTo(PWR);
                        assertThat(p.message()).contains(PWR, PWR_MODEL, "transformer_SMAP-COM-001", "2 times");
                        assertThat(p.blocking()).isTrue();
                    });
            assertThat(result.version(PWR)).isEmpty();
            assertThat(result.model("transformer_SMAP-COM-001").orElseThrow().versions())
                    .extracting(LegacyVersion::versionId).containsExactly(COM);
        }

        @Test
        void reportsMetadataFilesNoModelMentions() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Path orphan = metadata(registry, "deadbeef");
            Files.copy(metadata(registry, PWR), orphan);
            Files.writeString(registry.resolve("metadata/notes.txt"), "not metadata");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::file, LegacyProblem::versionId)
                    .containsExactly(tuple(ORPHAN_METADATA, orphan, "deadbeef"));
            assertThat(result.problems().get(0).message()).contains(orphan.toString());
            assertThat(result.versionCount()).isEqualTo(12);
        }

        @Test
        void reportsVersionsIndexEntriesThatNoModelListsAndModelVersionsItLacks() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("versions_index.json"), "\"" + PWR + "\":", "\"0000abcd\":");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::versionId)
                    .containsExactly(tuple(VERSIONS_INDEX_MISMATCH, "0000abcd"), tuple(VERSIONS_INDEX_MISMATCH, PWR));
            assertThat(result.problems()).noneMatch(LegacyProblem::blocking);
            assertThat(result.version(PWR)).isPresent();
        }

        @Test
        void reportsAnActiveVersionThatIsNotAmongTheModelsVersions() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("models_index.json"), "\"active_version\": \"" + PWR + "\"",
                    "\"active_version\": \"99999999\"");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(MISSING_ACTIVE_VERSION);
                assertThat(p.modelId()).isEqualTo(PWR_MODEL);
                assertThat(p.message()).contains("active_version", "99999999", PWR_MODEL);
                assertThat(p.blocking()).isFalse();
            });
            assertThat(result.hasBlockingProblems()).isFalse();
            assertThat(result.version(PWR)).isPresent();
            assertThat(result.model(PWR_MODEL).orElseThrow().active()).isEmpty();
        }

        @Test
        void reportsAModelWithVersionsButNoActiveVersion() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("models_index.json"), "\"active_version\": \"" + PWR + "\"",
                    "\"active_version\": null");

            LegacyRegistry result = reader.read(registry);

            assertThat(kinds(result)).containsExactly(MISSING_ACTIVE_VERSION);
        }

        @ParameterizedTest(name = "{0} = {2}")
        @CsvSource(delimiter = '|', value = {
                "created_at            | '\"2025-09-29T23:57:26.679550\"' | 12345",
                "created_at            | '\"2025-09-29T23:57:26.679550\"' | '\"yesterday\"'",
                "created_at            | '\"2025-09-29T23:57:26.679550\"' | null",
                "performance_score     | 0.08449109285985841              | '\"0.08\"'",
                "tags                  | '['                              | '\"forecasting\", \"x\": ['",
                "training_config       | '{'                              | '[\"x\"], \"old_config\": {'",
                "model_size_bytes      | 2738220                          | -1",
                "model_size_bytes      | 2738220                          | '\"big\"'",
                "training_time_seconds | 121.39823412895203               | '\"slow\"'",
                "data_hash             | '\"68fef220\"'                   | 30",
                "model_path            | x                                | 42"})
        void reportsAFieldOfTheWrongTypeNamingFileFieldAndValue(String field, String from, String to) {
            Path registry = copyOfRealRegistry(tmp);
            Path file = metadata(registry, PWR);
            if (field.equals("model_path")) {
                replaceIn(file, "\"is_active\"", "\"model_path\": " + to + ",\n  \"is_active\"");
            } else {
                replaceIn(file, "\"" + field + "\": " + from, "\"" + field + "\": " + to);
            }

            LegacyRegistry result = reader.read(registry);

            assertThat(kinds(result)).containsExactly(INVALID_FIELD, MISSING_ACTIVE_VERSION);
            LegacyProblem p = result.problems().get(0);
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.versionId()).isEqualTo(PWR);
            assertThat(p.message()).contains(file.toString(), "'" + field + "'");
            assertThat(result.version(PWR)).isEmpty();
        }

        @Test
        void reportsEveryWrongFieldOfAFileNotJustTheFirst() {
            Path registry = copyOfRealRegistry(tmp);
            Path file = metadata(registry, PWR);
            replaceIn(file, "\"performance_score\": 0.08449109285985841", "\"performance_score\": \"high\"");
            replaceIn(file, "\"model_size_bytes\": 2738220", "\"model_size_bytes\": true");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).filteredOn(p -> p.kind() == INVALID_FIELD)
                    .extracting(LegacyProblem::message)
                    .satisfiesExactlyInAnyOrder(
                            m -> assertThat(m).contains("'model_size_bytes'", "true"),
                            m -> assertThat(m).contains("'performance_score'", "\"high\""));
        }

        @Test
        void refusesVersionIdsThatWouldLeaveTheMetadataFolder() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("models_index.json"), "\"version_id\": \"" + PWR + "\"",
                    "\"version_id\": \"../../../etc/passwd\"");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind)
                    .contains(INVALID_FIELD, ORPHAN_METADATA, MISSING_ACTIVE_VERSION);
            assertThat(result.problems()).filteredOn(p -> p.kind() == INVALID_FIELD).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("version_id", "../../../etc/passwd"));
        }

        @Test
        void reportsAModelKeyThatIsNotTypeAndSensor() {
            Path registry = copyOfRealRegistry(tmp);
            replaceIn(registry.resolve("models_index.json"), "\"" + PWR_MODEL + "\": {", "\"pwr\": {");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::modelId)
                    .containsExactly(tuple(INVALID_FIELD, "pwr"));
            assertThat(result.models()).hasSize(11);
        }

        @Test
        void readsAnEmptyRegistryAsZeroModelsWithoutProblems() throws IOException {
            Path registry = Files.createDirectories(tmp.resolve("registry/metadata"));
            write(tmp.resolve("registry/models_index.json"), "{}");
            write(tmp.resolve("registry/versions_index.json"), "{}");

            LegacyRegistry result = reader.read(registry.getParent());

            assertThat(result.models()).isEmpty();
            assertThat(result.versionCount()).isZero();
            assertThat(result.problems()).isEmpty();
        }

        @Test
        void reportsAMissingModelsIndex() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Files.delete(registry.resolve("models_index.json"));

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::file)
                    .containsExactly(tuple(MISSING_INDEX, registry.resolve("models_index.json")));
            assertThat(result.models()).isEmpty();
        }

        @Test
        void reportsAMissingVersionsIndex() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Files.delete(registry.resolve("versions_index.json"));

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::file)
                    .containsExactly(tuple(MISSING_INDEX, registry.resolve("versions_index.json")));
            assertThat(result.versionCount()).isEqualTo(12);
        }

        @Test
        void reportsAFileThatIsAFolderAsUnreadable() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Files.delete(metadata(registry, PWR));
            Files.createDirectory(metadata(registry, PWR));

            LegacyRegistry result = reader.read(registry);

            assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::file)
                    .containsExactly(
                            tuple(UNREADABLE_FILE, metadata(registry, PWR)),
                            tuple(MISSING_ACTIVE_VERSION, registry.resolve("models_index.json")));
        }

        @Test
        void reportsAFileWithoutReadPermissionAsUnreadable() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Path file = metadata(registry, PWR);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            try {
                assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reading");

                LegacyRegistry result = reader.read(registry);

                assertThat(result.problems()).extracting(LegacyProblem::kind, LegacyProblem::file)
                        .containsExactly(
                                tuple(UNREADABLE_FILE, file),
                                tuple(MISSING_ACTIVE_VERSION, registry.resolve("models_index.json")));
                assertThat(result.problems().get(0).message()).contains(file.toString(), "permission denied");
            } finally {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        @Test
        void reportsAnUnreadableModelsIndex() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Files.delete(registry.resolve("models_index.json"));
            Files.createDirectory(registry.resolve("models_index.json"));

            LegacyRegistry result = reader.read(registry);

            assertThat(kinds(result)).containsExactly(UNREADABLE_FILE);
        }

        @Test
        void throwsASpecificExceptionNamingTheFolderWhenItDoesNotExist() {
            Path missing = tmp.resolve("no/such/registry");

            assertThatThrownBy(() -> reader.read(missing))
                    .isInstanceOf(LegacyRegistryNotFoundException.class)
                    .hasMessageContaining(missing.toString())
                    .hasCauseInstanceOf(NoSuchFileException.class)
                    .satisfies(e -> assertThat(((LegacyRegistryNotFoundException) e).path()).isEqualTo(missing));
        }

        @Test
        void throwsTheSameExceptionWhenTheRegistryIsAFile() {
            Path file = tmp.resolve("registry.json");
            write(file, "{}");

            assertThatThrownBy(() -> reader.read(file))
                    .isInstanceOf(LegacyRegistryNotFoundException.class)
                    .hasMessageContaining("not a folder");
        }

        @Test
        void readsEverythingElseOfARegistryWithSeveralProblems() throws IOException {
            Path registry = copyOfRealRegistry(tmp);
            Files.delete(metadata(registry, PWR));
            write(metadata(registry, COM), "{ \"version\": ");
            write(metadata(registry, "0rphan00"), "{}");

            LegacyRegistry result = reader.read(registry);

            assertThat(result.versionCount()).isEqualTo(10);
            assertThat(result.models()).hasSize(12);
            assertThat(result.blockingProblems()).extracting(LegacyProblem::kind)
                    .containsExactly(ORPHAN_METADATA, MISSING_METADATA, MALFORMED_JSON);
        }
    }
}
