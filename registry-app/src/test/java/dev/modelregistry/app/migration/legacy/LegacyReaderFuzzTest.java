package dev.modelregistry.app.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Damaged metadata, byte by byte: the reader never throws and always blames the damaged file. */
class LegacyReaderFuzzTest {

    private static final String PWR = "7f282096";
    private static Path tmp;
    private static Path registry;
    private static byte[] original;

    private final LegacyRegistryReader reader = new LegacyRegistryReader(ZoneOffset.UTC, Path.of("data/models"));

    @BeforeContainer
    static void copyFixture() throws IOException {
        tmp = Files.createTempDirectory("legacy-fuzz");
        registry = LegacyFixtures.copyOfRealRegistry(tmp);
        original = Files.readAllBytes(LegacyFixtures.metadata(registry, PWR));
    }

    @AfterContainer
    static void deleteCopy() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 300)
    void aMetadataFileWithOneByteChangedOrCutNeverBreaksTheReader(
            @ForAll @IntRange(min = 0, max = 1999) int position, @ForAll byte value, @ForAll boolean truncate)
            throws IOException {
        Path file = LegacyFixtures.metadata(registry, PWR);
        int at = position % original.length;
        byte[] damaged = truncate ? Arrays.copyOf(original, at) : original.clone();
        if (!truncate) {
            damaged[at] = value;
        }
        Files.write(file, damaged);
        try {
            LegacyRegistry result = reader.read(registry);

            assertThat(result.versionCount()).isBetween(11, 12);
            assertThat(result.blockingProblems()).allSatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.message()).contains(file.toString());
            });
            if (result.version(PWR).isEmpty()) {
                assertThat(result.blockingProblems()).isNotEmpty();
            }
        } finally {
            Files.write(file, original);
        }
    }
}
