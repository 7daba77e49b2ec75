package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.backup.BackupManifest;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry backups list|prune --keep N}: the migration backups beside the legacy registry. */
class BackupsCommandTest {

    private static final String VERIFIED_OLD = "registry_backup_20250101_000000";
    private static final String UNVERIFIED = "registry_backup_20250201_000000";
    private static final String NEWEST_SECOND = "registry_backup_20250301_120000";
    private static final String NEWEST = "registry_backup_20250301_120000_2";
    private static final String LINK = "registry_backup_20250401_000000";
    private static final String LOOKALIKE = "registry_backup_old";
    private static final String PLAIN_FILE = "registry_backup_20250501_000000";

    @TempDir
    Path tmp;

    private Path models;
    private Path legacy;
    private Path outside;

    @BeforeEach
    void aFolderOfBackups() throws IOException {
        models = Files.createDirectories(tmp.resolve("data/models"));
        legacy = Files.createDirectories(models.resolve("registry"));
        backup(VERIFIED_OLD, true, 3000);
        backup(UNVERIFIED, false, 10);
        backup(NEWEST_SECOND, false, 20);
        backup(NEWEST, false, 30);
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(models.resolve(LINK), outside);
        Files.writeString(Files.createDirectories(models.resolve(LOOKALIKE)).resolve("notes.txt"), "mine");
        Files.writeString(models.resolve(PLAIN_FILE), "a file");
    }

    @Test
    void listShowsEveryBackupNewestFirstWithItsDateSizeAndVerifiedFlag() {
        CliRun list = registry("backups", "list", "--old-path", legacy.toString());

        assertThat(list.exitCode()).as(list.toString()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("Migration backups in " + models);
        assertThat(lines.get(1)).matches("backup +created +size +verified");
        assertThat(lines.subList(3, 7)).satisfiesExactly(
                row -> assertThat(row).matches(NEWEST + " +2025-03-01 12:00:00 +30 B +no"),
                row -> assertThat(row).matches(NEWEST_SECOND + " +2025-03-01 12:00:00 +20 B +no"),
                row -> assertThat(row).matches(UNVERIFIED + " +2025-02-01 00:00:00 +10 B +no"),
                row -> assertThat(row).matches(VERIFIED_OLD + " +2025-01-01 00:00:00 +"
                        + java.util.regex.Pattern.quote(BackupsCommand.size(sizeOf(VERIFIED_OLD))) + " +yes"));
    }

    @Test
    void pruneKeepZeroNeverDeletesTheNewestVerifiedBackup() {
        CliRun prune = registry("backups", "prune", "--keep", "0", "--old-path", legacy.toString());

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        assertThat(prune.out()).startsWith("Deleted 3 backups in " + models + ":");
        assertThat(names()).containsExactlyInAnyOrder(VERIFIED_OLD, LINK, LOOKALIKE, PLAIN_FILE, "registry");
    }

    @Test
    void pruneKeepsTheNewestNAndTheNewestVerifiedOne() {
        CliRun prune = registry("backups", "prune", "--keep", "1", "--old-path", legacy.toString());

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        assertThat(prune.out()).contains("  - " + NEWEST_SECOND + " (20 B, not verified)")
                .contains("  - " + UNVERIFIED + " (10 B, not verified)");
        assertThat(names()).contains(NEWEST, VERIFIED_OLD).doesNotContain(NEWEST_SECOND, UNVERIFIED);
    }

    @Test
    void withoutAnyVerifiedBackupTheNewestOneIsKept() throws IOException {
        Files.delete(models.resolve(VERIFIED_OLD).resolve(BackupManifest.FILE_NAME));

        assertThat(registry("backups", "prune", "--keep", "0", "--old-path", legacy.toString()).exitCode()).isZero();

        assertThat(names()).contains(NEWEST).doesNotContain(NEWEST_SECOND, UNVERIFIED, VERIFIED_OLD);
    }

    @Test
    void linksFilesAndLookalikeFoldersAreNeitherListedNorTouched() throws IOException {
        assertThat(registry("backups", "list", "--old-path", legacy.toString()).out())
                .doesNotContain(LINK).doesNotContain(LOOKALIKE).doesNotContain(PLAIN_FILE);

        registry("backups", "prune", "--keep", "0", "--old-path", legacy.toString());

        assertThat(models.resolve(LINK)).isSymbolicLink();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
        assertThat(models.resolve(LOOKALIKE).resolve("notes.txt")).hasContent("mine");
        assertThat(models.resolve(PLAIN_FILE)).hasContent("a file");
    }

    @Test
    void aLinkInsideAPrunedBackupIsRemovedAsALinkAndItsTargetStays() throws IOException {
        Files.createSymbolicLink(models.resolve(UNVERIFIED).resolve("link-out"), outside);

        registry("backups", "prune", "--keep", "0", "--old-path", legacy.toString());

        assertThat(models.resolve(UNVERIFIED)).doesNotExist();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void aDryRunNamesWhatWouldGoAndDeletesNothing() {
        CliRun dryRun = registry("backups", "prune", "--keep", "0", "--dry-run", "--old-path", legacy.toString());

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).startsWith("Would delete 3 backups in " + models + " (dry run: nothing was deleted):");
        assertThat(names()).contains(NEWEST, NEWEST_SECOND, UNVERIFIED, VERIFIED_OLD);
    }

    @Test
    void aNegativeKeepIsAUsageErrorNamingTheOption() {
        CliRun run = registry("backups", "prune", "--keep", "-1", "--old-path", legacy.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --keep must be 0 or more, got -1");
        assertThat(names()).contains(NEWEST, NEWEST_SECOND, UNVERIFIED, VERIFIED_OLD);
    }

    @Test
    void theBackupOfARealMigrationIsVerified() {
        Path real = LegacyFixtures.copyOfRealRegistry(tmp.resolve("fresh"));
        CliRun migrate = registry("migrate", "--old-path", real.toString(), "--new-path",
                tmp.resolve("fresh/registry_sqlite").toString());
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();

        CliRun list = registry("backups", "list", "--old-path", real.toString());

        assertThat(list.out()).containsPattern("registry_backup_\\d{8}_\\d{6}\\s+\\S+ \\S+\\s+\\S+ \\S*B\\s+yes");
    }

    private void backup(String name, boolean verified, int bytes) throws IOException {
        Path dir = Files.createDirectories(models.resolve(name).resolve("metadata"));
        Files.write(dir.resolve("v.json"), new byte[bytes]);
        if (verified) {
            BackupManifest.write(models.resolve(name), legacy, 1, bytes, Instant.parse("2025-01-01T00:00:00Z"));
        }
    }

    private long sizeOf(String name) {
        try (Stream<Path> files = Files.walk(models.resolve(name))) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> names() {
        try (Stream<Path> entries = Files.list(models)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
