package dev.modelregistry.app.query;

import dev.modelregistry.app.ChangeFeed;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The in-process cache of active versions (README, "Cache of active versions"): answers
 * {@link #activeVersionId} and {@link #activeModel} from memory, kept coherent by the change
 * feed. This process's own writes empty the changed models' entries on the committing thread,
 * before the write call returns; other processes' changes empty them when the feed thread
 * delivers them. The cache answers from memory only while the feed has delivered, within
 * {@link #STALE_BOUND}, everything committed before a look at the database; otherwise (its
 * thread not running yet, its connection broken) every call reads through to the database. So
 * an answer is never staler than the bound, and never stale after this process's own write.
 *
 * <p>An entry filled while an invalidation ran is not kept (a generation counter), so a value
 * read just before a change cannot outlive it. At most {@link #MAX_ENTRIES} pairs are kept; past
 * that the cache starts empty again.
 */
public final class CachedActiveVersions implements ActiveVersions {

    /** How old the feed's last completed look at the database may be for the cache to answer from memory. */
    public static final Duration STALE_BOUND = Duration.ofSeconds(1);
    /** The most (sensor, type) pairs kept. */
    public static final int MAX_ENTRIES = 200_000;

    private record Pair(String sensorId, String modelType) {
    }

    private final ActiveVersions source;
    private final ChangeFeed feed;
    private final Map<Pair, Optional<VersionId>> ids = new ConcurrentHashMap<>();
    private final Map<Pair, Optional<ModelVersionDetails>> details = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private CachedActiveVersions(ActiveVersions source, ChangeFeed feed) {
        this.source = source;
        this.feed = feed;
        // both follow the registry's feed until the registry is closed
        feed.onOwnCommit(this::forget);
        feed.subscribe(-1, change -> forget(change.sensorId(), change.modelType()));
    }

    /** Caches {@code source}'s answers, kept coherent by {@code feed} (whose thread this starts). */
    public static CachedActiveVersions over(ActiveVersions source, ChangeFeed feed) {
        return new CachedActiveVersions(source, feed);
    }

    @Override
    public Optional<VersionId> activeVersionId(SensorId sensorId, ModelType modelType) {
        return cached(ids, new Pair(sensorId.value(), modelType.value()), () -> source.activeVersionId(sensorId, modelType));
    }

    @Override
    public Optional<ModelVersionDetails> activeModel(SensorId sensorId, ModelType modelType) {
        return cached(details, new Pair(sensorId.value(), modelType.value()), () -> source.activeModel(sensorId, modelType));
    }

    private <T> T cached(Map<Pair, T> entries, Pair pair, Supplier<T> load) {
        if (!feed.caughtUpWithin(STALE_BOUND)) {
            return load.get();
        }
        T known = entries.get(pair);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        T loaded = load.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(pair, loaded);
        if (generation.get() != before) {
            entries.remove(pair, loaded); // a change was committed meanwhile: the value may predate it
        }
        return loaded;
    }

    private void forget(String sensorId, String modelType) {
        generation.incrementAndGet();
        Pair pair = new Pair(sensorId, modelType);
        ids.remove(pair);
        details.remove(pair);
    }
}
