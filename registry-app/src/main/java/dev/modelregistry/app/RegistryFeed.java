package dev.modelregistry.app;

import dev.modelregistry.domain.InvalidFeedRequestException;
import dev.modelregistry.domain.RegistryUnavailableException;
import java.util.List;
import java.util.function.Consumer;

/** The change-feed use cases behind {@link ModelRegistry}: arguments checked, then the {@link ChangeFeed} port. */
final class RegistryFeed {

    private final ChangeFeed changeFeed;
    private final String location;

    /** @param changeFeed null: a registry without a feed (its feed calls fail with {@link RegistryUnavailableException}) */
    RegistryFeed(ChangeFeed changeFeed, String location) {
        this.changeFeed = changeFeed;
        this.location = location;
    }

    List<ActivationEvent> activationChangesSince(long cursor, int limit) {
        requireCursor(cursor);
        if (limit < 1 || limit > ChangeFeed.MAX_LIMIT) {
            throw new InvalidFeedRequestException("limit", limit, "must be between 1 and " + ChangeFeed.MAX_LIMIT);
        }
        return feed().changesSince(cursor, limit);
    }

    AutoCloseable onActivationChange(Consumer<ActivationEvent> listener) {
        return feed().subscribe(-1, requireListener(listener));
    }

    AutoCloseable onActivationChange(long afterCursor, Consumer<ActivationEvent> listener) {
        requireCursor(afterCursor);
        return feed().subscribe(afterCursor, requireListener(listener));
    }

    private static void requireCursor(long cursor) {
        if (cursor < 0) {
            throw new InvalidFeedRequestException("cursor", cursor, "must be 0 or a cursor the feed returned");
        }
    }

    private static Consumer<ActivationEvent> requireListener(Consumer<ActivationEvent> listener) {
        if (listener == null) {
            throw new InvalidFeedRequestException("listener", null, "must be given");
        }
        return listener;
    }

    private ChangeFeed feed() {
        if (changeFeed == null) {
            throw new RegistryUnavailableException("the registry at " + location + " has no change feed", null);
        }
        return changeFeed;
    }
}
