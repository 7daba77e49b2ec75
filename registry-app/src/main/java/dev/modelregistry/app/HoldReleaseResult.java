package dev.modelregistry.app;

/**
 * What {@link ModelRegistry#releaseHold} did (R14).
 *
 * @param heldVersion   the version that was held
 * @param activeVersion the version active now: the one that would have been active without the hold
 * @param changed       whether the release changed the active version (false: the held one stays)
 */
public record HoldReleaseResult(String modelId, String heldVersion, String activeVersion, boolean changed) {
}
