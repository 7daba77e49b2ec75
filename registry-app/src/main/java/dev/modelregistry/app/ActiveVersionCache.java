package dev.modelregistry.app;

/**
 * Whether a registry keeps the answers of {@link ModelRegistry#getActiveModelVersion} and
 * {@link ModelRegistry#getActiveModel} in memory (README, "Cache of active versions").
 */
public enum ActiveVersionCache {
    /** Every call reads the database (the default). */
    NONE,
    /**
     * Answers from memory, kept coherent by the change feed: never stale after this process's own
     * write, at most about a second behind another process's write; reads through to the database
     * while the feed is not caught up.
     */
    IN_PROCESS
}
