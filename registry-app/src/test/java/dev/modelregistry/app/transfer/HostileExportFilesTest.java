package dev.modelregistry.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelregistry.domain.InconsistentModelException;
import dev.modelregistry.domain.InvalidChangeNoteException;
import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.model.InMemoryUnitOfWork;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionSpec;
import dev.modelregistry.domain.scoring.ScoringPolicy;
import dev.modelregistry.persistence.RegistryDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile export files: each is refused with the file, the line and the reason, and nothing is written. */
class HostileExportFilesTest {

    private static final Instant T0 = Instant.parse("2025-09-30T10:15:30.123456Z");

    @TempDir
    Path tmp;

    private int files;

    @Test
    void aFileThatIsNotAnExportIsRefusedOnItsFirstLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "hello\n");

        assertRefused(file, "notes.txt line 1: is not valid JSON");
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws IOException {
        Path file = edited(3, lines -> {
            lines.set(0, "{\"format\":\"model-registry-export\",\"format_version\":3}");
            return lines;
        });

        assertRefused(file, "line 1: format version 3 is not supported (this registry reads versions 1 and 2)");
    }

    @Test
    void aFileCutAtALineBoundaryIsTruncatedForItHasNoEndLine() throws IOException {
        Path file = edited(3, lines -> new ArrayList<>(lines.subList(0, 3)));

        assertRefused(file, "line 3: has no end line after 2 model(s): the file is truncated");
    }

    @Test
    void aFileCutInsideALineIsTruncated() throws IOException {
        Path file = exportOf(3);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        assertRefused(file, "line 5: the line ends without a newline: the file is truncated");
    }

    @Test
    void aModelThatAppearsTwiceIsRefusedNamingBothLines() throws IOException {
        Path file = edited(3, lines -> {
            lines.set(3, lines.get(1));
            return lines;
        });

        assertRefused(file, "line 4: model telemanom_sensor-000 appears twice (first on line 2)");
    }

    @Test
    void aVersionIdInTwoModelsIsRefused() throws IOException {
        Path file = editedModel(3, 2, model -> {
            ((ObjectNode) model.get("versions").get(1)).put("version_id", "v000-1");
            model.put("active_version", "v000-1");
            ((ObjectNode) model.get("history").get(1)).put("version_id", "v000-1");
            return model;
        });

        assertRefused(file, "line 3: version v000-1 appears twice (first on line 2)");
    }

    @Test
    void aLineLongerThanTheBoundIsRefusedBeforeItIsRead() throws IOException {
        Path file = editedModel(2, 1, model -> {
            model.put("model_id", "x".repeat(5_000));
            return model;
        });

        assertThatThrownBy(() -> new RegistryImport(file, 2_000).check()).isInstanceOf(ExportFileException.class)
                .hasMessageEndingWith("line 2: the line is longer than 2000 bytes");
    }

    @Test
    void anActiveVersionThatIsNotAmongTheVersionsIsRefusedByTheAggregate() throws IOException {
        Path file = editedModel(2, 1, model -> model.put("active_version", "elsewhere"));

        assertThatThrownBy(() -> new RegistryImport(file).check()).isInstanceOf(ExportFileException.class)
                .hasMessageEndingWith("line 2: model telemanom_sensor-000: model telemanom_sensor-000 is inconsistent:"
                        + " active version elsewhere is not among its versions")
                .hasCauseInstanceOf(InconsistentModelException.class);
    }

    @Test
    void aCyclicActivationHistoryIsRefusedByTheAggregate() throws IOException {
        Path file = editedModel(2, 1, model -> {
            ArrayNode history = (ArrayNode) model.get("history");
            ((ObjectNode) history.get(1)).put("previous_version_id", history.get(1).get("version_id").asText());
            return model;
        });

        assertThatThrownBy(() -> new RegistryImport(file).check()).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("line 2: model telemanom_sensor-000: ")
                .hasMessageContaining("history entry #2 replaces v000-1 but the version active before it was v000-0")
                .hasCauseInstanceOf(InconsistentModelException.class);
    }

    @Test
    void anIdTheDomainRefusesIsNamed() throws IOException {
        Path file = editedModel(2, 1, model -> {
            model.put("sensor_id", "bad\u0007id");
            return model;
        });

        assertThatThrownBy(() -> new RegistryImport(file).check()).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("line 2: model telemanom_sensor-000: sensor_id must not contain control characters")
                .hasCauseInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void aMissingOrUnknownFieldIsRefused() throws IOException {
        Path missing = editedModel(2, 1, model -> {
            model.remove("history");
            return model;
        });
        Path unknown = editedModel(2, 1, model -> model.put("colour", "blue"));

        assertRefused(missing, "line 2: is not a valid model line: Missing field 'history'");
        assertRefused(unknown, "line 2: is not a valid model line: Unrecognized field \"colour\"");
        assertThatThrownBy(() -> new RegistryImport(unknown).check()).hasMessageNotContaining("ExportRecords");
    }

    @Test
    void anExportWrittenBeforeAliasesAndChangeNotesStillImportsWithoutThem() throws IOException {
        Path file = editedModel(2, 1, model -> {
            model.get("history").forEach(entry -> ((ObjectNode) entry).remove(List.of("alias", "actor", "note_reason",
                    "note_reference")));
            return model;
        });
        InMemoryModelRepository target = new InMemoryModelRepository();

        assertThat(new RegistryImport(file).into(target, new InMemoryUnitOfWork()).models()).isEqualTo(2);
        assertThat(target.all()).flatExtracting(Model::history).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.note()).isEmpty());
    }

    @Test
    void aChangeNoteIsImportedAsExportedAndABrokenOneIsRefusedNamingItsField() throws IOException {
        Path noted = editedModel(2, 1, model -> {
            ((ObjectNode) model.get("history").get(1)).put("actor", "ops-oncall").put("note_reason", "rollback")
                    .put("note_reference", "INC-42");
            return model;
        });
        Path reasonOnly = editedModel(2, 1, model -> {
            ((ObjectNode) model.get("history").get(1)).put("note_reason", "rollback");
            return model;
        });
        Path invisible = editedModel(2, 1, model -> {
            ((ObjectNode) model.get("history").get(1)).put("actor", "ops\u200b");
            return model;
        });
        InMemoryModelRepository target = new InMemoryModelRepository();

        new RegistryImport(noted).into(target, new InMemoryUnitOfWork());
        assertThat(target.findByPair(SensorId.of("sensor-000"), ModelType.of("telemanom")).orElseThrow().history()
                .get(1).note()).contains(ChangeNote.by("ops-oncall").because("rollback").referencing("INC-42"));
        assertThatThrownBy(() -> new RegistryImport(reasonOnly).check()).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("line 2: model telemanom_sensor-000: change note actor must not be null")
                .hasCauseInstanceOf(InvalidChangeNoteException.class);
        assertThatThrownBy(() -> new RegistryImport(invisible).check()).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("change note actor must not contain control or invisible characters (U+200B");
    }

    @Test
    void anEndLineWithOtherCountsOrALineAfterItIsRefused() throws IOException {
        Path counts = edited(2, lines -> {
            lines.set(3, "{\"end\":{\"models\":3,\"versions\":4}}");
            return lines;
        });
        Path after = edited(2, lines -> {
            lines.add(lines.get(1));
            return lines;
        });

        assertRefused(counts, "line 4: the end line announces 3 model(s) and 4 version(s) but the file holds 2 and 4");
        assertRefused(after, "line 5: comes after the end line");
    }

    @Test
    void aBadModelAfterAFlushedBatchLeavesTheTargetRegistryEmpty() throws IOException {
        int models = RegistryImport.MODELS_PER_BATCH + 5;
        Path file = editedModel(models, models, model -> model.put("active_version", "elsewhere"));

        try (RegistryDatabase target = RegistryDatabase.openSqlite(tmp.resolve("target"))) {
            assertThatThrownBy(() -> new RegistryImport(file).into(target.repository(), target.unitOfWork()))
                    .isInstanceOf(ExportFileException.class).hasMessageContaining("line " + (models + 1) + ": ");

            assertThat(target.readModels().statistics().statistics().totalModels()).isZero();
        }
    }

    @Test
    void anArchivedVersionKeepsItsArchiveTimeThroughExportAndImport() {
        Path file = exportOf(1, model -> model.archive(VersionId.of("v000-0"), false, T0.plusSeconds(10)));

        try (RegistryDatabase target = RegistryDatabase.openSqlite(tmp.resolve("target"))) {
            new RegistryImport(file).into(target.repository(), target.unitOfWork());

            target.unitOfWork().run(() -> {
                Model imported = target.repository().findByVersion(VersionId.of("v000-0")).orElseThrow();
                assertThat(imported.findVersion(VersionId.of("v000-0")).orElseThrow().archivedAt())
                        .contains(T0.plusSeconds(10));
                assertThat(imported.findVersion(VersionId.of("v000-1")).orElseThrow().isArchived()).isFalse();
            });
        }
    }

    @Test
    void aVersionOfAnOlderExportWithoutArchivedAtImportsAsNotArchived() throws IOException {
        Path file = editedModel(1, 1, model -> {
            model.withArray("versions").forEach(version -> ((ObjectNode) version).remove("archived_at"));
            return model;
        });

        try (RegistryDatabase target = RegistryDatabase.openSqlite(tmp.resolve("target"))) {
            new RegistryImport(file).into(target.repository(), target.unitOfWork());

            assertThat(target.readModels().statistics().statistics().archivedVersions()).isZero();
            assertThat(target.readModels().statistics().statistics().totalVersions()).isEqualTo(2);
        }
    }

    @Test
    void aVersionArchivedWithoutAnArchiveEntryInItsHistoryIsRefused() throws IOException {
        Path file = editedModel(1, 1, model -> {
            ((ObjectNode) model.withArray("versions").get(0)).put("archived_at", T0.plusSeconds(10).toString());
            return model;
        });

        assertRefused(file, "version v000-0 is archived at " + T0.plusSeconds(10) + " but its history does not archive it");
    }

    private static void assertRefused(Path file, String endOfMessage) {
        assertThatThrownBy(() -> new RegistryImport(file).check()).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(endOfMessage);
    }

    /** An export of {@code models} models, two versions each (the second one active), edited line by line. */
    private Path edited(int models, UnaryOperator<List<String>> edit) throws IOException {
        Path file = exportOf(models);
        List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The same, with the model on line {@code line} (1-based, header = 1... so model n is on line n + 1) edited as JSON. */
    private Path editedModel(int models, int modelNumber, UnaryOperator<ObjectNode> edit) throws IOException {
        return edited(models, lines -> {
            try {
                ObjectNode model = (ObjectNode) ExportFormat.MAPPER.readTree(lines.get(modelNumber));
                lines.set(modelNumber, ExportFormat.MAPPER.writeValueAsString(edit.apply(model)));
                return lines;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Path exportOf(int models) {
        return exportOf(models, model -> { });
    }

    /** The same, each model changed by {@code change} before the export. */
    private Path exportOf(int models, java.util.function.Consumer<Model> change) {
        InMemoryModelRepository repository = new InMemoryModelRepository();
        for (int i = 0; i < models; i++) {
            Model model = Model.create(SensorId.of(String.format("sensor-%03d", i)), ModelType.of("telemanom"), T0);
            for (int v = 0; v < 2; v++) {
                model.register(VersionId.of(String.format("v%03d-%d", i, v)), spec(0.5 + v * 0.1),
                        ScoringPolicy.defaults(), T0.plusSeconds(v));
            }
            change.accept(model);
            repository.save(model);
        }
        Path file = tmp.resolve("export-" + (++files) + ".jsonl");
        new RegistryExport(repository, new InMemoryUnitOfWork()).writeTo(file);
        return file;
    }

    private static VersionSpec spec(double r2) {
        return new VersionSpec("models/m", Attributes.of(Map.of("epochs", 3)), Attributes.empty(),
                Attributes.of(Map.of("validation_performed", true, "r2_score", r2)), 10, 1.5, "md5", null, Tags.none(),
                DataLineage.ofHash("hash"));
    }
}
