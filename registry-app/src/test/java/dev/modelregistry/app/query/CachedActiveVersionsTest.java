package dev.modelregistry.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ChangeFeed;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The cache of active versions against a feed it controls: it reads through while the feed is not
 * caught up, answers from memory while it is, and forgets a model on this process's commit and on
 * a delivered change.
 */
class CachedActiveVersionsTest {

    private static final SensorId SENSOR = SensorId.of("pump-1");
    private static final ModelType TYPE = ModelType.of("telemanom");

    /** A database whose active version the test sets, counting the reads. */
    private static final class Source implements ActiveVersions {
        final AtomicInteger reads = new AtomicInteger();
        volatile String active = "aaaaaaaaaaaa";

        @Override
        public Optional<VersionId> activeVersionId(SensorId sensorId, ModelType modelType) {
            reads.incrementAndGet();
            return Optional.of(VersionId.of(active));
        }

        @Override
        public Optional<ModelVersionDetails> activeModel(SensorId sensorId, ModelType modelType) {
            reads.incrementAndGet();
            return Optional.empty();
        }
    }

    /** A feed whose health and deliveries the test drives. */
    private static final class Feed implements ChangeFeed {
        volatile boolean caughtUp = true;
        Consumer<ActivationEvent> subscriber;
        BiConsumer<String, String> ownCommits;

        @Override
        public List<ActivationEvent> changesSince(long cursor, int limit) {
            return List.of();
        }

        @Override
        public AutoCloseable subscribe(long afterCursor, Consumer<ActivationEvent> listener) {
            subscriber = listener;
            return () -> { };
        }

        @Override
        public AutoCloseable onOwnCommit(BiConsumer<String, String> listener) {
            ownCommits = listener;
            return () -> { };
        }

        @Override
        public void ownEditCommitted(String sensorId, String modelType) {
            ownCommits.accept(sensorId, modelType);
        }

        @Override
        public boolean caughtUpWithin(Duration bound) {
            return caughtUp;
        }
    }

    private final Source source = new Source();
    private final Feed feed = new Feed();
    private final CachedActiveVersions cache = CachedActiveVersions.over(source, feed);

    private String active() {
        return cache.activeVersionId(SENSOR, TYPE).orElseThrow().value();
    }

    @Test
    void whileTheFeedIsCaughtUpTheSecondAnswerComesFromMemory() {
        assertThat(active()).isEqualTo("aaaaaaaaaaaa");
        assertThat(active()).isEqualTo("aaaaaaaaaaaa");
        cache.activeModel(SENSOR, TYPE);
        cache.activeModel(SENSOR, TYPE);
        assertThat(source.reads).hasValue(2);
    }

    @Test
    void whileTheFeedIsNotCaughtUpEveryAnswerReadsTheDatabase() {
        active();
        feed.caughtUp = false;
        source.active = "bbbbbbbbbbbb"; // a change the feed has not delivered: memory would be stale
        assertThat(active()).isEqualTo("bbbbbbbbbbbb");
        assertThat(active()).isEqualTo("bbbbbbbbbbbb");
        assertThat(source.reads).hasValue(3);
    }

    @Test
    void thisProcesssCommitAndADeliveredChangeEachMakeTheNextAnswerFresh() {
        active();
        source.active = "bbbbbbbbbbbb";
        feed.ownCommits.accept(SENSOR.value(), TYPE.value());
        assertThat(active()).isEqualTo("bbbbbbbbbbbb");
        source.active = "cccccccccccc";
        feed.subscriber.accept(new ActivationEvent(7, "telemanom_pump-1", SENSOR.value(), TYPE.value(), "cccccccccccc",
                "bbbbbbbbbbbb", ActivationReason.PROMOTED, Instant.now(), null, null));
        assertThat(active()).isEqualTo("cccccccccccc");
        feed.ownCommits.accept("pump-2", TYPE.value()); // another model: this one stays in memory
        assertThat(active()).isEqualTo("cccccccccccc");
        assertThat(source.reads).hasValue(3);
    }

    @Test
    void aValueReadWhileAChangeWasCommittedIsNotKept() {
        ActiveVersions racing = new ActiveVersions() {
            @Override
            public Optional<VersionId> activeVersionId(SensorId sensorId, ModelType modelType) {
                Optional<VersionId> old = source.activeVersionId(sensorId, modelType);
                source.active = "bbbbbbbbbbbb";
                feed.ownCommits.accept(SENSOR.value(), TYPE.value()); // committed after the read, before it is kept
                return old;
            }

            @Override
            public Optional<ModelVersionDetails> activeModel(SensorId sensorId, ModelType modelType) {
                return Optional.empty();
            }
        };
        CachedActiveVersions racy = CachedActiveVersions.over(racing, feed);
        assertThat(racy.activeVersionId(SENSOR, TYPE).orElseThrow().value()).isEqualTo("aaaaaaaaaaaa");
        feed.ownCommits = (sensor, type) -> { };
        assertThat(racy.activeVersionId(SENSOR, TYPE)).isNotEqualTo(Optional.of(VersionId.of("aaaaaaaaaaaa")));
    }
}
