package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.legacy.LegacyModel;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import dev.modelregistry.app.migration.legacy.LegacyRegistry;
import dev.modelregistry.app.migration.legacy.LegacyRegistryNotFoundException;
import dev.modelregistry.app.migration.legacy.LegacyRegistryReader;
import dev.modelregistry.app.migration.legacy.LegacyVersion;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code migrate} use case (DESIGN section 7): read and check the legacy JSON registry,
 * then (unless a dry run) back it up, import it in one transaction, and verify the database
 * against the legacy files. The legacy folder is only ever read (M7).
 */
public final class LegacyMigration {

    /** Models per checkpoint: bounds the memory of one long import transaction. */
    private static final int BATCH = 500;

    private final Function<MigrationRequest, MigrationTarget> targets;
    private final Clock clock;
    private final MigrationListener listener;

    /**
     * @param targets opens the registry to import into; called only for a real run that passed its checks
     */
    public LegacyMigration(Function<MigrationRequest, MigrationTarget> targets, Clock clock, MigrationListener listener) {
        this.targets = targets;
        this.clock = clock;
        this.listener = listener;
    }

    public MigrationReport migrate(MigrationRequest request) {
        long started = System.nanoTime();
        Run run = new Run(request, started);
        listener.phase("reading");
        LegacyRegistry legacy;
        try {
            legacy = new LegacyRegistryReader(request.legacyZone(), request.modelsRoot()).read(request.oldPath());
        } catch (LegacyRegistryNotFoundException missing) {
            return run.failed(MigrationOutcome.REFUSED, null, missing.getMessage());
        }
        MigrationPlan plan = MigrationPlan.of(legacy);
        LocalDateTime stamp = LocalDateTime.now(clock);
        if (request.dryRun()) {
            MigrationOutcome outcome = plan.hasBlockingProblems() ? MigrationOutcome.DRY_RUN_WITH_PROBLEMS : MigrationOutcome.DRY_RUN;
            return run.report(outcome, plan, Optional.of(LegacyBackup.plannedPath(request.oldPath(), stamp)), NONE,
                    List.of(), Optional.empty());
        }
        if (plan.hasBlockingProblems() && !request.skipInvalid()) {
            return run.report(MigrationOutcome.REFUSED, plan, Optional.empty(), NONE, List.of(),
                    Optional.of(plan.blockingProblems().size() + " problem(s) found; fix them or run with --skip-invalid"));
        }
        listener.phase("backup");
        Path backup;
        try {
            backup = LegacyBackup.create(request.oldPath(), stamp);
        } catch (LegacyBackup.BackupFailedException e) {
            return run.report(MigrationOutcome.BACKUP_FAILED, plan, Optional.empty(), NONE, List.of(),
                    Optional.of(e.getMessage()));
        }
        listener.phase("opening database");
        try (MigrationTarget target = targets.apply(request)) {
            Counts counts;
            try {
                listener.phase("import");
                counts = target.unitOfWork().execute(() -> importAll(plan, target.repository(), target.unitOfWork()));
            } catch (ImportConflictException conflict) {
                return run.report(MigrationOutcome.CONFLICT, plan, Optional.of(backup), NONE, List.of(),
                        Optional.of(conflict.getMessage()));
            } catch (RuntimeException failure) {
                return run.report(MigrationOutcome.IMPORT_FAILED, plan, Optional.of(backup), NONE, List.of(),
                        Optional.of("import rolled back: " + failure.getMessage()));
            }
            listener.phase("verify");
            List<String> mismatches = target.unitOfWork().execute(
                    () -> verify(plan, counts.touched(), target.repository(), target.unitOfWork()));
            MigrationOutcome outcome;
            if (!mismatches.isEmpty()) {
                outcome = MigrationOutcome.VERIFICATION_FAILED;
            } else if (plan.hasBlockingProblems()) {
                outcome = MigrationOutcome.MIGRATED_WITH_SKIPS;
            } else if (counts.imported() == 0) {
                outcome = MigrationOutcome.ALREADY_MIGRATED;
            } else {
                outcome = MigrationOutcome.MIGRATED;
            }
            return run.report(outcome, plan, Optional.of(backup), counts, mismatches, Optional.empty());
        }
    }

    private static final Counts NONE = new Counts(0, 0, 0, Set.of());

    private record Counts(int imported, int alreadyPresent, int unvalidated, Set<ModelId> touched) {
    }

    private Counts importAll(MigrationPlan plan, ModelRepository repository, UnitOfWork unitOfWork) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int imported = 0;
        int alreadyPresent = 0;
        int unvalidated = 0;
        Set<ModelId> touched = new HashSet<>();
        int done = 0;
        for (List<LegacyModel> batch : batches(plan.models())) {
            // one look-up per batch (not per version) of the ids already in the database (M5)
            List<VersionId> versionIds = new ArrayList<>();
            batch.forEach(legacyModel -> legacyModel.versions().forEach(v -> versionIds.add(VersionId.of(v.versionId()))));
            Set<VersionId> existingIds = repository.findExistingVersionIds(versionIds);
            Map<ModelId, Model> storedModels = byId(repository.findAllWithVersions(batch.stream().map(LegacyMigration::idOf).toList()));
            for (LegacyModel legacyModel : batch) {
                ModelId modelId = idOf(legacyModel);
                List<ImportedVersion> fresh = new ArrayList<>();
                for (LegacyVersion legacyVersion : legacyModel.versions()) {
                    VersionId versionId = VersionId.of(legacyVersion.versionId());
                    if (existingIds.contains(versionId)) {
                        ModelVersion existing = repository.findVersion(versionId).orElseThrow();
                        List<String> differences = LegacyVersions.differences(existing, legacyVersion);
                        if (!differences.isEmpty()) {
                            throw new ImportConflictException("version " + legacyVersion.versionId()
                                    + " already exists in the database with different content; nothing was changed: "
                                    + String.join("; ", differences));
                        }
                        alreadyPresent++;
                    } else {
                        fresh.add(LegacyVersions.toImported(legacyVersion));
                        unvalidated += legacyVersion.validated() ? 0 : 1;
                    }
                }
                Model stored = storedModels.get(modelId);
                if (stored == null || !fresh.isEmpty()) {
                    Model model = stored != null ? stored : Model.create(SensorId.of(legacyModel.sensorId()),
                            ModelType.of(legacyModel.modelType()), now);
                    model.importVersions(fresh, legacyModel.activeVersion() == null ? null : VersionId.of(legacyModel.activeVersion()), now);
                    repository.save(model);
                    imported += fresh.size();
                    touched.add(modelId);
                }
                listener.progress(++done, plan.models().size());
            }
            unitOfWork.checkpoint();
        }
        return new Counts(imported, alreadyPresent, unvalidated, Set.copyOf(touched));
    }

    /** M6: every imported model and version read back (a batch of models per query) and compared with the legacy files. */
    private List<String> verify(MigrationPlan plan, Set<ModelId> touched, ModelRepository repository, UnitOfWork unitOfWork) {
        List<String> mismatches = new ArrayList<>();
        int done = 0;
        for (List<LegacyModel> batch : batches(plan.models())) {
            Map<ModelId, Model> storedModels = byId(repository.findAllWithVersions(batch.stream().map(LegacyMigration::idOf).toList()));
            for (LegacyModel legacyModel : batch) {
                ModelId modelId = idOf(legacyModel);
                listener.progress(++done, plan.models().size());
                Model model = storedModels.get(modelId);
                if (model == null) {
                    mismatches.add("model " + modelId + " is missing from the database");
                    continue;
                }
                for (LegacyVersion legacyVersion : legacyModel.versions()) {
                    Optional<ModelVersion> version = model.findVersion(VersionId.of(legacyVersion.versionId()));
                    if (version.isEmpty()) {
                        mismatches.add("version " + legacyVersion.versionId() + " of model " + modelId + " is missing from the database");
                    } else {
                        mismatches.addAll(LegacyVersions.differences(version.get(), legacyVersion));
                    }
                }
                long activeCount = model.versions().stream().filter(ModelVersion::isActive).count();
                if (!model.versions().isEmpty() && activeCount != 1) {
                    mismatches.add("model " + modelId + " has " + activeCount + " active versions instead of exactly one");
                }
                Optional<String> expectedActive = legacyModel.active().map(LegacyVersion::versionId);
                Optional<String> active = model.activeVersionId().map(VersionId::value);
                if (touched.contains(modelId) && expectedActive.isPresent() && !expectedActive.equals(active)) {
                    mismatches.add("model " + modelId + ": active version is " + active.orElse("none")
                            + " but the legacy index says " + expectedActive.get());
                }
            }
            unitOfWork.checkpoint();
        }
        return mismatches;
    }

    private static ModelId idOf(LegacyModel legacyModel) {
        return ModelId.of(SensorId.of(legacyModel.sensorId()), ModelType.of(legacyModel.modelType()));
    }

    private static Map<ModelId, Model> byId(List<Model> models) {
        Map<ModelId, Model> byId = new HashMap<>();
        models.forEach(model -> byId.put(model.id(), model));
        return byId;
    }

    /** Consecutive batches of {@value #BATCH} models: one round of queries and one checkpoint each. */
    private static List<List<LegacyModel>> batches(List<LegacyModel> models) {
        List<List<LegacyModel>> batches = new ArrayList<>();
        for (int from = 0; from < models.size(); from += BATCH) {
            batches.add(models.subList(from, Math.min(models.size(), from + BATCH)));
        }
        return batches;
    }

    /** A version id exists with different content (M5). */
    static final class ImportConflictException extends RuntimeException {
        ImportConflictException(String message) {
            super(message);
        }
    }

    /** Collects the parts of a report common to every outcome. */
    private final class Run {
        private final MigrationRequest request;
        private final long started;

        Run(MigrationRequest request, long started) {
            this.request = request;
            this.started = started;
        }

        MigrationReport failed(MigrationOutcome outcome, MigrationPlan plan, String failure) {
            return report(outcome, plan, Optional.empty(), NONE, List.of(), Optional.of(failure));
        }

        MigrationReport report(MigrationOutcome outcome, MigrationPlan plan, Optional<Path> backup, Counts counts,
                               List<String> mismatches, Optional<String> failure) {
            List<LegacyProblem> problems = plan == null ? List.of() : plan.problems();
            boolean skipping = outcome == MigrationOutcome.MIGRATED_WITH_SKIPS || outcome == MigrationOutcome.VERIFICATION_FAILED
                    && request.skipInvalid();
            return new MigrationReport(outcome, request.oldPath(), request.databasePath(), backup,
                    plan == null ? 0 : plan.models().size(), plan == null ? 0 : plan.versions(),
                    plan == null ? 0 : plan.unvalidated(), counts.imported(),
                    counts.alreadyPresent(), counts.unvalidated(), problems,
                    skipping ? plan.blockingProblems() : List.of(), plan == null ? List.of() : plan.reelected(),
                    mismatches, failure, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
