package dev.modelregistry.app;

import static dev.modelregistry.app.RegistryScenarioTest.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.InvalidModelUriException;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a RegistryListener hears of the plain Java API, and that a failing listener never breaks a call. */
class RegistryListenerTest {

    private final RegistryScenarioTest.MutableClock clock =
            new RegistryScenarioTest.MutableClock(Instant.parse("2025-10-01T08:00:00Z"));
    private final ModelRegistry registry = InMemoryQueries.registry(new InMemoryModelRepository(),
            new RegistryScenarioTest.RecordingArtifacts(), ScoringWeights.DEFAULTS, clock);
    private final Recording recording = new Recording();

    @TempDir
    Path tmp;

    private String register(String sensor, double anomalyRate) {
        clock.advance(Duration.ofSeconds(1));
        return registry.registerModel(aRegistration(sensor, anomalyRate).build());
    }

    @Test
    void registrations_are_heard_with_their_model_and_a_winning_one_as_an_activation_because_registered() {
        registry.addListener(recording);

        String first = register("s1", 0.05);
        String better = register("s1", 0.01);
        String worse = register("s1", 0.09);

        assertThat(recording.events).containsExactly(
                "registered " + first + " s1 telemanom",
                "activated s1 telemanom " + first + " REGISTERED",
                "registered " + better + " s1 telemanom",
                "activated s1 telemanom " + better + " REGISTERED",
                "registered " + worse + " s1 telemanom");
        assertThat(recording.durations).hasSize(3).allSatisfy(took -> assertThat(took).isPositive());
    }

    @Test
    void promotions_and_forced_deletions_of_the_active_version_are_heard_with_their_reason() {
        String champion = register("s1", 0.01);
        String spare = register("s1", 0.05);
        registry.addListener(recording);

        registry.promoteVersion(spare);
        registry.promoteVersion(spare); // already active: nothing changes, nothing is heard
        registry.deleteVersion(spare, true, false);
        registry.deleteVersion(champion, true, false);

        assertThat(recording.events).containsExactly(
                "activated s1 telemanom " + spare + " PROMOTED",
                "activated s1 telemanom " + champion + " REELECTED",
                "activated s1 telemanom null LAST_VERSION_DELETED");
    }

    @Test
    void an_activation_is_heard_with_the_note_its_history_entry_carries_and_the_default_note_for_a_call_without_one() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        RegistryListener notes = new RegistryListener() {
            @Override
            public void activated(String sensorId, String modelType, String versionId, ActivationReason reason,
                                  ChangeNote note) {
                heard.add(reason + " " + (note == null ? "no note" : note.actor() + ": " + note.reason().orElse("-")
                        + " (" + note.reference().orElse("-") + ")"));
            }
        };
        registry.addListener(notes);
        registry.addListener(recording); // overrides only the four-argument activated: hears the same activations

        String champion = register("s1", 0.01);
        String spare = register("s1", 0.05);
        registry.promoteVersion(spare, ChangeNote.by("ops-oncall").because("rollback after incident 42")
                .referencing("INC-42"));
        registry.deleteVersion(spare, true, false);
        registry.archiveVersion(register("s1", 0.09), false, ChangeNote.by("cleaner"));
        registry.deleteVersion(champion, true, false, ChangeNote.by("retirement").because("sensor removed"));

        assertThat(heard).containsExactly(
                "REGISTERED no note",
                "PROMOTED ops-oncall: rollback after incident 42 (INC-42)",
                "REELECTED " + RegistrySettings.DEFAULT_ACTOR + ": - (-)",
                "LAST_VERSION_DELETED retirement: sensor removed (-)");
        assertThat(recording.events).filteredOn(event -> event.startsWith("activated")).containsExactly(
                "activated s1 telemanom " + champion + " REGISTERED",
                "activated s1 telemanom " + spare + " PROMOTED",
                "activated s1 telemanom " + champion + " REELECTED",
                "activated s1 telemanom null LAST_VERSION_DELETED");
        assertThat(registry.getActivationHistory("s1", "telemanom"))
                .filteredOn(entry -> entry.reason().equals("LAST_VERSION_DELETED")).singleElement()
                .satisfies(entry -> assertThat(entry.note()).isEqualTo(ChangeNote.by("retirement").because("sensor removed")));
    }

    @Test
    void deleting_a_version_that_is_not_active_changes_no_activation() {
        register("s1", 0.01);
        String spare = register("s1", 0.05);
        registry.addListener(recording);

        registry.deleteVersion(spare, false, false);
        registry.cleanupOldVersions(1);

        assertThat(recording.events).isEmpty();
    }

    @Test
    void the_three_lookups_of_the_active_model_are_heard_by_name_with_whether_they_found_one_and_their_latency() {
        register("s1", 0.05);
        registry.addListener(recording);

        registry.getActiveModelVersion("s1", "telemanom");
        registry.getActiveModel("s1", "telemanom");
        registry.resolve("models:/telemanom/s1@active");
        registry.getActiveModel("nobody", "telemanom");
        registry.getModelMetadata("0123456789ab"); // not a lookup of the active model

        assertThat(recording.events).containsExactly(
                "lookedUp getActiveModelVersion found=true",
                "lookedUp getActiveModel found=true",
                "lookedUp resolve found=true",
                "lookedUp getActiveModel found=false");
        assertThat(recording.durations).hasSize(4).allSatisfy(took -> assertThat(took).isPositive());
    }

    @Test
    void a_failed_call_is_heard_with_its_operation_and_exception_and_the_caller_still_gets_the_exception() {
        String champion = register("s1", 0.01);
        registry.addListener(recording);

        assertThatThrownBy(() -> registry.promoteVersion("0123456789ab")).isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> registry.deleteVersion(champion, false, false))
                .isInstanceOf(ActiveVersionDeletionException.class);
        assertThatThrownBy(() -> registry.resolve("models:/telemanom/s1@"))
                .isInstanceOf(InvalidModelUriException.class);

        assertThat(recording.events).containsExactly(
                "failed promoteVersion VersionNotFoundException",
                "failed deleteVersion ActiveVersionDeletionException",
                "failed resolve InvalidModelUriException");
    }

    @Test
    void a_listener_that_throws_everywhere_breaks_no_call_and_the_next_listener_still_hears_everything() {
        registry.addListener(new Throwing());
        registry.addListener(recording);

        String id = register("s1", 0.05);
        registry.promoteVersion(id);
        assertThat(registry.getActiveModelVersion("s1", "telemanom")).contains(id);
        assertThatThrownBy(() -> registry.promoteVersion("0123456789ab")).isInstanceOf(VersionNotFoundException.class);

        assertThat(recording.events).containsExactly(
                "registered " + id + " s1 telemanom",
                "activated s1 telemanom " + id + " REGISTERED",
                "lookedUp getActiveModelVersion found=true",
                "failed promoteVersion VersionNotFoundException");
    }

    @Test
    void a_closed_listener_hears_nothing_more() throws Exception {
        AutoCloseable handle = registry.addListener(recording);
        register("s1", 0.05);
        handle.close();

        register("s1", 0.01);
        registry.getActiveModel("s1", "telemanom");

        assertThat(recording.events).hasSize(2);
    }

    @Test
    void each_group_commit_on_sqlite_reports_its_batch_size_the_sizes_add_up_to_the_writes_and_a_throwing_listener_holds_up_none() throws Exception {
        try (ModelRegistry sqlite = ModelRegistrySQLite.open(tmp.resolve("registry_sqlite"))) {
            sqlite.addListener(new Throwing()); // also on the committing thread: no write fails or hangs
            sqlite.addListener(recording);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> writes = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String sensor = "s" + (i % 4);
                    writes.add(threads.submit(() -> sqlite.registerModel(aRegistration(sensor, 0.05)
                            .modelPath(tmp.resolve(sensor)).build())));
                }
                for (Future<String> write : writes) {
                    write.get();
                }
            } finally {
                threads.shutdown();
            }
            sqlite.promoteVersion(sqlite.listVersions("s0", "telemanom").stream().filter(version -> !version.isActive())
                    .findFirst().orElseThrow().versionId());
        }

        assertThat(recording.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 12));
        assertThat(recording.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12 + 1);
        assertThat(recording.events).filteredOn(event -> event.startsWith("activated"))
                .hasSize(4 + 1).last().asString().endsWith("PROMOTED");
    }

    private static final class Recording implements RegistryListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> durations = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void registered(String versionId, String sensorId, String modelType, Duration took) {
            events.add("registered " + versionId + " " + sensorId + " " + modelType);
            durations.add(took);
        }

        @Override
        public void activated(String sensorId, String modelType, String versionId, ActivationReason reason) {
            events.add("activated " + sensorId + " " + modelType + " " + versionId + " " + reason);
        }

        @Override
        public void lookedUp(RegistryOperation lookup, boolean found, Duration took) {
            assertThat(lookup.isLookup()).isTrue();
            events.add("lookedUp " + lookup.methodName() + " found=" + found);
            durations.add(took);
        }

        @Override
        public void failed(RegistryOperation operation, RuntimeException failure, Duration took) {
            events.add("failed " + operation.methodName() + " " + failure.getClass().getSimpleName());
        }

        @Override
        public void committedTogether(int calls) {
            batchSizes.add(calls);
        }
    }

    private static final class Throwing implements RegistryListener {
        @Override
        public void registered(String versionId, String sensorId, String modelType, Duration took) {
            throw new IllegalStateException("listener broken on registered");
        }

        @Override
        public void activated(String sensorId, String modelType, String versionId, ActivationReason reason) {
            throw new IllegalStateException("listener broken on activated");
        }

        @Override
        public void lookedUp(RegistryOperation lookup, boolean found, Duration took) {
            throw new IllegalStateException("listener broken on lookedUp");
        }

        @Override
        public void failed(RegistryOperation operation, RuntimeException failure, Duration took) {
            throw new IllegalStateException("listener broken on failed");
        }

        @Override
        public void committedTogether(int calls) {
            throw new IllegalStateException("listener broken on committedTogether");
        }
    }
}
