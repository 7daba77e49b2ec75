package dev.modelregistry.app.backup;

import dev.modelregistry.app.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration backups beside a legacy registry folder (its siblings named
 * {@code registry_backup_YYYYMMDD_HHMMSS} or {@code ..._N}), and their retention.
 *
 * <p>Only real folders with exactly that name are backups: symbolic links, files and folders with
 * other names (e.g. {@code registry_backup_old}) are never listed, counted or deleted. Pruning
 * never deletes the newest verified backup, nor, when none is verified, the newest backup.
 */
public final class MigrationBackups {

    private static final Pattern NAME = Pattern.compile("registry_backup_(\\d{8}_\\d{6})(?:_(\\d{1,9}))?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss");
    private static final Comparator<MigrationBackup> NEWEST_FIRST = Comparator
            .comparing(MigrationBackup::createdAt).thenComparing(MigrationBackup::sequence).reversed();

    private final Path folder;

    private MigrationBackups(Path folder) {
        this.folder = folder;
    }

    /** The backups of the legacy registry at {@code legacyDir}: they live in its parent folder. */
    public static MigrationBackups of(Path legacyDir) {
        return new MigrationBackups(legacyDir.toAbsolutePath().normalize().getParent());
    }

    public Path folder() {
        return folder;
    }

    /** Every backup, newest first. */
    public List<MigrationBackup> list() {
        List<MigrationBackup> backups = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return backups;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "registry_backup_*")) {
            for (Path entry : entries) {
                backupAt(entry).ifPresent(backups::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        backups.sort(NEWEST_FIRST);
        return backups;
    }

    /**
     * The backups {@link #prune} would delete: all but the newest {@code keep}, and never the
     * newest verified one (nor the newest of all when none is verified).
     */
    public List<MigrationBackup> prunable(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative, got " + keep);
        }
        List<MigrationBackup> newestFirst = list();
        Optional<MigrationBackup> protectedOne = newestFirst.stream().filter(MigrationBackup::verified).findFirst()
                .or(() -> newestFirst.stream().findFirst());
        List<MigrationBackup> doomed = new ArrayList<>();
        for (MigrationBackup backup : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
            if (!protectedOne.map(backup::equals).orElse(false)) {
                doomed.add(backup);
            }
        }
        return doomed;
    }

    /** Deletes what {@link #prunable} names, oldest first; returns what was deleted. */
    public List<MigrationBackup> prune(int keep) {
        List<MigrationBackup> doomed = new ArrayList<>(prunable(keep));
        doomed.sort(NEWEST_FIRST.reversed());
        for (MigrationBackup backup : doomed) {
            deleteTree(backup.path());
        }
        return doomed;
    }

    private static Optional<MigrationBackup> backupAt(Path entry) {
        Matcher name = NAME.matcher(entry.getFileName().toString());
        if (!name.matches() || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            LocalDateTime createdAt = LocalDateTime.parse(name.group(1), STAMP);
            int sequence = name.group(2) == null ? 1 : Integer.parseInt(name.group(2));
            return Optional.of(new MigrationBackup(entry, createdAt, sequence, sizeOf(entry),
                    BackupManifest.isVerified(entry)));
        } catch (DateTimeParseException notAStamp) {
            return Optional.empty();
        }
    }

    /** The bytes of the regular files inside, links not followed. */
    private static long sizeOf(Path dir) {
        long[] bytes = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        bytes[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir + ": " + e.getMessage(), e);
        }
        return bytes[0];
    }

    /** Deletes a folder and what it holds; links inside are removed as links, never followed. */
    private static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the backup " + dir + ": " + e.getMessage(), e);
        }
    }
}
