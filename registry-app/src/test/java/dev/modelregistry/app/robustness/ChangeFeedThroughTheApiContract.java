package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.InvalidFeedRequestException;
import dev.modelregistry.domain.model.ActivationReason;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The change feed through the public API, on SQLite and PostgreSQL: another process's commits
 * reach a listener in commit order, a reopened registry resumes from a cursor, bad arguments
 * are refused naming the parameter, and closing the registry stops the feed thread.
 */
abstract class ChangeFeedThroughTheApiContract {

    /** Opens the registry under test (the same database each call). */
    protected abstract ModelRegistry open();

    /** Opens the same database with the in-process cache of active versions. */
    protected abstract ModelRegistry openCached();

    /** The arguments that make {@link FeedChild} open the same database. */
    protected abstract List<String> childArguments();

    static String aSensor() {
        return "feed-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Another JVM writing to the same registry; {@link #send} returns the version id it committed. */
    final class Child implements AutoCloseable {

        private final Process process;
        private final PrintWriter in;
        private final BufferedReader out;

        Child() throws Exception {
            process = new ProcessBuilder(FeedChild.command(childArguments().toArray(String[]::new)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
        }

        String send(String command) throws Exception {
            in.println(command);
            String line = out.readLine();
            assertThat(line).as("the other process's answer to " + command).startsWith("done ");
            return line.substring(5);
        }

        @Override
        public void close() throws Exception {
            in.close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit code of the other process").isZero();
        }
    }

    @Test
    void anotherProcesssChangesReachTheListenerOnceEachInCommitOrder() throws Exception {
        String sensor = aSensor();
        BlockingQueue<ActivationEvent> received = new LinkedBlockingQueue<>();
        try (ModelRegistry registry = open();
             AutoCloseable subscription = registry.onActivationChange(received::add);
             Child other = new Child()) {
            String first = other.send("register " + sensor + " 0.09");
            String second = other.send("register " + sensor + " 0.05");
            other.send("register " + sensor + " 0.095"); // scores lower: no change
            other.send("promote " + first);

            ActivationEvent a = received.poll(10, TimeUnit.SECONDS);
            ActivationEvent b = received.poll(10, TimeUnit.SECONDS);
            ActivationEvent c = received.poll(10, TimeUnit.SECONDS);
            assertThat(List.of(a, b, c)).extracting(ActivationEvent::versionId).containsExactly(first, second, first);
            assertThat(List.of(a, b, c)).extracting(ActivationEvent::reason).containsExactly(ActivationReason.REGISTERED,
                    ActivationReason.REGISTERED, ActivationReason.PROMOTED);
            assertThat(c.previousVersionId()).isEqualTo(second);
            assertThat(c.sensorId()).isEqualTo(sensor);
            assertThat(c.modelType()).isEqualTo("telemanom");
            assertThat(List.of(a.cursor(), b.cursor(), c.cursor())).isSorted().doesNotHaveDuplicates();
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("nothing more, nothing twice").isNull();
            assertThat(registry.activationChangesSince(a.cursor() - 1, 3)).containsExactly(a, b, c);
        }
    }

    @Test
    void aReopenedRegistryResumesAfterTheLastCursorItHandedOut() throws Exception {
        String sensor = aSensor();
        long last;
        String first;
        try (ModelRegistry registry = open()) {
            first = registry.registerModel(FeedChild.registration(sensor, 0.09));
            List<ActivationEvent> changes = registry.activationChangesSince(0, 1000);
            last = changes.get(changes.size() - 1).cursor();
            assertThat(changes.get(changes.size() - 1).versionId()).isEqualTo(first);
        }
        try (ModelRegistry registry = open()) {
            assertThat(registry.activationChangesSince(last, 10)).isEmpty();
            String second = registry.registerModel(FeedChild.registration(sensor, 0.05));
            assertThat(registry.activationChangesSince(last, 10)).extracting(ActivationEvent::versionId)
                    .containsExactly(second);
            BlockingQueue<ActivationEvent> resumed = new LinkedBlockingQueue<>();
            try (AutoCloseable subscription = registry.onActivationChange(last - 1, resumed::add)) {
                assertThat(resumed.poll(10, TimeUnit.SECONDS).versionId()).isEqualTo(first);
                assertThat(resumed.poll(10, TimeUnit.SECONDS).versionId()).isEqualTo(second);
            }
        }
    }

    @Test
    void badFeedArgumentsAreRefusedNamingTheParameterAndValue() {
        try (ModelRegistry registry = open()) {
            for (long cursor : new long[] {-1, Long.MIN_VALUE}) {
                assertThatThrownBy(() -> registry.activationChangesSince(cursor, 10))
                        .isInstanceOf(InvalidFeedRequestException.class).hasMessageContaining("cursor")
                        .hasMessageContaining(String.valueOf(cursor));
                assertThatThrownBy(() -> registry.onActivationChange(cursor, change -> { }))
                        .isInstanceOf(InvalidFeedRequestException.class).hasMessageContaining("cursor");
            }
            for (int limit : new int[] {0, -5, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
                assertThatThrownBy(() -> registry.activationChangesSince(0, limit))
                        .isInstanceOf(InvalidFeedRequestException.class).hasMessageContaining("limit")
                        .hasMessageContaining(String.valueOf(limit));
            }
            assertThatThrownBy(() -> registry.onActivationChange(null))
                    .isInstanceOf(InvalidFeedRequestException.class).hasMessageContaining("listener");
            assertThat(registry.activationChangesSince(Long.MAX_VALUE, 1000)).isEmpty();
        }
    }

    @Test
    void theCacheIsNeverStaleAfterThisProcesssOwnWrites() {
        String sensor = aSensor();
        try (ModelRegistry registry = openCached()) {
            assertThat(registry.getActiveModelVersion(sensor, "telemanom")).isEmpty();
            String first = registry.registerModel(FeedChild.registration(sensor, 0.09));
            assertThat(registry.getActiveModelVersion(sensor, "telemanom")).contains(first);
            double rate = 0.09;
            String previous = first;
            for (int i = 0; i < 10; i++) {
                rate -= 0.005;
                String better = registry.registerModel(FeedChild.registration(sensor, rate));
                assertThat(registry.getActiveModelVersion(sensor, "telemanom")).as("after registering " + better)
                        .contains(better);
                assertThat(registry.getActiveModel(sensor, "telemanom").orElseThrow().versionId()).isEqualTo(better);
                registry.promoteVersion(previous);
                assertThat(registry.getActiveModelVersion(sensor, "telemanom")).as("after promoting " + previous)
                        .contains(previous);
                assertThat(registry.getActiveModel(sensor, "telemanom").orElseThrow().versionId()).isEqualTo(previous);
                previous = better;
            }
        }
    }

    @Test
    void theCacheAnswersAnotherProcesssPromotionOnceTheFeedDeliveredItAndWithinTheBound() throws Exception {
        String sensor = aSensor();
        BlockingQueue<ActivationEvent> delivered = new LinkedBlockingQueue<>();
        try (ModelRegistry registry = openCached();
             AutoCloseable subscription = registry.onActivationChange(delivered::add); // after the cache's own
             Child other = new Child()) {
            String first = other.send("register " + sensor + " 0.09");
            String second = other.send("register " + sensor + " 0.05");
            assertThat(delivered.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(delivered.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(registry.getActiveModelVersion(sensor, "telemanom")).contains(second); // now in memory
            assertThat(registry.getActiveModel(sensor, "telemanom").orElseThrow().versionId()).isEqualTo(second);

            other.send("promote " + first);
            long committed = System.nanoTime();
            while (!registry.getActiveModelVersion(sensor, "telemanom").orElseThrow().equals(first)) {
                assertThat(System.nanoTime() - committed).as("stale longer than the bound (with a margin for a loaded machine)")
                        .isLessThan(TimeUnit.SECONDS.toNanos(10));
                Thread.sleep(5);
            }
            assertThat(delivered.poll(10, TimeUnit.SECONDS).versionId()).isEqualTo(first);
            assertThat(registry.getActiveModelVersion(sensor, "telemanom")).contains(first);
            assertThat(registry.getActiveModel(sensor, "telemanom").orElseThrow().versionId()).isEqualTo(first);
        }
    }

    @Test
    void closingTheRegistryStopsItsFeedThread() throws Exception {
        long before = feedThreads();
        ModelRegistry registry = open();
        registry.onActivationChange(change -> { });
        assertThat(feedThreads()).isEqualTo(before + 1);
        registry.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (feedThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(feedThreads()).isEqualTo(before);
    }

    private static long feedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("registry-activation-feed") && thread.isAlive()).count();
    }
}
