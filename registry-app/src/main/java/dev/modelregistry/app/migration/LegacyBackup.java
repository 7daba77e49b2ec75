package dev.modelregistry.app.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * M3: a copy of the legacy folder in a new sibling {@code registry_backup_YYYYMMDD_HHMMSS}
 * (never an existing one: a suffix is added instead), verified file by file with SHA-256.
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
     * Copies and verifies. On any failure the partial copy is removed and the exception says
     * which file failed; the legacy folder is only read.
     */
    static Path create(Path legacyDir, LocalDateTime now) {
        Path target = plannedPath(legacyDir, now);
        try {
            Files.createDirectory(target);
            List<Path> files = copyTree(legacyDir, target);
            for (Path relative : files) {
                String original = sha256(legacyDir.resolve(relative));
                String copy = sha256(target.resolve(relative));
                if (!original.equals(copy)) {
                    throw new IOException("backup copy of " + legacyDir.resolve(relative) + " differs from the original (SHA-256 "
                            + copy + " instead of " + original + ")");
                }
            }
            return target;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(target);
            String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new BackupFailedException("backup of " + legacyDir + " to " + target + " failed: " + message, e);
        }
    }

    private static List<Path> copyTree(Path source, Path target) throws IOException {
        List<Path> copied = new ArrayList<>();
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
                Path relative = source.relativize(file);
                Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile()) {
                    copied.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return copied;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
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
