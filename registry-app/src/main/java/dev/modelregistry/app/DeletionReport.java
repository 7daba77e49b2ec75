package dev.modelregistry.app;

import dev.modelregistry.domain.artifact.ArtifactRemoval;
import java.util.Optional;

/**
 * What a delete did: the version removed, the version active afterwards (after a forced delete
 * of the active one, the re-elected one), and what happened to the artifact if asked.
 */
public record DeletionReport(String versionId, Optional<String> activeVersionAfter,
                             Optional<ArtifactRemoval> artifact) {
}
