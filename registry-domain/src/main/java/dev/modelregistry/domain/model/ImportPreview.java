package dev.modelregistry.domain.model;

import java.util.Optional;

/**
 * What an import into a model does (or would do, M1): how many versions it adds, which version
 * is active afterwards, and how that version got there.
 *
 * @param added       versions added
 * @param activeAfter the active version afterwards; empty only for a model left without versions
 * @param activation  MIGRATED (the recorded active version), REELECTED (the {@link Reelection}
 *                    winner, the recorded one being missing) or empty (the active version stays)
 */
public record ImportPreview(int added, Optional<VersionId> activeAfter, Optional<ActivationReason> activation) {

    public boolean reelects() {
        return activation.filter(ActivationReason.REELECTED::equals).isPresent();
    }
}
