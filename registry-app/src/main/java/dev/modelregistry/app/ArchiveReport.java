package dev.modelregistry.app;

import java.util.Optional;

/**
 * What an archive did (R15): the version, whether it was archived now ({@code false}: it already
 * was, nothing changed), the version active afterwards and whether it was re-elected because the
 * archived version had been the active one (a forced archive).
 */
public record ArchiveReport(String versionId, boolean archived, Optional<String> activeVersionAfter,
                            boolean reelected) {
}
