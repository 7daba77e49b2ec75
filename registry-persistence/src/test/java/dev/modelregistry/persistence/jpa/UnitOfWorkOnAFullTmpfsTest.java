package dev.modelregistry.persistence.jpa;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.RegistryInvariants;
import dev.modelregistry.persistence.SqliteFaults;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing behind {@link UnitOfWorkOnAFullDiskTest}: the registry on a small tmpfs that
 * runs out of space (ENOSPC while SQLite appends to its WAL). Runs only where this process may
 * mount a tmpfs (root on Linux); skipped elsewhere. Every failed registration says "disk full"
 * (or an input/output error) in words and commits nothing; the invariants hold after every
 * call; once space is freed, registering works again.
 */
class UnitOfWorkOnAFullTmpfsTest {

    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();

    @TempDir
    Path mountPoint;

    private boolean mounted;

    @BeforeEach
    void mountASmallTmpfs() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs needs Linux");
        mounted = run("mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root): the portable max_page_count"
                + " variant UnitOfWorkOnAFullDiskTest covers the same guarantees");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    @Test
    void registrationsOnAFullTmpfsFailInWordsCommitNothingAndWorkAgainOnceThereIsSpace() throws Exception {
        Path registryDir = mountPoint.resolve("registry");
        Path filler = mountPoint.resolve("filler");
        int failures = 0;
        int calls = 0;
        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir)) {
            register(database);
            fillUpLeaving(filler, 96 * 1024);
            for (; calls < 400 && failures < 5; calls++) {
                String before = rows(registryDir);
                try {
                    register(database);
                } catch (RegistryUnavailableException failure) {
                    failures++;
                    assertThat(failure.getMessage()).containsAnyOf("disk full (no space left on device)",
                            "input/output error");
                    assertThat(rows(registryDir)).as("call %d threw: nothing committed", calls).isEqualTo(before);
                }
                assertInvariants(registryDir);
            }
            assertThat(failures).as("the tmpfs filled up").isPositive();

            Files.delete(filler);
            register(database);
            assertInvariants(registryDir);
        }
        System.out.printf("full tmpfs: calls=%d, failures=%d%n", calls, failures);
    }

    private static void register(RegistryDatabase database) {
        database.unitOfWork().execute(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ModelId id = ModelId.of(SensorId.of("tmpfs"), ModelType.of("telemanom"));
            Model model = database.repository().findById(id)
                    .orElseGet(() -> Model.create(SensorId.of("tmpfs"), ModelType.of("telemanom"), now));
            model.register(IDS.nextId(), new VersionSpec("data/models/x", Attributes.of(Map.of("epochs", 1)),
                    Attributes.of(Map.of("loss", 0.1)), Attributes.of(metricsWithAnomalyRate(0.01 + Math.random() / 20)),
                    1, 1.0, "abc", "d".repeat(3000), Tags.of(List.of("t")),
                    DataLineage.of("sha256-of-data", null, null, null, null)), SCORING, now);
            database.repository().save(model);
            return null;
        });
    }

    /** Writes a file until the file system has only about {@code spare} bytes left. */
    private static void fillUpLeaving(Path filler, long spare) throws IOException {
        long free = Files.getFileStore(filler.getParent()).getUsableSpace();
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < free - spare; written += block.length) {
                out.write(block);
            }
        }
    }

    private static String rows(Path registryDir) {
        return SqliteFaults.rowsOf(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME));
    }

    private static void assertInvariants(Path registryDir) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME))) {
            assertThat(RegistryInvariants.check(connection).violations()).isEmpty();
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
