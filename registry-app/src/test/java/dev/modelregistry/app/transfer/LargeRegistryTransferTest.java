package dev.modelregistry.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionSpec;
import dev.modelregistry.domain.scoring.ScoringPolicy;
import dev.modelregistry.persistence.RegistryDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry of a few thousand versions over more models than one read or one batch holds:
 * exported and imported in bounded pieces (the export never loads more than
 * {@value RegistryExport#MODELS_PER_READ} models at once nor all models at all; the import
 * flushes and forgets every {@value RegistryImport#MODELS_PER_BATCH} models), and the round
 * trip gives the same bytes.
 */
class LargeRegistryTransferTest {

    private static final int MODELS = 210;
    private static final int VERSIONS_PER_MODEL = 10;
    private static final Instant T0 = Instant.parse("2025-09-30T10:15:30.123456Z");

    @TempDir
    Path tmp;

    @Test
    void aRegistryOfThousandsOfVersionsTravelsInBoundedPiecesAndComesBackByteForByte() throws Exception {
        Path first = tmp.resolve("first.jsonl");
        Path second = tmp.resolve("second.jsonl");
        AtomicInteger largestRead = new AtomicInteger();
        try (RegistryDatabase source = RegistryDatabase.openSqlite(tmp.resolve("source"))) {
            fill(source);
            ModelRepository counting = watching(source.repository(), largestRead);

            TransferSummary exported = new RegistryExport(counting, source.unitOfWork()).writeTo(first);

            assertThat(exported.models()).isEqualTo(MODELS);
            assertThat(exported.versions()).isEqualTo(MODELS * VERSIONS_PER_MODEL);
        }
        assertThat(largestRead.get()).as("models loaded by one read").isEqualTo(RegistryExport.MODELS_PER_READ);

        try (RegistryDatabase target = RegistryDatabase.openSqlite(tmp.resolve("target"))) {
            AtomicInteger checkpoints = new AtomicInteger();
            TransferSummary imported = new RegistryImport(first).into(target.repository(),
                    checkpointCounting(target.unitOfWork(), checkpoints));

            assertThat(imported.versions()).isEqualTo(MODELS * VERSIONS_PER_MODEL);
            assertThat(checkpoints.get()).as("batches flushed and forgotten")
                    .isEqualTo((MODELS + RegistryImport.MODELS_PER_BATCH - 1) / RegistryImport.MODELS_PER_BATCH);
            new RegistryExport(target.repository(), target.unitOfWork()).writeTo(second);
        }
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    private static void fill(RegistryDatabase database) {
        ScoringPolicy scoring = ScoringPolicy.defaults();
        database.unitOfWork().run(() -> {
            for (int m = 0; m < MODELS; m++) {
                Model model = Model.create(SensorId.of(String.format("S-%04d", m)), ModelType.of("telemanom"), T0);
                for (int v = 0; v < VERSIONS_PER_MODEL; v++) {
                    model.register(VersionId.of(String.format("m%04dv%02d", m, v)), spec(m, v), scoring,
                            T0.plusSeconds(v));
                }
                database.repository().save(model);
            }
        });
    }

    private static VersionSpec spec(int model, int version) {
        return new VersionSpec("data/models/telemanom/S-" + model, Attributes.of(Map.of("epochs", 10 + version)),
                Attributes.of(Map.of("loss", 1.0 / (version + 1))),
                Attributes.of(Map.of("validation_performed", true, "r2_score", (version * 7 % 10) / 10.0)), 1024L * version,
                1.5, "md5-" + version, "version " + version, Tags.of(List.of("t" + version % 3)),
                DataLineage.of("hash-" + model + "-" + version, "nasa_smap", "2024-01-01", "2024-03-01", 100L));
    }

    /** The repository, remembering the most models one findAllWithVersions returned; findAll is forbidden. */
    private static ModelRepository watching(ModelRepository repository, AtomicInteger largestRead) {
        return (ModelRepository) Proxy.newProxyInstance(ModelRepository.class.getClassLoader(),
                new Class<?>[] {ModelRepository.class}, (proxy, method, args) -> {
                    assertThat(method.getName()).as("the export never loads every model").isNotEqualTo("findAll");
                    Object result = invoke(repository, method, args);
                    if (method.getName().equals("findAllWithVersions")) {
                        largestRead.accumulateAndGet(((Collection<?>) result).size(), Math::max);
                    }
                    return result;
                });
    }

    private static UnitOfWork checkpointCounting(UnitOfWork unitOfWork, AtomicInteger checkpoints) {
        return new UnitOfWork() {
            @Override
            public <T> T execute(Supplier<T> work) {
                return unitOfWork.execute(work);
            }

            @Override
            public <T> T read(Supplier<T> work) {
                return unitOfWork.read(work);
            }

            @Override
            public void checkpoint() {
                checkpoints.incrementAndGet();
                unitOfWork.checkpoint();
            }
        };
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
