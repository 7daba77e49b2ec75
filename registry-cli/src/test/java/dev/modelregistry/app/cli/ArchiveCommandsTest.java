package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registryAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code registry archive} (R15), text and {@code --json}; archived versions in {@code show},
 * {@code versions}/{@code search} only with {@code --archived}, {@code models} and {@code stats}
 * counting them apart, {@code cleanup --archive}, and an export round trip.
 */
class ArchiveCommandsTest extends TwoVersionsOfOneModel {

    @Test
    void archiveKeepsTheVersionOnRecordShowSaysSoAndListingsLeaveItOutUnlessAsked() {
        CliRun archive = registryAt(dir, "archive", candidate, "--actor", "ops-oncall", "--reason", "superseded",
                "--ref", "OPS-7");
        assertThat(archive.exitCode()).as(archive.toString()).isZero();
        assertThat(archive.out()).isEqualTo("Archived " + candidate + " of transformer_pump 7; it stays on record but"
                + " leaves the elections and the default listings." + NL);

        assertThat(registryAt(dir, "show", candidate).out()).startsWith("Version " + candidate + " (archived)")
                .containsPattern("archived\\s+since 20");
        assertThat(registryAt(dir, "show", candidate, "--json").out()).containsPattern("\"archived_at\" : \"20");
        assertThat(registryAt(dir, "show", active, "--json").out()).contains("\"archived_at\" : null");
        assertThat(registryAt(dir, "versions", "--sensor", "pump 7", "--type", "transformer").out())
                .doesNotContain(candidate).contains(active);
        assertThat(registryAt(dir, "versions", "--sensor", "pump 7", "--type", "transformer", "--archived").out())
                .contains("a = archived").containsPattern("a\\s+" + candidate);
        assertThat(registryAt(dir, "versions", "--sensor", "pump 7", "--archived", "--json").out())
                .contains(candidate).contains("\"archived_at\" : \"20");
        assertThat(registryAt(dir, "versions", "--sensor", "pump 7").out()).doesNotContain(candidate);
        assertThat(registryAt(dir, "search", "--sensor", "pump 7").out()).doesNotContain(candidate);
        assertThat(registryAt(dir, "search", "--sensor", "pump 7", "--archived").out()).contains(candidate);
        assertThat(registryAt(dir, "models").out()).contains("1 (+1 archived)");
        assertThat(registryAt(dir, "models", "--json").out()).contains("\"archived_count\" : 1");
        assertThat(registryAt(dir, "stats").out()).containsPattern("versions\\s+2 \\(1 archived\\)");
        assertThat(registryAt(dir, "stats", "--json").out()).contains("\"archived_versions\" : 1");
        CliRun history = registryAt(dir, "history", "--sensor", "pump 7", "--type", "transformer", "--json");
        assertThat(history.out()).contains("\"reason\" : \"ARCHIVED\"").contains("\"actor\" : \"ops-oncall\"");

        CliRun again = registryAt(dir, "archive", candidate, "--json");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("\"changed\" : false").contains("\"archived\" : true");
    }

    @Test
    void theActiveVersionNeedsForceAndAnArchivedVersionCannotBePromoted() {
        CliRun refused = registryAt(dir, "archive", active);
        assertThat(refused.exitCode()).isEqualTo(RegistryCli.FAILED);
        assertThat(refused.err()).contains("is the active version").contains("force the archive");

        CliRun forced = registryAt(dir, "archive", active, "--force", "--json");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("\"active_version\" : \"" + candidate + "\"").contains("\"reelected\" : true");

        CliRun promote = registryAt(dir, "promote", active);
        assertThat(promote.exitCode()).isEqualTo(RegistryCli.FAILED);
        assertThat(promote.err()).contains("is archived: it cannot be promoted");
        CliRun last = registryAt(dir, "archive", candidate, "--force");
        assertThat(last.exitCode()).isEqualTo(RegistryCli.FAILED);
        assertThat(last.err()).contains("no other version of it is in elections");

        CliRun undo = registryAt(dir, "archive", "--undo", active);
        assertThat(undo.exitCode()).as(undo.toString()).isZero();
        assertThat(undo.out()).isEqualTo("Unarchived " + active + " of transformer_pump 7: it takes part in elections"
                + " again (active version: " + candidate + ")." + NL);
        assertThat(registryAt(dir, "promote", active).exitCode()).isZero();
    }

    @Test
    void cleanupArchiveArchivesWhatADeletingCleanupWouldDelete() {
        CliRun dryRun = registryAt(dir, "cleanup", "--keep", "1", "--archive", "--dry-run");
        assertThat(dryRun.out()).startsWith("Dry run: would archive 0 versions");

        try (dev.modelregistry.app.ModelRegistry registry = dev.modelregistry.app.ModelRegistrySQLite.open(
                java.nio.file.Path.of(dir))) {
            registry.registerModel(registration(0.09).build());
        }
        CliRun cleanup = registryAt(dir, "cleanup", "--keep", "1", "--archive", "--json");
        assertThat(cleanup.exitCode()).as(cleanup.toString()).isZero();
        assertThat(cleanup.out()).contains("\"mode\" : \"archive\"").contains("\"versions_archived\" : 1")
                .contains("\"versions_deleted\" : 0").contains(candidate);
        assertThat(registryAt(dir, "versions", "--sensor", "pump 7", "--type", "transformer", "--archived").out())
                .containsPattern("a\\s+" + candidate);

        CliRun both = registryAt(dir, "cleanup", "--keep", "1", "--archive", "--delete-artifacts");
        assertThat(both.exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(both.err()).contains("--archive keeps the versions and their files");
    }

    @Test
    void exportAndImportKeepTheArchivedVersion() {
        registryAt(dir, "archive", candidate);
        String file = tmp.resolve("export.jsonl").toString();
        String copy = tmp.resolve("copy").toString();

        assertThat(registryAt(dir, "export", "--out", file).exitCode()).isZero();
        CliRun imported = registryAt(copy, "import", file);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        assertThat(registryAt(copy, "show", candidate).out()).startsWith("Version " + candidate + " (archived)");
        assertThat(registryAt(copy, "versions", "--sensor", "pump 7", "--type", "transformer").out())
                .doesNotContain(candidate);
    }
}
