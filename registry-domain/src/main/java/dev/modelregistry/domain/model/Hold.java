package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A model's hold (R14): its active version {@code heldVersion} is frozen since {@code since};
 * {@code releaseWinner} is the version that would be active without the hold, the one a release
 * makes active ({@code heldVersion} itself when no other would have taken over).
 */
public record Hold(VersionId heldVersion, Instant since, VersionId releaseWinner) {

    public Hold {
        Objects.requireNonNull(heldVersion, "heldVersion");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(releaseWinner, "releaseWinner");
    }

    /** Whether a release would change the active version. */
    public boolean releaseChangesActiveVersion() {
        return !releaseWinner.equals(heldVersion);
    }
}
