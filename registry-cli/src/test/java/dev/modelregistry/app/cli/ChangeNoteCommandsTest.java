package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registryAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Who and why on the command line: {@code --actor}, {@code --reason}, {@code --ref} and what {@code history} shows. */
class ChangeNoteCommandsTest extends TwoVersionsOfOneModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliRun ok(String... args) {
        CliRun run = registryAt(dir, args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private JsonNode history(String registry) {
        try {
            return JSON.readTree(registryAt(registry, "history", "--sensor", "pump 7", "--type", "transformer", "--json")
                    .out()).get("history");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPromotionRecordsTheActorReasonAndReferenceAndTheHistoryShowsThem() {
        ok("promote", candidate, "--actor", "ops-oncall", "--reason", "rollback after incident 42", "--ref", "INC-42");

        JsonNode promoted = history(dir).get(1);
        assertThat(promoted.get("reason").asText()).isEqualTo("PROMOTED");
        assertThat(promoted.get("actor").asText()).isEqualTo("ops-oncall");
        assertThat(promoted.get("note_reason").asText()).isEqualTo("rollback after incident 42");
        assertThat(promoted.get("note_reference").asText()).isEqualTo("INC-42");
        assertThat(history(dir).get(0).get("actor").isNull()).isTrue();
        String text = ok("history", "--sensor", "pump 7", "--type", "transformer").out();
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("Activation history of transformer_pump 7 (oldest first)");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).endsWith("by          note");
        assertThat(text.lines().filter(line -> line.contains("PROMOTED")).findFirst().orElseThrow())
                .endsWith("ops-oncall  rollback after incident 42 (INC-42)");
    }

    @Test
    void withoutActorTheOperatingSystemUserIsRecorded() {
        ok("alias", "set", candidate, "challenger", "--reason", "A/B test\nweek 12");
        ok("alias", "rm", "pump 7", "transformer", "challenger", "--ref", "EXP-7");
        ok("delete", active, "--force", "--actor", "Jürgen Müller");

        JsonNode history = history(dir);
        String user = System.getProperty("user.name");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("ALIAS_SET");
        assertThat(history.get(1).get("actor").asText()).isEqualTo(user);
        assertThat(history.get(1).get("note_reason").asText()).isEqualTo("A/B test\nweek 12");
        assertThat(history.get(2).get("actor").asText()).isEqualTo(user);
        assertThat(history.get(2).get("note_reason").isNull()).isTrue();
        assertThat(history.get(2).get("note_reference").asText()).isEqualTo("EXP-7");
        assertThat(history.get(3).get("reason").asText()).isEqualTo("REELECTED");
        assertThat(history.get(3).get("actor").asText()).isEqualTo("Jürgen Müller");
        assertThat(ok("history", "--sensor", "pump 7", "--type", "transformer").out())
                .contains("A/B test week 12").contains("(EXP-7)");
    }

    private JsonNode okJson(String... args) {
        try {
            return JSON.readTree(ok(args).out());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The note keys of a command's --json, as history --json shows them. */
    private static java.util.List<String> noteOf(JsonNode json) {
        return java.util.stream.Stream.of("actor", "note_reason", "note_reference")
                .map(key -> json.get(key).isNull() ? null : json.get(key).asText()).toList();
    }

    @Test
    void promoteDeleteAndAliasSetAndRmEchoTheRecordedNoteInJsonWithTheKeysOfTheHistory() {
        JsonNode aliasSet = okJson("alias", "set", candidate, "challenger", "--actor", "ml-team", "--reason", "A/B test",
                "--ref", "EXP-7", "--json");
        JsonNode aliasRm = okJson("alias", "rm", "pump 7", "transformer", "challenger", "--actor", "ml-team", "--json");
        JsonNode promoted = okJson("promote", candidate, "--actor", "ops-oncall", "--reason", "rollback after incident 42",
                "--ref", "INC-42", "--json");
        JsonNode deleted = okJson("delete", candidate, "--force", "--reason", "bad weights", "--json");

        JsonNode history = history(dir);
        String user = System.getProperty("user.name");
        assertThat(noteOf(aliasSet)).containsExactly("ml-team", "A/B test", "EXP-7").isEqualTo(noteOf(history.get(1)));
        assertThat(noteOf(aliasRm)).containsExactly("ml-team", null, null).isEqualTo(noteOf(history.get(2)));
        assertThat(noteOf(promoted)).containsExactly("ops-oncall", "rollback after incident 42", "INC-42")
                .isEqualTo(noteOf(history.get(3)));
        assertThat(noteOf(deleted)).containsExactly(user, "bad weights", null).isEqualTo(noteOf(history.get(4)));
        assertThat(history.get(4).get("reason").asText()).isEqualTo("REELECTED");
        assertThat(promoted.get("changed").asBoolean()).isTrue();
    }

    @Test
    void holdReleaseAndArchiveEchoTheRecordedNoteInJsonWithTheKeysOfTheHistory() {
        JsonNode held = okJson("hold", "pump 7", "transformer", "--actor", "ops-oncall", "--reason", "audit",
                "--ref", "AUD-1", "--json");
        JsonNode released = okJson("release", "pump 7", "transformer", "--actor", "ops-oncall", "--json");
        JsonNode archived = okJson("archive", candidate, "--reason", "superseded", "--json");

        JsonNode history = history(dir);
        String user = System.getProperty("user.name");
        assertThat(noteOf(held)).containsExactly("ops-oncall", "audit", "AUD-1").isEqualTo(noteOf(history.get(1)));
        assertThat(history.get(1).get("reason").asText()).isEqualTo("HOLD_STARTED");
        assertThat(noteOf(released)).containsExactly("ops-oncall", null, null).isEqualTo(noteOf(history.get(2)));
        assertThat(history.get(2).get("reason").asText()).isEqualTo("HOLD_RELEASED");
        assertThat(noteOf(archived)).containsExactly(user, "superseded", null)
                .isEqualTo(noteOf(history.get(history.size() - 1)));
        assertThat(history.get(history.size() - 1).get("reason").asText()).isEqualTo("ARCHIVED");
    }

    @Test
    void aRefusedNoteIsAUsageErrorNamingTheOptionAndWritesNothing() {
        CliRun blank = registryAt(dir, "promote", candidate, "--actor", "  ");
        CliRun escape = registryAt(dir, "alias", "set", candidate, "challenger", "--reason", "red \u001b[31m");
        CliRun longRef = registryAt(dir, "delete", candidate, "--ref", "x".repeat(257));

        assertThat(blank.exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(blank.err()).startsWith("error: --actor: change note actor must not be empty or blank");
        assertThat(escape.exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(escape.err()).startsWith("error: --reason: change note reason must not contain control characters");
        assertThat(longRef.exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(longRef.err()).startsWith("error: --ref: change note reference must be at most 256 characters");
        assertThat(history(dir)).hasSize(1);
        assertThat(ok("versions", "--sensor", "pump 7").out()).contains(candidate);
    }

    @Test
    void longReasonsAreCutInTheTableAndWholeInJson() {
        String reason = "r".repeat(500);
        ok("promote", candidate, "--reason", reason);

        assertThat(history(dir).get(1).get("note_reason").asText()).isEqualTo(reason);
        assertThat(ok("history", "--sensor", "pump 7", "--type", "transformer").out())
                .contains("r".repeat(80) + "...").doesNotContain("r".repeat(81));
    }

    @Test
    void anExportImportedIntoAFreshRegistryKeepsTheNotes() {
        ok("promote", candidate, "--actor", "ops-oncall", "--reason", "rollback", "--ref", "INC-42");
        String file = tmp.resolve("export.jsonl").toString();
        String copy = tmp.resolve("copy").toString();

        ok("export", "--out", file);
        CliRun imported = registryAt(copy, "import", file);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        assertThat(history(copy)).isEqualTo(history(dir));
        assertThat(history(copy).get(1).get("actor").asText()).isEqualTo("ops-oncall");
    }
}
