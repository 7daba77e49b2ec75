package dev.modelregistry.app.migration;

import dev.modelregistry.app.backup.BackupManifest;
import dev.modelregistry.app.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * M3: a copy of the legacy folder in a new sibling {@code registry_backup_YYYYMMDD_HHMMSS}
 * (never an existing one: a suffix is added instead), verified file by file with SHA-256: the
 * hash of the bytes read from each legacy file while copying it must equal the hash of the copy
 * read back. A verified copy is marked with {@link BackupManifest} ({@code BACKUP-VERIFIED.json}),
 * written last: a copy without it was not verified.
 */
final class LegacyBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private LegacyBackup() {
    }

    /** The folder a backup made at {@code now} would go to. */
    static Path plannedPath(Path legacyDir, LocalDateTime now) {
        Path parent = legacyDir.toAbsolutePath().normalize().getParent();
        String base = "registry_backup_" + STAMP.format(now);
        Path candidate = parent.resolve(base);
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = parent.resolve(base + "_" + n);
        }
        return candidate;
    }

    /**
     * Copies and verifies. Each file is hashed (SHA-256) while it is copied, from the bytes read
     * from the legacy file, and the written copy is then read back and must hash the same; on any
     * failure or mismatch the partial copy is removed and the exception says which file failed.
     * The legacy folder is only read, once.
     */
    static Path create(Path legacyDir, LocalDateTime now) {
        Path target = plannedPath(legacyDir, now);
        try {
            Files.createDirectory(target);
            long[] filesAndBytes = copyTree(legacyDir, target);
            BackupManifest.write(target, legacyDir, filesAndBytes[0], filesAndBytes[1], Instant.now());
            return target;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(target);
            String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new BackupFailedException("backup of " + legacyDir + " to " + target + " failed: " + message, e);
        }
    }

    /** Copies and verifies every file; returns how many regular files were copied and their bytes. */
    private static long[] copyTree(Path source, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long[] filesAndBytes = {0, 0};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path destination = target.resolve(source.relativize(dir).toString());
                if (!dir.equals(source)) {
                    Files.createDirectory(destination);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                if (!attrs.isRegularFile()) { // a link or special file is copied as such, not verified
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
                String original = copyHashing(file, copy, buffer);
                copyAttributes(file, copy, attrs);
                String copied = sha256(copy, buffer);
                if (!original.equals(copied)) {
                    throw new IOException("backup copy of " + file + " differs from the original (SHA-256 "
                            + copied + " instead of " + original + ")");
                }
                filesAndBytes[0]++;
                filesAndBytes[1] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return filesAndBytes;
    }

    /** Copies a regular file's bytes and returns the SHA-256 of the bytes read from it. */
    private static String copyHashing(Path file, Path copy, byte[] buffer) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             OutputStream out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What {@code COPY_ATTRIBUTES} keeps: times, and POSIX permissions where the file system has them. */
    private static void copyAttributes(Path file, Path copy, BasicFileAttributes attrs) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(copy, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            posix.setPermissions(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
        }
        Files.getFileAttributeView(copy, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(attrs.lastModifiedTime(), attrs.lastAccessTime(), attrs.creationTime());
    }

    private static String sha256(Path file, byte[] buffer) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Removes a backup made for an import that does not run; nothing when {@code backup} is null. */
    static void discard(Path backup) {
        if (backup != null) {
            deleteQuietly(backup);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            FileTrees.delete(folder);
        } catch (IOException ignored) {
            // the failure being reported matters more than the leftover copy
        }
    }

    /** The backup could not be made or verified. */
    static final class BackupFailedException extends RuntimeException {
        BackupFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
