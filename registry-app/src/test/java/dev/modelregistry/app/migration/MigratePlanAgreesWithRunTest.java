package dev.modelregistry.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dry run and the real run take one path (M1): for many damaged copies of the real
 * registry, with and without --skip-invalid, on an empty target and on one migrated before, the
 * dry run announces exactly what the real run then does: the outcome and exit code, every
 * problem, the counts, the re-elections, the models not created, and whether a backup is taken.
 */
class MigratePlanAgreesWithRunTest {

    private static final String PWR = "7f282096";
    private static final String COM = "1ecf6575";

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);

    record Mutation(String name, boolean migratedBefore, Consumer<Path> damage) {
        @Override
        public String toString() {
            return name + (migratedBefore ? " (target migrated before)" : "");
        }
    }

    static Stream<Arguments> mutations() {
        Stream<Mutation> mutations = Stream.of(
                new Mutation("nothing changed", false, legacy -> { }),
                new Mutation("nothing changed", true, legacy -> { }),
                new Mutation("a trailing space in sensor_id", false, MigratePlanAgreesWithRunTest::trailingSpace),
                new Mutation("a NaN performance_score", false, legacy -> replace(legacy, PWR, "\"performance_score\": 0.08449109285985841", "\"performance_score\": NaN")),
                new Mutation("a missing metadata file", false, legacy -> delete(LegacyFixtures.metadata(legacy, PWR))),
                new Mutation("truncated metadata", false, legacy -> LegacyFixtures.write(LegacyFixtures.metadata(legacy, PWR), "{\"model_id\": ")),
                new Mutation("an orphan metadata file", false, legacy -> LegacyFixtures.write(LegacyFixtures.metadata(legacy, "deadbeef"), "{}")),
                new Mutation("an unknown active_version", false, legacy -> LegacyFixtures.replaceIn(
                        legacy.resolve("models_index.json"), "\"active_version\": \"" + PWR + "\"", "\"active_version\": \"0badc0de\"")),
                new Mutation("validation not performed", false, legacy -> replace(legacy, PWR, "\"validation_performed\": true", "\"validation_performed\": false")),
                new Mutation("a negative model_size_bytes", false, legacy -> replace(legacy, PWR, "\"model_size_bytes\": 2738220", "\"model_size_bytes\": -1")),
                new Mutation("a control character in model_type", false, legacy -> {
                    LegacyFixtures.replaceIn(legacy.resolve("models_index.json"), "\"transformer_SMAP-PWR-001\"", "\"trans\\u0007former_SMAP-PWR-001\"");
                    LegacyFixtures.replaceIn(legacy.resolve("models_index.json"), "\"model_type\": \"transformer\",\n    \"active_version\": \"" + PWR,
                            "\"model_type\": \"trans\\u0007former\",\n    \"active_version\": \"" + PWR);
                }),
                new Mutation("an empty models index", false, legacy -> {
                    LegacyFixtures.write(legacy.resolve("models_index.json"), "{}");
                    LegacyFixtures.write(legacy.resolve("versions_index.json"), "{}");
                    try (Stream<Path> files = Files.list(legacy.resolve("metadata"))) {
                        files.forEach(MigratePlanAgreesWithRunTest::delete);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }),
                new Mutation("a missing models index", false, legacy -> delete(legacy.resolve("models_index.json"))),
                new Mutation("different content under a migrated id", true,
                        legacy -> replace(legacy, COM, "\"model_size_bytes\": ", "\"model_size_bytes\": 1")),
                new Mutation("a trailing space in sensor_id", true, MigratePlanAgreesWithRunTest::trailingSpace),
                new Mutation("a missing metadata file", true, legacy -> delete(LegacyFixtures.metadata(legacy, PWR))));
        return mutations.flatMap(mutation -> Stream.of(Arguments.of(mutation, false), Arguments.of(mutation, true)));
    }

    @ParameterizedTest(name = "{0}, skip invalid: {1}")
    @MethodSource("mutations")
    void theDryRunAnnouncesWhatTheRealRunDoes(Mutation mutation, boolean skipInvalid) throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        InMemoryMigrationTarget target = new InMemoryMigrationTarget();
        LegacyMigration migration = new LegacyMigration(target.opener(), clock, MigrationListener.SILENT);
        if (mutation.migratedBefore()) {
            assertThat(migration.migrate(request(legacy, false, false)).outcome()).isEqualTo(MigrationOutcome.MIGRATED);
            deleteBackups(legacy);
        }
        mutation.damage().accept(legacy);
        int openedBefore = target.timesOpened();

        MigrationReport dry = migration.migrate(request(legacy, true, skipInvalid));
        assertThat(target.timesOpened()).as("the dry run never opens the target for writing").isEqualTo(openedBefore);
        assertThat(backups(legacy)).as("the dry run writes no backup").isZero();
        MigrationReport real = migration.migrate(request(legacy, false, skipInvalid));

        String both = "dry run: " + dry + "\nreal run: " + real;
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.outcome()).as(both).isEqualTo(real.outcome());
        assertThat(dry.exitCode()).as(both).isEqualTo(real.exitCode());
        assertThat(dry.problems()).extracting(LegacyProblem::message).as(both)
                .isEqualTo(real.problems().stream().map(LegacyProblem::message).toList());
        assertThat(dry.imported()).as("would import vs imported: " + both).isEqualTo(real.imported());
        assertThat(dry.alreadyPresent()).as(both).isEqualTo(real.alreadyPresent());
        assertThat(dry.unvalidatedImported()).as(both).isEqualTo(real.unvalidatedImported());
        assertThat(dry.reelected()).as(both).isEqualTo(real.reelected());
        assertThat(dry.notCreated()).as(both).isEqualTo(real.notCreated());
        assertThat(dry.failure()).as(both).isEqualTo(real.failure());
        assertThat(dry.backupPath().isPresent()).as("backup announced vs taken: " + both).isEqualTo(backups(legacy) == 1);
    }

    private static void trailingSpace(Path legacy) {
        for (Path file : new Path[] {legacy.resolve("models_index.json"), LegacyFixtures.metadata(legacy, PWR)}) {
            LegacyFixtures.replaceIn(file, "\"transformer_SMAP-PWR-001\"", "\"transformer_SMAP-PWR-001 \"");
            LegacyFixtures.replaceIn(file, "\"sensor_id\": \"SMAP-PWR-001\"", "\"sensor_id\": \"SMAP-PWR-001 \"");
        }
    }

    private static void replace(Path legacy, String versionId, String from, String to) {
        LegacyFixtures.replaceIn(LegacyFixtures.metadata(legacy, versionId), from, to);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private MigrationRequest request(Path legacy, boolean dryRun, boolean skipInvalid) {
        return new MigrationRequest(legacy, legacy.resolveSibling("registry_sqlite"), legacy.getParent(), ZoneId.of("UTC"),
                dryRun, skipInvalid);
    }

    private static long backups(Path legacy) throws Exception {
        try (Stream<Path> siblings = Files.list(legacy.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("registry_backup_")).count();
        }
    }

    private static void deleteBackups(Path legacy) throws Exception {
        try (Stream<Path> siblings = Files.list(legacy.getParent())) {
            for (Path backup : siblings.filter(p -> p.getFileName().toString().startsWith("registry_backup_")).toList()) {
                try (Stream<Path> tree = Files.walk(backup)) {
                    tree.sorted(java.util.Comparator.reverseOrder()).forEach(MigratePlanAgreesWithRunTest::delete);
                }
            }
        }
    }
}
