package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.DuplicateVersionException;
import dev.modelregistry.domain.ValidationNotPerformedException;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.jpa.GroupCommitStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Group commit keeps the rules, on SQLite and PostgreSQL: calls that queue while a commit is
 * under way run in one batch (one transaction, on the thread of the batch's leader), and a call
 * of that batch that fails, by a rule of the domain or in the database, fails alone while the
 * others commit. The batching is made deterministic: a first call holds its batch on a latch
 * until the others are queued behind it.
 */
abstract class GroupCommitContract {

    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();

    protected abstract ClassDatabase db();

    private RegistryDatabase database() {
        return db().database();
    }

    @Test
    void aBatchWithOneInvalidRegistrationCommitsTheOthersAndFailsThatOne() throws Exception {
        String sensor = aSensor();
        String other = aSensor();
        VersionId first = IDS.nextId();
        VersionId halfDone = IDS.nextId();
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("valid 1", () -> register(sensor, IDS.nextId(), 0.05));
        calls.put("invalid", () -> {
            register(sensor, halfDone, 0.01); // the best score so far: becomes active, then the call fails
            return register(sensor, IDS.nextId(), -1);
        });
        calls.put("valid 2", () -> register(sensor, IDS.nextId(), 0.03));
        calls.put("valid 3", () -> register(other, IDS.nextId(), 0.04));

        GroupCommitStats before = GroupCommitStats.of(database());
        Map<String, Outcome> outcomes = queuedBehindAHeldBatch(() -> register(sensor, first, 0.08), calls);
        GroupCommitStats batched = GroupCommitStats.of(database()).since(before);

        assertThat(outcomes.get("invalid").failure()).isInstanceOf(ValidationNotPerformedException.class);
        assertThat(outcomes.values().stream().map(Outcome::thread).distinct()).as("threads the calls ran on").hasSize(1);
        assertThat(batched.batches()).as("batches: the holder's, then the four queued calls'").isEqualTo(2);
        assertThat(batched.commits()).as("commits: the invalid call failed inside its batch").isEqualTo(2);
        List<Object> committed = new ArrayList<>(List.of(first));
        for (String valid : List.of("valid 1", "valid 2", "valid 3")) {
            assertThat(outcomes.get(valid).failure()).as(valid).isNull();
            committed.add(outcomes.get(valid).result());
        }
        assertThat(storedVersionIds(sensor, other)).containsExactlyInAnyOrderElementsOf(committed.stream()
                .map(id -> ((VersionId) id).value()).toList()).doesNotContain(halfDone.value());
        assertInvariants();
        assertThat(activeVersionId(sensor)).as("the best committed version of " + sensor)
                .isEqualTo(((VersionId) outcomes.get("valid 2").result()).value());
    }

    @Test
    void savedRegistrationsIntoOneModelShareABatchAndTheOneBreakingARuleFailsAloneWithNothingOfItKept()
            throws Exception {
        String sensor = aSensor();
        VersionId halfDone = IDS.nextId();
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("saved 1", () -> register(sensor, IDS.nextId(), 0.05, true));
        calls.put("saved winner", () -> register(sensor, IDS.nextId(), 0.02, true));
        calls.put("invalid", () -> {
            register(sensor, halfDone, 0.01, true); // written as rows when saved, then the call fails
            return register(sensor, IDS.nextId(), -1, true);
        });
        calls.put("saved 2", () -> register(sensor, IDS.nextId(), 0.03, true));

        Map<String, Outcome> outcomes = queuedBehindAHeldBatch(() -> register(sensor, IDS.nextId(), 0.08, true), calls);

        assertThat(outcomes.get("invalid").failure()).isInstanceOf(ValidationNotPerformedException.class);
        for (String saved : List.of("saved 1", "saved winner", "saved 2")) {
            assertThat(outcomes.get(saved).failure()).as(saved).isNull();
        }
        assertThat(storedVersionIds(sensor)).hasSize(4).doesNotContain(halfDone.value())
                .contains(((VersionId) outcomes.get("saved 2").result()).value());
        assertThat(activeVersionId(sensor)).isEqualTo(((VersionId) outcomes.get("saved winner").result()).value());
        assertInvariants();
    }

    @Test
    void aCallWhoseVersionIdIsTakenFailsAloneWhileTheOthersOfItsBatchCommit() throws Exception {
        String sensor = aSensor();
        String other = aSensor();
        VersionId taken = register(other, IDS.nextId(), 0.05);
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("valid 1", () -> register(sensor, IDS.nextId(), 0.05));
        calls.put("taken id", () -> register(sensor, taken, 0.01)); // a version of another model: the database refuses
        calls.put("valid 2", () -> register(other, IDS.nextId(), 0.02));

        Map<String, Outcome> outcomes = queuedBehindAHeldBatch(() -> register(sensor, IDS.nextId(), 0.08), calls);

        assertThat(outcomes.get("taken id").failure()).isInstanceOf(DuplicateVersionException.class)
                .hasMessageContaining(taken.value());
        assertThat(outcomes.get("valid 1").failure()).isNull();
        assertThat(outcomes.get("valid 2").failure()).isNull();
        assertThat(storedVersionIds(sensor, other)).hasSize(4)
                .contains(taken.value(), ((VersionId) outcomes.get("valid 1").result()).value(),
                        ((VersionId) outcomes.get("valid 2").result()).value());
        assertThat(activeVersionId(other)).isEqualTo(((VersionId) outcomes.get("valid 2").result()).value());
        assertInvariants();
    }

    @Test
    void savedRegistrationsWrittenTogetherAtTheBatchsEndStillFailAloneWhenTheDatabaseRefusesOne() throws Exception {
        String sensor = aSensor();
        String other = aSensor();
        VersionId taken = register(other, IDS.nextId(), 0.05, true);
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("saved 1", () -> register(sensor, IDS.nextId(), 0.05, true));
        calls.put("taken id", () -> register(sensor, taken, 0.01, true)); // refused only when the rows are written
        calls.put("saved 2", () -> register(other, IDS.nextId(), 0.02, true));
        calls.put("saved 3", () -> register(sensor, IDS.nextId(), 0.03, true));

        Map<String, Outcome> outcomes = queuedBehindAHeldBatch(() -> register(sensor, IDS.nextId(), 0.08, true), calls);

        assertThat(outcomes.get("taken id").failure()).isInstanceOf(DuplicateVersionException.class)
                .hasMessageContaining(taken.value());
        for (String saved : List.of("saved 1", "saved 2", "saved 3")) {
            assertThat(outcomes.get(saved).failure()).as(saved).isNull();
        }
        assertThat(storedVersionIds(sensor)).hasSize(3).doesNotContain(taken.value());
        assertThat(storedVersionIds(other)).hasSize(2).contains(taken.value());
        assertThat(activeVersionId(sensor)).isEqualTo(((VersionId) outcomes.get("saved 3").result()).value());
        assertThat(activeVersionId(other)).isEqualTo(((VersionId) outcomes.get("saved 2").result()).value());
        assertInvariants();
    }

    @Test
    void aPromotionAndADeletionQueuedAfterASavedRegistrationOfTheSameModelSeeTheRegisteredVersion() throws Exception {
        String sensor = aSensor();
        VersionId older = register(sensor, IDS.nextId(), 0.08, true);
        VersionId spare = register(sensor, IDS.nextId(), 0.09, true);
        VersionId registered = IDS.nextId();
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("register winner", () -> register(sensor, registered, 0.02, true)); // its rows pending
        calls.put("delete spare", () -> owner(spare).deleteVersion(spare, false, now()).id());
        calls.put("promote older", () -> {
            database().unitOfWork().run(() -> owner(older).promote(older, now()));
            return older;
        });
        calls.put("delete registered", () -> owner(registered).deleteVersion(registered, false, now()).id());

        GroupCommitStats before = GroupCommitStats.of(database());
        Map<String, Outcome> outcomes = queuedBehindAHeldBatch(() -> register(aSensor(), IDS.nextId(), 0.05, true),
                calls);
        GroupCommitStats batched = GroupCommitStats.of(database()).since(before);

        outcomes.forEach((call, outcome) -> assertThat(outcome.failure()).as(call).isNull());
        assertThat(batched.batches()).as("batches: the holder's, then the four queued calls'").isEqualTo(2);
        assertThat(batched.commits()).as("commits: one per batch").isEqualTo(2);
        assertThat(storedVersionIds(sensor)).containsExactly(older.value());
        assertThat(activeVersionId(sensor)).isEqualTo(older.value());
        assertInvariants();
    }

    @Test
    void promotionsAndDeletionsShareABatchAndTheDeletionOfAnActiveVersionFailsAlone() throws Exception {
        String sensor = aSensor();
        String other = aSensor();
        VersionId older = register(sensor, IDS.nextId(), 0.08);
        VersionId best = register(sensor, IDS.nextId(), 0.02);
        VersionId spare = register(sensor, IDS.nextId(), 0.09);
        VersionId otherActive = register(other, IDS.nextId(), 0.05);
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("promote", () -> {
            database().unitOfWork().run(() -> owner(older).promote(older, now()));
            return older;
        });
        calls.put("delete active", () -> owner(otherActive).deleteVersion(otherActive, false, now()));
        calls.put("delete spare", () -> owner(spare).deleteVersion(spare, false, now()).id());

        GroupCommitStats before = GroupCommitStats.of(database());
        Map<String, Outcome> outcomes = queuedBehindAHeldBatch(() -> register(other, IDS.nextId(), 0.09), calls);
        GroupCommitStats batched = GroupCommitStats.of(database()).since(before);

        assertThat(outcomes.get("delete active").failure()).isInstanceOf(ActiveVersionDeletionException.class);
        assertThat(outcomes.get("promote").failure()).isNull();
        assertThat(outcomes.get("delete spare").failure()).isNull();
        assertThat(batched.batches()).isEqualTo(2);
        assertThat(activeVersionId(sensor)).isEqualTo(older.value());
        assertThat(activeVersionId(other)).isEqualTo(otherActive.value());
        assertThat(storedVersionIds(sensor)).containsExactlyInAnyOrder(older.value(), best.value());
        assertThat(storedVersionIds(other)).hasSize(2).contains(otherActive.value());
        assertInvariants();
    }

    private Model owner(VersionId versionId) {
        return database().repository().findByVersion(versionId).orElseThrow();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** What one call returned or threw, and the thread its work ran on. */
    private record Outcome(Object result, Throwable failure, Thread thread) {
    }

    /**
     * Starts {@code holder} in a unit of work that waits on a latch inside its work, queues each
     * of {@code calls} from a thread of its own behind it, releases the latch once they all wait,
     * and collects their outcomes.
     */
    private Map<String, Outcome> queuedBehindAHeldBatch(Supplier<Object> holder, Map<String, Supplier<Object>> calls)
            throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> held = CompletableFuture.supplyAsync(() -> database().unitOfWork().execute(() -> {
            running.countDown();
            await(release);
            return holder.get();
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).as("the holding call runs").isTrue();
        Map<String, Thread> threads = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
            Thread thread = new Thread(() -> {
                Thread[] ranOn = new Thread[1];
                try {
                    Object result = database().unitOfWork().execute(() -> {
                        ranOn[0] = Thread.currentThread();
                        return call.getValue().get();
                    });
                    outcomes.put(call.getKey(), new Outcome(result, null, ranOn[0]));
                } catch (RuntimeException e) {
                    outcomes.put(call.getKey(), new Outcome(null, e, ranOn[0]));
                }
            }, "caller " + call.getKey());
            thread.start();
            threads.put(call.getKey(), thread);
            awaitQueued(thread); // the next caller starts only then: the queue holds the calls in the map's order
        }
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        for (Thread thread : threads.values()) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(thread.isAlive()).as(thread.getName() + " returned").isFalse();
        }
        return outcomes;
    }

    private static void awaitQueued(Thread caller) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!waitsForItsBatch(caller)) {
            assertThat(System.nanoTime()).as(caller.getName() + " queued in time").isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    /** Parked in the commit queue, its call queued (not merely waiting for the queue's lock). */
    private static boolean waitsForItsBatch(Thread thread) {
        return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals("awaitUninterruptibly"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers in the caller's unit of work; an anomaly rate below 0 is a version that was not validated. */
    private VersionId register(String sensor, VersionId id, double anomalyRate) {
        return register(sensor, id, anomalyRate, false);
    }

    /** With {@code saved}, as the registry's use case does: the loaded model is saved after the registration. */
    private VersionId register(String sensor, VersionId id, double anomalyRate, boolean saved) {
        return database().unitOfWork().execute(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
            Model model = database().repository().findById(modelId).orElseGet(() -> {
                Model created = Model.create(SensorId.of(sensor), ModelType.of("telemanom"), now);
                database().repository().save(created);
                return created;
            });
            Map<String, Object> metrics = metricsWithAnomalyRate(Math.max(anomalyRate, 0.01));
            if (anomalyRate < 0) {
                metrics.put("validation_performed", false);
            }
            VersionId registered = model.register(id, aSpec(metrics), SCORING, now).id();
            if (saved) {
                database().repository().save(model);
            }
            return registered;
        });
    }

    private static String aSensor() {
        return "batch-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Set<String> storedVersionIds(String... sensors) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = db().connect();
             PreparedStatement select = connection.prepareStatement("select v.version_id from versions v"
                     + " join models m on m.model_id = v.model_id where m.sensor_id = ?")) {
            for (String sensor : sensors) {
                select.setString(1, sensor);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    private String activeVersionId(String sensor) throws SQLException {
        try (Connection connection = db().connect();
             PreparedStatement select = connection.prepareStatement(
                     "select active_version from models where sensor_id = ?")) {
            select.setString(1, sensor);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("model of " + sensor).isTrue();
                return row.getString(1);
            }
        }
    }

    private void assertInvariants() throws SQLException {
        try (Connection connection = db().connect()) {
            assertThat(RegistryInvariants.check(connection).violations()).isEmpty();
        }
    }
}
