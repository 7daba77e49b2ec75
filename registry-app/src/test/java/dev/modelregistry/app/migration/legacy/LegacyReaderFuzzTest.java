package dev.modelregistry.app.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Damaged metadata, byte by byte: the reader never throws and always blames the damaged file. */
class LegacyReaderFuzzTest {

    private static final String PWR = "7f282096";
    private static Path tmp;
    private static Path registry;
    private static byte[] original;

    private final LegacyRegistryReader reader = new LegacyRegistryReader(ZoneOffset.UTC, Path.of("data/models"));

    @BeforeAll
    static void copyFixture() throws IOException {
        tmp = Files.createTempDirectory("legacy-fuzz");
        registry = LegacyFixtures.copyOfRealRegistry(tmp);
        original = Files.readAllBytes(LegacyFixtures.metadata(registry, PWR));
    }

    @AfterAll
    static void deleteCopy() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aMetadataFileWithOneByteChangedOrCutNeverBreaksTheReader() {
        qt().withExamples(300)
                .forAll(integers().between(0, 1999), integers().between(Byte.MIN_VALUE, Byte.MAX_VALUE), booleans().all())
                .checkAssert((position, value, truncate) -> damageAndRead(position, value.byteValue(), truncate));
    }

    private void damageAndRead(int position, byte value, boolean truncate) {
        Path file = LegacyFixtures.metadata(registry, PWR);
        int at = position % original.length;
        byte[] damaged = truncate ? Arrays.copyOf(original, at) : original.clone();
        if (!truncate) {
            damaged[at] = value;
        }
        try {
            Files.write(file, damaged);
            LegacyRegistry result = reader.read(registry);

            assertThat(result.versionCount()).isBetween(11, 12);
            assertThat(result.blockingProblems()).allSatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.message()).contains(file.toString());
            });
            if (result.version(PWR).isEmpty()) {
                assertThat(result.blockingProblems()).isNotEmpty();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            restore(file);
        }
    }

    private static void restore(Path file) {
        try {
            Files.write(file, original);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
