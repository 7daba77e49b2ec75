package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registryAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code registry tag set|rm}, {@code registry describe} (versions and --model), tag filters of {@code search}; text and --json. */
class TagAndDescribeCommandsTest extends TwoVersionsOfOneModel {

    @Override
    ModelRegistration.Builder registration(double anomalyRate) {
        return super.registration(anomalyRate).tags(List.of("anomaly")).description("as registered");
    }

    @Test
    void tagSetAndRmEditAVersionAndShowPrintsKeyValuePairs() {
        CliRun set = registryAt(dir, "tag", "set", candidate, "stage", "shadow");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("Tag stage of version " + candidate + " set to \"shadow\"." + NL);

        CliRun json = registryAt(dir, "tag", "set", candidate, "owner", "Größe 🚀", "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).contains("\"version_id\" : \"" + candidate + "\"")
                .contains("\"tags\" : [ \"anomaly\", \"stage\", \"owner\" ]")
                .contains("\"stage\" : \"shadow\"").contains("\"owner\" : \"Größe 🚀\"");
        assertThat(registryAt(dir, "show", candidate).out()).containsPattern("tags\\s+anomaly, stage=shadow, owner=Größe 🚀");
        assertThat(registryAt(dir, "show", candidate, "--json").out()).contains("\"tag_values\" : {");

        CliRun rm = registryAt(dir, "tag", "rm", candidate, "stage");
        assertThat(rm.out()).isEqualTo("Removed tag stage of version " + candidate + "." + NL);
        CliRun again = registryAt(dir, "tag", "rm", candidate, "stage");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("Version " + candidate + " has no tag stage; nothing changed." + NL);
        assertThat(registryAt(dir, "show", active).out()).containsPattern("tags\\s+anomaly" + NL);
    }

    @Test
    void modelTagsAndDescriptionsAreEditedWithModelAndShownInModelsJson() {
        CliRun set = registryAt(dir, "tag", "set", "--model", "pump 7", "transformer", "team", "ops");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("Tag team of model transformer_pump 7 set to \"ops\"." + NL);
        CliRun describe = registryAt(dir, "describe", "--model", "pump 7", "transformer", "the pump's forecaster", "--json");
        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("\"model_id\" : \"transformer_pump 7\"").contains("\"version_id\" : null")
                .contains("\"description\" : \"the pump's forecaster\"").contains("\"team\" : \"ops\"");

        assertThat(registryAt(dir, "models", "--json").out()).contains("\"description\" : \"the pump's forecaster\"")
                .contains("\"tags\" : [ \"team\" ]");
        assertThat(registryAt(dir, "tag", "rm", "--model", "pump 7", "transformer", "team", "--json").out())
                .contains("\"tags\" : [ ]");
        assertThat(registryAt(dir, "describe", "--model", "pump 7", "transformer", "").out())
                .isEqualTo("Cleared the description of model transformer_pump 7." + NL);
    }

    @Test
    void describeReplacesAndBlankClearsAVersionsDescription() {
        CliRun describe = registryAt(dir, "describe", candidate, "retrained after incident 42");
        assertThat(describe.out()).isEqualTo("Described version " + candidate + "." + NL);
        assertThat(registryAt(dir, "show", candidate).out()).containsPattern("description\\s+retrained after incident 42");
        assertThat(registryAt(dir, "describe", candidate, "  ").out()).startsWith("Cleared the description");
        assertThat(registryAt(dir, "show", candidate, "--json").out()).contains("\"description\" : null");
        assertThat(registryAt(dir, "show", active, "--json").out()).contains("\"description\" : \"as registered\"");
    }

    @Test
    void searchFiltersByTagKeyOrByKeyAndValue() {
        registryAt(dir, "tag", "set", candidate, "stage", "prod");
        registryAt(dir, "tag", "set", active, "stage", "");

        assertThat(registryAt(dir, "search", "--tag-value", "stage=prod").out()).contains(candidate).doesNotContain(active);
        assertThat(registryAt(dir, "search", "--tag-value", "stage=").out()).contains(active).doesNotContain(candidate);
        assertThat(registryAt(dir, "search", "--tag", "stage", "--json").out()).contains(active).contains(candidate);
        assertThat(registryAt(dir, "search", "--tag", "anomaly").out()).contains(active).contains(candidate);
        assertThat(registryAt(dir, "search", "--tag-value", "stage=shadow").out()).isEqualTo("No version matches." + NL);

        CliRun noEquals = registryAt(dir, "search", "--tag-value", "stage");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noEquals.err()).contains("--tag-value must be KEY=VALUE");
        assertThat(registryAt(dir, "search", "--tag", "a", "--tag-value", "b=c").exitCode()).isEqualTo(2);
    }

    @Test
    void oddKeysAndValuesAreRefusedWithOneErrorLineAndNothingChanges() {
        CliRun equals = registryAt(dir, "tag", "set", candidate, "stage=prod", "x");
        assertThat(equals.exitCode()).isEqualTo(1);
        assertThat(equals.err()).startsWith("error: tag key must not contain '='").hasLineCount(1);
        CliRun empty = registryAt(dir, "tag", "set", candidate, "", "x");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).startsWith("error: tag key must not be empty or blank");
        CliRun control = registryAt(dir, "tag", "set", candidate, "stage", "a\u0007b");
        assertThat(control.err()).startsWith("error: tags.stage must not contain control characters");
        CliRun huge = registryAt(dir, "tag", "set", candidate, "stage", "x".repeat(5001));
        assertThat(huge.err()).startsWith("error: tags.stage must be at most 5000 characters").hasLineCount(1);
        assertThat(registryAt(dir, "show", candidate, "--json").out()).contains("\"tag_values\" : { }");
    }

    @Test
    void unknownTargetsAreNamedAndWrongParameterCountsAreUsageErrors() {
        assertThat(registryAt(dir, "tag", "set", "feedfacecafe", "k", "v").err())
                .isEqualTo("error: version feedfacecafe not found" + NL);
        CliRun unknownModel = registryAt(dir, "describe", "--model", "pump 8", "transformer", "x");
        assertThat(unknownModel.exitCode()).isEqualTo(1);
        assertThat(unknownModel.err()).isEqualTo("error: model transformer_pump 8 not found" + NL);
        assertThat(registryAt(dir, "tag").exitCode()).isEqualTo(2);
        CliRun missingValue = registryAt(dir, "tag", "set", candidate, "k");
        assertThat(missingValue.exitCode()).isEqualTo(2);
        assertThat(missingValue.err()).contains("expected VERSION_ID KEY VALUE, got 2 parameter(s)");
        assertThat(registryAt(dir, "tag", "set", "--model", "pump 7", "transformer", candidate, "k", "v").exitCode())
                .isEqualTo(2);
        assertThat(registryAt(dir, "describe", candidate).exitCode()).isEqualTo(2);
    }

    @Test
    void tagsAndDescriptionsTravelThroughExportAndImportAndAVersion1ExportStillImports() throws Exception {
        registryAt(dir, "tag", "set", candidate, "stage", "shadow");
        registryAt(dir, "tag", "set", "--model", "pump 7", "transformer", "team", "ops");
        registryAt(dir, "describe", "--model", "pump 7", "transformer", "the pump's forecaster");
        registryAt(dir, "describe", candidate, "retrained");
        Path exported = tmp.resolve("registry.jsonl");
        assertThat(registryAt(dir, "export", "--out", exported.toString()).exitCode()).isZero();

        String copy = tmp.resolve("copy").toString();
        CliRun imported = registryAt(copy, "import", exported.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(registryAt(copy, "show", candidate, "--json").out()).isEqualTo(registryAt(dir, "show", candidate, "--json").out());
        assertThat(registryAt(copy, "models", "--json").out()).contains("\"description\" : \"the pump's forecaster\"")
                .contains("\"team\" : \"ops\"");

        List<String> lines = java.nio.file.Files.readAllLines(exported);
        lines.set(0, lines.get(0).replace("\"format_version\":2", "\"format_version\":1"));
        for (int i = 1; i < lines.size() - 1; i++) {
            lines.set(i, lines.get(i).replaceAll(",\"description\":\"the pump's forecaster\",\"tags\":\\{[^}]*\\}", "")
                    .replaceAll(",\"tag_values\":\\{[^}]*\\}", ""));
        }
        Path version1 = java.nio.file.Files.write(tmp.resolve("version1.jsonl"), lines);
        assertThat(java.nio.file.Files.readString(version1)).doesNotContain("tag_values").doesNotContain("\"team\"");
        String old = tmp.resolve("old").toString();
        CliRun oldImport = registryAt(old, "import", version1.toString());
        assertThat(oldImport.exitCode()).as(oldImport.toString()).isZero();
        assertThat(registryAt(old, "show", candidate).out()).containsPattern("tags\\s+anomaly, stage" + NL)
                .containsPattern("description\\s+retrained");
        assertThat(registryAt(old, "models", "--json").out()).contains("\"tags\" : [ ]");
    }
}
