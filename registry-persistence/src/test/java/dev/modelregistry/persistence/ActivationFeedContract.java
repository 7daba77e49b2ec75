package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.feed.ActivationFeed;
import dev.modelregistry.persistence.feed.FeedChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The change feed's promises, run on SQLite and PostgreSQL: commit order with growing cursors,
 * cursors that survive a reopen, delivery of this process's and another connection pool's
 * commits, listener isolation, and no cursor ever skipped by a reader tailing concurrent writers.
 */
abstract class ActivationFeedContract {

    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();

    protected abstract ClassDatabase db();

    private RegistryDatabase database() {
        return db().database();
    }

    /** Registers a version of the pair's model; a lower anomaly rate scores higher and so becomes active. */
    static VersionId register(RegistryDatabase database, String sensor, double anomalyRate) {
        VersionId id = IDS.nextId();
        return database.unitOfWork().execute(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
            Model model = database.repository().findById(modelId).orElseGet(() -> {
                Model created = Model.create(SensorId.of(sensor), ModelType.of("telemanom"), now);
                database.repository().save(created);
                return created;
            });
            return model.register(id, aSpec(metricsWithAnomalyRate(anomalyRate)), SCORING, now).id();
        });
    }

    private static String aSensor() {
        return "feed-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void changesAreListedInCommitOrderWithGrowingCursors() {
        ActivationFeed feed = database().feed();
        long before = feed.lastCursor();
        String a = aSensor();
        String b = aSensor();
        VersionId a1 = register(database(), a, 0.09);
        VersionId b1 = register(database(), b, 0.09);
        register(database(), a, 0.095); // scores lower: stored inactive, no change
        VersionId a3 = register(database(), a, 0.02);
        database().unitOfWork().run(() -> database().repository().findByVersion(a1).orElseThrow()
                .promote(a1, Instant.now().truncatedTo(ChronoUnit.MICROS)));

        List<FeedChange> changes = feed.changesSince(before, 100);

        assertThat(changes).extracting(FeedChange::versionId)
                .containsExactly(a1.value(), b1.value(), a3.value(), a1.value());
        assertThat(changes).extracting(FeedChange::reason).containsExactly(ActivationReason.REGISTERED,
                ActivationReason.REGISTERED, ActivationReason.REGISTERED, ActivationReason.PROMOTED);
        assertThat(changes.get(3).previousVersionId()).isEqualTo(a3.value());
        assertThat(changes.get(0).sensorId()).isEqualTo(a);
        assertThat(changes.get(0).modelType()).isEqualTo("telemanom");
        assertThat(changes).extracting(FeedChange::cursor).isSorted().doesNotHaveDuplicates()
                .allMatch(cursor -> cursor > before);
        assertThat(feed.lastCursor()).isEqualTo(changes.get(3).cursor());
        assertThat(feed.changesSince(changes.get(1).cursor(), 1)).containsExactly(changes.get(2));
    }

    @Test
    void aReopenedDatabaseContinuesTheCursorsWhereTheyStopped() {
        register(database(), aSensor(), 0.05);
        long last = database().feed().lastCursor();
        try (RegistryDatabase reopened = db().openAgain()) {
            assertThat(reopened.feed().lastCursor()).isEqualTo(last);
            register(reopened, aSensor(), 0.05);
            assertThat(reopened.feed().changesSince(last, 10)).hasSize(1)
                    .allSatisfy(change -> assertThat(change.cursor()).isGreaterThan(last));
        }
        assertThat(database().feed().changesSince(last, 10)).hasSize(1);
    }

    @Test
    void aSubscriberGetsThisProcesssCommitsInOrderAndThenAnotherPoolsCommits() throws Exception {
        BlockingQueue<FeedChange> received = new LinkedBlockingQueue<>();
        String sensor = aSensor();
        try (AutoCloseable subscription = database().feed().subscribe(-1, received::add)) {
            VersionId first = register(database(), sensor, 0.09);
            VersionId second = register(database(), sensor, 0.05);
            assertThat(received.poll(5, TimeUnit.SECONDS).versionId()).isEqualTo(first.value());
            assertThat(received.poll(5, TimeUnit.SECONDS).versionId()).isEqualTo(second.value());
            try (RegistryDatabase other = db().openAgain()) {
                VersionId third = register(other, sensor, 0.02);
                FeedChange change = received.poll(5, TimeUnit.SECONDS);
                assertThat(change).isNotNull();
                assertThat(change.versionId()).isEqualTo(third.value());
                assertThat(change.previousVersionId()).isEqualTo(second.value());
            }
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aSubscriptionFromACursorGetsTheBacklogFirstAndEachChangeOnce() throws Exception {
        long before = database().feed().lastCursor();
        String sensor = aSensor();
        VersionId first = register(database(), sensor, 0.09);
        VersionId second = register(database(), sensor, 0.05);
        BlockingQueue<FeedChange> received = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = database().feed().subscribe(before, received::add)) {
            VersionId third = register(database(), sensor, 0.02);
            List<String> versions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                versions.add(received.poll(5, TimeUnit.SECONDS).versionId());
            }
            assertThat(versions).containsExactly(first.value(), second.value(), third.value());
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("nothing twice").isNull();
        }
    }

    @Test
    void aThrowingListenerNeitherStopsTheOthersNorTheFeedAndAClosedOneGetsNothingMore() throws Exception {
        BlockingQueue<FeedChange> healthy = new LinkedBlockingQueue<>();
        List<FeedChange> closedOne = Collections.synchronizedList(new ArrayList<>());
        AutoCloseable throwing = database().feed().subscribe(-1, change -> {
            throw new IllegalStateException("a listener that always fails");
        });
        AutoCloseable closing = database().feed().subscribe(-1, closedOne::add);
        try (AutoCloseable subscription = database().feed().subscribe(-1, healthy::add)) {
            String sensor = aSensor();
            VersionId first = register(database(), sensor, 0.09);
            assertThat(healthy.poll(5, TimeUnit.SECONDS).versionId()).isEqualTo(first.value());
            closing.close();
            int seenByClosed = closedOne.size();
            VersionId second = register(database(), sensor, 0.05);
            assertThat(healthy.poll(5, TimeUnit.SECONDS).versionId()).isEqualTo(second.value());
            assertThat(closedOne).hasSize(seenByClosed);
        } finally {
            throwing.close();
        }
    }

    @Test
    void aReaderTailingConcurrentWritersOnManyModelsNeverSkipsACursor() throws Exception {
        ActivationFeed feed = database().feed();
        long start = feed.lastCursor();
        int writers = 6;
        int perWriter = 15;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> tailed = new ArrayList<>();
        Thread tail = new Thread(() -> {
            long position = start;
            boolean last = false;
            while (!last) {
                last = !writing.get();
                List<FeedChange> batch = feed.changesSince(position, 7);
                for (FeedChange change : batch) {
                    tailed.add(change.cursor());
                    position = change.cursor();
                }
                if (batch.size() == 7) {
                    last = false;
                }
            }
        }, "feed-tail");
        tail.start();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String sensor = aSensor();
            done.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    register(database(), sensor, 0.09 - i * 0.005); // each one wins: one change per call
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        writing.set(false);
        tail.join(TimeUnit.MINUTES.toMillis(1));

        List<Long> all = feed.changesSince(start, 1000).stream().map(FeedChange::cursor).toList();
        assertThat(all).hasSize(writers * perWriter);
        assertThat(all.get(all.size() - 1) - all.get(0)).as("cursors are dense: no transaction skipped one")
                .isEqualTo(all.size() - 1L);
        assertThat(tailed).as("the tailing reader saw every cursor, in order, none filled in behind it")
                .isEqualTo(all);
    }
}
