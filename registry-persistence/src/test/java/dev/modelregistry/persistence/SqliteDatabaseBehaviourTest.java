package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelregistry.persistence.format.UtcText;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DatabaseBehaviourTest} on a SQLite file, plus what only SQLite needs: readable timestamp text. */
class SqliteDatabaseBehaviourTest extends DatabaseBehaviourTest {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected ClassDatabase db() {
        return db;
    }

    @Override
    protected String timestampLiteral() {
        return "'2025-01-01T00:00:00.000000Z'";
    }

    @Override
    protected String foreignKeyWord() {
        return "FOREIGN KEY";
    }

    @Test
    void theDatabaseFileLivesInTheRegistryFolder() {
        assertThat(db.folder().resolve("model_registry.db")).isRegularFile();
        assertThat(db.database().jdbcUrl()).startsWith("jdbc:sqlite:").contains("model_registry.db");
    }

    @Test
    void timestampsAreStoredAsReadableUtcTextWithMicroseconds() throws SQLException {
        Instant at = Instant.parse("2025-09-29T21:57:26.679550Z");
        VersionId versionId = db.database().unitOfWork().execute(() -> {
            Model model = Fixtures.aModel("text-" + System.nanoTime(), "telemanom");
            VersionId id = model.register(new RandomVersionIdGenerator().nextId(),
                    aSpec(metricsWithAnomalyRate(0.05)), SCORING, at).id();
            db.database().repository().save(model);
            return id;
        });
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select v.created_at, typeof(v.created_at), l.created_at, m.created_at from versions v"
                        + " join data_lineage l on l.version_id = v.version_id join models m on m.model_id = v.model_id"
                        + " where v.version_id = ?")) {
            query.setString(1, versionId.value());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("2025-09-29T21:57:26.679550Z");
                assertThat(row.getString(2)).isEqualTo("text");
                assertThat(row.getString(3)).isEqualTo("2025-09-29T21:57:26.679550Z");
                assertThat(row.getString(4)).isEqualTo("2025-09-30T10:15:30.123456Z");
            }
        }
    }

    @Test
    void timestampsWrittenByThePythonRegistryAreRead() {
        assertThat(UtcText.parse("2026-11-26 07:41:09")).isEqualTo(Instant.parse("2026-11-26T07:41:09Z"));
        assertThat(UtcText.parse("2026-11-26T07:41:09.145256")).isEqualTo(Instant.parse("2026-11-26T07:41:09.145256Z"));
        assertThat(UtcText.parse("2026-11-26T07:41:09.145256+02:00"))
                .isEqualTo(Instant.parse("2026-11-26T05:41:09.145256Z"));
        assertThat(UtcText.format(Instant.parse("2026-11-26T07:41:09Z"))).isEqualTo("2026-11-26T07:41:09.000000Z");
    }

    @Test
    void readsDoNotWaitForAWriterHoldingTheWriteLock() throws Exception {
        String sensor = "reader-" + System.nanoTime();
        ModelId modelId = ModelId.of(SensorId.of(sensor), Fixtures.TELEMANOM);
        VersionId versionId = db.database().unitOfWork().execute(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            VersionId id = Fixtures.register(model, 0.05, 1).id();
            db.database().repository().save(model);
            return id;
        });
        CountDownLatch writerInside = new CountDownLatch(1);
        CountDownLatch releaseWriter = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> db.database().unitOfWork().run(() -> {
                db.database().repository().findById(modelId).orElseThrow();
                writerInside.countDown();
                await(releaseWriter);
            }));
            assertThat(writerInside.await(10, TimeUnit.SECONDS)).isTrue();

            Optional<VersionId> active = assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                    db.database().unitOfWork().read(() -> db.database().readModels().activeVersions().activeVersionId(SensorId.of(sensor), Fixtures.TELEMANOM)));

            assertThat(active).contains(versionId);
            releaseWriter.countDown();
            write.get(10, TimeUnit.SECONDS);
        } finally {
            releaseWriter.countDown();
            writer.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
