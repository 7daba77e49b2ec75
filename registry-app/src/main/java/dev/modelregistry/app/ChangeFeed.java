package dev.modelregistry.app;

import java.util.List;
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
}
