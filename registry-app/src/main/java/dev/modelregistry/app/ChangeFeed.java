package dev.modelregistry.app;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The change feed port behind {@link ModelRegistry#activationChangesSince} and
 * {@link ModelRegistry#onActivationChange}: changes of active versions in commit order, each with
 * its cursor. Arguments arrive checked.
 */
public interface ChangeFeed {

    /** The most changes one read returns. */
    int MAX_LIMIT = 1000;

    /** Up to {@code limit} changes with a cursor above {@code cursor}, in commit order. */
    List<ActivationEvent> changesSince(long cursor, int limit);

    /**
     * Delivers every change with a cursor above {@code afterCursor} (negative: from now on) to
     * {@code listener} on the feed's thread, each once and in order, until the handle is closed.
     */
    AutoCloseable subscribe(long afterCursor, Consumer<ActivationEvent> listener);

    /**
     * Calls {@code listener} with the sensor id and model type of each model whose active version
     * a commit of this process changed, on the committing thread, before the write call returns.
     */
    AutoCloseable onOwnCommit(BiConsumer<String, String> listener);

    /**
     * Tells the {@link #onOwnCommit} listeners that a commit of this process changed what the
     * model's versions show (a tag or a description) without changing its active version.
     */
    void ownEditCommitted(String sensorId, String modelType);

    /**
     * Whether every change committed more than {@code bound} ago has reached the subscribers:
     * false while the feed's thread is not running or has lost its connection.
     */
    boolean caughtUpWithin(Duration bound);
}
