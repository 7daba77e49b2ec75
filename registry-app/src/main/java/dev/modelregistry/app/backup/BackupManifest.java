package dev.modelregistry.app.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The mark of a verified migration backup: {@value #FILE_NAME} inside the backup folder, written
 * (atomically) only after every file of the copy was read back and matched its original's SHA-256.
 * A backup without it, or with one that does not parse, is unverified: interrupted, failed, or
 * made before backups were marked.
 */
public final class BackupManifest {

    public static final String FILE_NAME = "BACKUP-VERIFIED.json";
    static final String FORMAT = "model-registry-backup";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupManifest() {
    }

    /** Marks {@code backupDir}, a verified copy of {@code source} holding {@code files} files, {@code bytes} in all. */
    public static void write(Path backupDir, Path source, long files, long bytes, Instant verifiedAt) throws IOException {
        ObjectNode manifest = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("source", source.toAbsolutePath().normalize().toString())
                .put("verified_at", verifiedAt.toString())
                .put("files", files)
                .put("bytes", bytes)
                .put("check", "every file read back and compared with its original by SHA-256");
        Path temporary = backupDir.resolve(FILE_NAME + ".partial");
        Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        Files.move(temporary, backupDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether the folder carries a well-formed manifest (a regular file, not a link). */
    static boolean isVerified(Path backupDir) {
        Path file = backupDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            JsonNode manifest = JSON.readTree(file.toFile());
            return manifest != null && FORMAT.equals(manifest.path("format").asText()) && manifest.has("verified_at");
        } catch (IOException e) {
            return false;
        }
    }
}
