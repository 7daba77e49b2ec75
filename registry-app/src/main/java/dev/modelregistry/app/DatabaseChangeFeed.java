package dev.modelregistry.app;

import dev.modelregistry.persistence.feed.ActivationFeed;
import dev.modelregistry.persistence.feed.FeedChange;
import dev.modelregistry.persistence.jpa.ChangedModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The change feed of a registry database ({@link ActivationFeed}) as the application's {@link ChangeFeed}. */
public final class DatabaseChangeFeed implements ChangeFeed {

    private final ActivationFeed feed;

    private DatabaseChangeFeed(ActivationFeed feed) {
        this.feed = feed;
    }

    /** The application's view of a database's change feed. */
    public static ChangeFeed over(ActivationFeed feed) {
        return new DatabaseChangeFeed(feed);
    }

    @Override
    public List<ActivationEvent> changesSince(long cursor, int limit) {
        return feed.changesSince(cursor, limit).stream().map(DatabaseChangeFeed::event).toList();
    }

    @Override
    public AutoCloseable subscribe(long afterCursor, Consumer<ActivationEvent> listener) {
        return feed.subscribe(afterCursor, change -> listener.accept(event(change)));
    }

    @Override
    public AutoCloseable onOwnCommit(BiConsumer<String, String> listener) {
        return feed.onOwnCommit(changed -> changed.forEach(model -> listener.accept(model.sensorId(), model.modelType())));
    }

    @Override
    public void ownEditCommitted(String sensorId, String modelType) {
        feed.committed(Set.of(new ChangedModel(sensorId, modelType)));
    }

    @Override
    public boolean caughtUpWithin(Duration bound) {
        return feed.caughtUpSince(System.nanoTime() - bound.toNanos());
    }

    private static ActivationEvent event(FeedChange change) {
        return new ActivationEvent(change.cursor(), change.modelId(), change.sensorId(), change.modelType(), change.versionId(),
                change.previousVersionId(), change.reason(), change.at(), change.alias(), change.note());
    }
}
