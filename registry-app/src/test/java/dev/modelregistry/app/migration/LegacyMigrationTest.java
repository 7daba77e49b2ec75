package dev.modelregistry.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.backup.BackupManifest;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.model.InMemoryUnitOfWork;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrate use case (M1-M8) over the in-memory repository. */
class LegacyMigrationTest {

    @TempDir
    Path tmp;

    private final InMemoryMigrationTarget target = new InMemoryMigrationTarget();
    private final InMemoryModelRepository repository = target.repository();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);
    private final LegacyMigration migration = new LegacyMigration(target.opener(), clock, MigrationListener.SILENT);

    private MigrationRequest request(Path legacy, boolean dryRun, boolean skipInvalid) {
        return new MigrationRequest(legacy, legacy.resolveSibling("registry_sqlite"), legacy.getParent(), ZoneId.of("UTC"),
                dryRun, skipInvalid);
    }

    private Model model(String id) {
        return repository.findById(new ModelId(id)).orElseThrow();
    }

    private List<Path> backups(Path legacy) throws Exception {
        try (Stream<Path> siblings = Files.list(legacy.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("registry_backup_")).toList();
        }
    }

    @Test
    void theRealPlatformRegistryMigratesWithIdsScoresTimesAndActiveVersionsUnchanged() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Map<String, String> before = LegacyFixtures.hashTree(legacy);

        MigrationReport report = migration.migrate(request(legacy, false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(report.exitCode()).isZero();
        assertThat(report.models()).isEqualTo(12);
        assertThat(report.imported()).isEqualTo(12);
        assertThat(report.mismatches()).isEmpty();
        assertThat(repository.all()).hasSize(12);
        Model pwr = model("transformer_SMAP-PWR-001");
        ModelVersion version = pwr.findVersion(VersionId.of("7f282096")).orElseThrow();
        assertThat(version.performanceScore()).isEqualTo(0.08449109285985841);
        assertThat(version.createdAt()).isEqualTo(Instant.parse("2025-09-29T23:57:26.679550Z"));
        assertThat(version.isActive()).isTrue();
        assertThat(pwr.history()).singleElement().satisfies(change -> assertThat(change.reason()).isEqualTo(ActivationReason.MIGRATED));
        assertThat(version.modelPath()).contains(legacy.getParent().resolve("transformer/SMAP-PWR-001").toString());
        assertThat(version.lineage()).hasValueSatisfying(lineage -> assertThat(lineage.dataHash()).isNotBlank());
        assertThat(LegacyFixtures.hashTree(legacy)).isEqualTo(before);
        Path backup = report.backupPath().orElseThrow();
        assertThat(backup.getFileName().toString()).matches("registry_backup_\\d{8}_\\d{6}");
        Map<String, String> copied = new java.util.TreeMap<>(LegacyFixtures.hashTree(backup));
        assertThat(copied.remove(BackupManifest.FILE_NAME)).as("the verified copy is marked").isNotNull();
        assertThat(copied).isEqualTo(before);
    }

    @Test
    void theImportWritesItsFirstRowOnlyOnceTheBackupIsCompleteAndVerified() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Map<String, String> before = LegacyFixtures.hashTree(legacy);
        List<Map<String, String>> backupsAtFirstWrite = new java.util.ArrayList<>();
        boolean[] written = {false};
        UnitOfWork checking = new UnitOfWork() {
            @Override
            public <T> T execute(Supplier<T> work) {
                if (!written[0]) { // the import's unit of work; verification's follows
                    written[0] = true;
                    try {
                        for (Path backup : backups(legacy)) {
                            backupsAtFirstWrite.add(new java.util.TreeMap<>(LegacyFixtures.hashTree(backup)));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return target.unitOfWork().execute(work);
            }
        };
        MigrationTargets opener = new MigrationTargets() {
            @Override
            public Optional<MigrationTarget> openExisting(MigrationRequest request) {
                return Optional.of(target);
            }

            @Override
            public MigrationTarget openForImport(MigrationRequest request) {
                return new MigrationTarget() {
                    @Override
                    public ModelRepository repository() {
                        return repository;
                    }

                    @Override
                    public UnitOfWork unitOfWork() {
                        return checking;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };

        MigrationReport report = new LegacyMigration(opener, clock, MigrationListener.SILENT).migrate(request(legacy, false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(backupsAtFirstWrite).singleElement().satisfies(copied -> {
            assertThat(copied.remove(BackupManifest.FILE_NAME)).as("verified and marked before the import").isNotNull();
            assertThat(copied).isEqualTo(before);
        });
    }

    @Test
    void aTargetThatCannotBeOpenedForTheImportLeavesNoBackup() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        MigrationTargets unopenable = new MigrationTargets() {
            @Override
            public Optional<MigrationTarget> openExisting(MigrationRequest request) {
                return Optional.empty();
            }

            @Override
            public MigrationTarget openForImport(MigrationRequest request) {
                throw new IllegalStateException("the database is locked by another program");
            }
        };

        MigrationReport report = new LegacyMigration(unopenable, clock, MigrationListener.SILENT).migrate(request(legacy, false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.TARGET_UNAVAILABLE);
        assertThat(report.failure()).hasValue("the database is locked by another program");
        assertThat(report.backupPath()).isEmpty();
        assertThat(backups(legacy)).isEmpty();
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothingAtAll() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Map<String, String> before = LegacyFixtures.hashTree(tmp);

        MigrationReport report = migration.migrate(request(legacy, true, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.imported()).as("would import").isEqualTo(12);
        assertThat(report.exitCode()).isZero();
        assertThat(report.models()).isEqualTo(12);
        assertThat(report.versions()).isEqualTo(12);
        assertThat(report.backupPath()).isPresent();
        assertThat(report.databasePath()).isEqualTo(legacy.resolveSibling("registry_sqlite").resolve("model_registry.db"));
        assertThat(target.timesOpened()).isZero();
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
        assertThat(backups(legacy)).isEmpty();
    }

    @Test
    void runningAgainImportsNothingTwiceAndSaysSo() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        migration.migrate(request(legacy, false, false));

        MigrationReport again = migration.migrate(request(legacy, false, false));

        assertThat(again.outcome()).isEqualTo(MigrationOutcome.ALREADY_MIGRATED);
        assertThat(again.exitCode()).isZero();
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(12);
        assertThat((long) repository.all().stream().mapToInt(model -> model.versions().size()).sum()).isEqualTo(12);
    }

    @Test
    void anImportIntoATargetWithoutModelsLooksUpNoStoredVersions() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        List<String> lookups = new java.util.ArrayList<>();
        InMemoryModelRepository counting = new InMemoryModelRepository() {
            @Override
            public Set<VersionId> findExistingVersionIds(Collection<VersionId> versionIds) {
                lookups.add("versions");
                return super.findExistingVersionIds(versionIds);
            }
        };
        InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
        MigrationTarget empty = new MigrationTarget() {
            @Override
            public ModelRepository repository() {
                return counting;
            }

            @Override
            public UnitOfWork unitOfWork() {
                return unitOfWork;
            }

            @Override
            public void close() {
            }
        };
        LegacyMigration migration = new LegacyMigration(MigrationTargets.of(request -> empty), clock, MigrationListener.SILENT);

        MigrationReport first = migration.migrate(request(legacy, false, false));
        List<String> firstLookups = List.copyOf(lookups);
        lookups.clear();
        MigrationReport again = migration.migrate(request(legacy, false, false));

        assertThat(first.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(first.mismatches()).isEmpty();
        assertThat(counting.all()).hasSize(12);
        assertThat(firstLookups).as("neither the preview nor the import of a target without models looks up").isEmpty();
        assertThat(again.outcome()).isEqualTo(MigrationOutcome.ALREADY_MIGRATED);
        assertThat(lookups).as("a target with models is asked per batch").contains("versions");
    }

    @Test
    void aVersionIdThatExistsWithDifferentContentStopsTheRunAndChangesNothing() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        migration.migrate(request(legacy, false, false));
        LegacyFixtures.replaceIn(LegacyFixtures.metadata(legacy, "7f282096"), "\"description\": \"", "\"description\": \"edited ");

        MigrationReport again = migration.migrate(request(legacy, false, false));

        assertThat(again.outcome()).isEqualTo(MigrationOutcome.CONFLICT);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.failure()).hasValueSatisfying(message -> assertThat(message).contains("7f282096").contains("description"));
        assertThat(model("transformer_SMAP-PWR-001").findVersion(VersionId.of("7f282096")).orElseThrow().description())
                .hasValueSatisfying(description -> assertThat(description).doesNotStartWith("edited"));
    }

    @Test
    void aBrokenRegistryIsRefusedWithItsProblemsAndNothingIsWritten() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Files.delete(LegacyFixtures.metadata(legacy, "7f282096"));
        Map<String, String> before = LegacyFixtures.hashTree(tmp);

        MigrationReport report = migration.migrate(request(legacy, false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.REFUSED);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.problems()).extracting(LegacyProblem::kind).contains(LegacyProblem.Kind.MISSING_METADATA);
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem.message()).contains("7f282096.json"));
        assertThat(target.timesOpened()).isZero();
        assertThat(backups(legacy)).isEmpty();
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
    }

    @Test
    void skippingInvalidItemsImportsTheRestListsTheSkippedAndExitsNonZero() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        LegacyFixtures.write(LegacyFixtures.metadata(legacy, "7f282096"), "{ not json");

        MigrationReport report = migration.migrate(request(legacy, false, true));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED_WITH_SKIPS);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.imported()).isEqualTo(11);
        assertThat(report.skipped()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(LegacyProblem.Kind.MALFORMED_JSON);
            assertThat(problem.versionId()).isEqualTo("7f282096");
        });
        assertThat(repository.findById(new ModelId("transformer_SMAP-PWR-001"))).as("never a model without versions").isEmpty();
        assertThat(report.notCreated()).singleElement().asString().contains("transformer_SMAP-PWR-001", "not created");
    }

    @Test
    void registriesWithManyVersionsKeepTheRecordedActiveVersionAndImportUnvalidatedOnes() throws Exception {
        Path legacy = tmp.resolve("data/models/registry");
        LegacyRegistryGenerator.Summary generated = new LegacyRegistryGenerator(7).generate(legacy, 20, 5);

        MigrationReport report = migration.migrate(request(legacy, false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(report.imported()).isEqualTo(100);
        assertThat(report.unvalidatedImported()).isEqualTo(generated.unvalidated()).isPositive();
        assertThat(report.mismatches()).isEmpty();
        for (Model model : repository.all()) {
            assertThat(model.versions()).hasSize(5).filteredOn(ModelVersion::isActive).hasSize(1);
        }
    }

    @Test
    void anActiveVersionNamingAMissingVersionIsReelectedAndReported() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path index = legacy.resolve("models_index.json");
        LegacyFixtures.replaceIn(index, "\"active_version\": \"7f282096\"", "\"active_version\": \"0badc0de\"");

        MigrationReport report = migration.migrate(request(legacy, false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(report.reelected()).singleElement().satisfies(note -> assertThat(note).contains("transformer_SMAP-PWR-001").contains("0badc0de"));
        Model pwr = model("transformer_SMAP-PWR-001");
        assertThat(pwr.activeVersionId()).contains(VersionId.of("7f282096"));
        assertThat(pwr.history()).singleElement().satisfies(change -> assertThat(change.reason()).isEqualTo(ActivationReason.REELECTED));
    }

    @Test
    void aRecordedScoreThatIsNotAFiniteNumberIsAProblemNamingTheFile() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        LegacyFixtures.replaceIn(LegacyFixtures.metadata(legacy, "7f282096"), "\"performance_score\": 0.08449109285985841",
                "\"performance_score\": NaN");

        MigrationReport report = migration.migrate(request(legacy, false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.REFUSED);
        assertThat(report.problems()).anySatisfy(problem -> {
            assertThat(problem.kind()).isEqualTo(LegacyProblem.Kind.INVALID_FIELD);
            assertThat(problem.message()).contains("7f282096.json").contains("performance_score").contains("NaN");
        });
        assertThat(target.timesOpened()).isZero();
    }

    @Test
    void aMissingLegacyFolderIsNothingToMigrateNamingIt() {
        MigrationReport report = migration.migrate(request(tmp.resolve("nowhere/registry"), false, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.NOTHING_TO_MIGRATE);
        assertThat(report.failure()).hasValueSatisfying(message -> assertThat(message).contains("nowhere"));
        assertThat(target.timesOpened()).isZero();
    }

    @Test
    void anEmptyRegistryIsNothingToMigrateAndOpensNoTarget() throws Exception {
        Path legacy = tmp.resolve("data/models/registry");
        Files.createDirectories(legacy.resolve("metadata"));
        Files.writeString(legacy.resolve("models_index.json"), "{}");
        Files.writeString(legacy.resolve("versions_index.json"), "{}");

        MigrationReport report = migration.migrate(request(legacy, false, false));

        assertThat(report.models()).isZero();
        assertThat(report.outcome()).isEqualTo(MigrationOutcome.NOTHING_TO_MIGRATE);
        assertThat(report.failure()).hasValueSatisfying(message -> assertThat(message).contains("holds no versions"));
        assertThat(target.timesOpened()).isZero();
        assertThat(backups(legacy)).isEmpty();
    }
}
