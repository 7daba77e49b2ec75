package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.ImportPass.ImportConflictException;
import dev.modelregistry.app.migration.MigrationPlan.PlannedModel;
import dev.modelregistry.app.migration.MigrationPlan.PlannedVersion;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import dev.modelregistry.app.migration.legacy.LegacyRegistry;
import dev.modelregistry.app.migration.legacy.LegacyRegistryNotFoundException;
import dev.modelregistry.app.migration.legacy.LegacyRegistryReader;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code migrate} use case (M1-M8, docs/rules.md): read the legacy JSON registry, let the
 * domain judge it ({@link MigrationPlan}), compare it with the target as it is
 * ({@link ImportPass#preview}), and only then, for a real run that will import something, open
 * the target for writing, back the legacy folder up, import in one transaction and verify. The
 * dry run stops after the comparison and reports what the real run would do; both take the same
 * path up to there, so they cannot disagree. Nothing is written by a run that stops before
 * importing, and the legacy folder is only ever read (M7). A real run copies the legacy folder
 * (M3) on a thread of its own while the target opens (the schema brought up to date, Hibernate
 * started), and the import starts only once the copy is complete and verified; when the target
 * cannot be opened, the copy is removed again (no import, no backup). A target folder inside
 * the legacy folder is opened only after the copy, so the copy never holds a half-created database.
 */
public final class LegacyMigration {

    private static final UnitOfWork NO_TARGET = new UnitOfWork() {
        @Override
        public <T> T execute(Supplier<T> work) {
            return work.get();
        }
    };

    private final MigrationTargets targets;
    private final Clock clock;
    private final MigrationListener listener;

    public LegacyMigration(MigrationTargets targets, Clock clock, MigrationListener listener) {
        this.targets = targets;
        this.clock = clock;
        this.listener = listener;
    }

    public MigrationReport migrate(MigrationRequest request) {
        Run run = new Run(request, System.nanoTime());
        listener.phase("reading");
        LegacyRegistry legacy;
        try {
            legacy = new LegacyRegistryReader(request.legacyZone(), request.modelsRoot()).read(request.oldPath());
        } catch (LegacyRegistryNotFoundException missing) {
            return run.stopped(MigrationOutcome.NOTHING_TO_MIGRATE, null, ImportPass.Result.NONE,
                    "nothing to migrate: " + missing.getMessage());
        }
        MigrationPlan plan = MigrationPlan.of(legacy);
        if (plan.versions() == 0) {
            return run.stopped(MigrationOutcome.NOTHING_TO_MIGRATE, plan, ImportPass.Result.NONE, nothingToMigrate(plan));
        }
        listener.phase("checking the target");
        Optional<MigrationTarget> existing;
        try {
            existing = targets.openExisting(request);
        } catch (RuntimeException unavailable) {
            return run.stopped(MigrationOutcome.TARGET_UNAVAILABLE, plan, ImportPass.Result.NONE, unavailable.getMessage());
        }
        try {
            return migrate(request, run, plan, existing);
        } finally {
            existing.ifPresent(MigrationTarget::close);
        }
    }

    private MigrationReport migrate(MigrationRequest request, Run run, MigrationPlan plan, Optional<MigrationTarget> existing) {
        ImportPass.Result preview;
        try {
            preview = existing.map(target -> target.unitOfWork().read(
                            () -> new ImportPass(target.repository(), target.unitOfWork(), listener).preview(plan)))
                    .orElseGet(() -> new ImportPass(null, NO_TARGET, listener).preview(plan));
        } catch (ImportConflictException conflict) {
            return run.stopped(MigrationOutcome.CONFLICT, plan, ImportPass.Result.NONE, conflict.getMessage());
        } catch (RuntimeException unreadable) {
            return run.stopped(MigrationOutcome.TARGET_UNAVAILABLE, plan, ImportPass.Result.NONE,
                    "cannot read the target registry: " + unreadable.getMessage());
        }
        boolean skipping = plan.hasBlockingProblems();
        if (skipping && !request.skipInvalid()) {
            return run.stopped(MigrationOutcome.REFUSED, plan, ImportPass.Result.NONE, plan.blockingProblems().size()
                    + " problem(s) found; fix them or run with --skip-invalid");
        }
        MigrationOutcome success = skipping ? MigrationOutcome.MIGRATED_WITH_SKIPS
                : preview.imported() == 0 ? MigrationOutcome.ALREADY_MIGRATED : MigrationOutcome.MIGRATED;
        LocalDateTime stamp = LocalDateTime.now(clock);
        if (request.dryRun()) {
            Optional<Path> backup = preview.imported() == 0 ? Optional.empty()
                    : Optional.of(LegacyBackup.plannedPath(request.oldPath(), stamp));
            return run.report(success, plan, backup, preview, List.of(), Optional.empty());
        }
        if (preview.imported() == 0) { // a rerun: nothing to write, so no backup either; verify what is there
            MigrationTarget target = existing.orElseThrow();
            List<String> mismatches = verify(plan, Set.of(), target);
            return run.report(mismatches.isEmpty() ? success : MigrationOutcome.VERIFICATION_FAILED, plan, Optional.empty(),
                    preview, mismatches, Optional.empty());
        }
        // the backup copies files while the target opens (schema, Hibernate): one waits for disk, the other for CPU
        ExecutorService copier = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "migrate-backup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Path> backup = copier.submit(() -> LegacyBackup.create(request.oldPath(), stamp));
            if (insideLegacyFolder(request)) { // the copy must not see a database half created
                listener.phase("backup");
                awaitQuietly(backup);
            }
            listener.phase("opening the database");
            MigrationTarget target;
            try {
                target = targets.openForImport(request);
            } catch (RuntimeException unavailable) {
                LegacyBackup.discard(awaitQuietly(backup)); // made for an import that will not run
                return run.stopped(MigrationOutcome.TARGET_UNAVAILABLE, plan, preview, unavailable.getMessage());
            }
            try (target) {
                listener.phase("backup");
                Path made;
                try {
                    made = await(backup);
                } catch (LegacyBackup.BackupFailedException e) {
                    return run.stopped(MigrationOutcome.BACKUP_FAILED, plan, ImportPass.Result.NONE, e.getMessage());
                }
                return importInto(target, run, plan, success, made);
            }
        } finally {
            copier.shutdownNow();
        }
    }

    private static boolean insideLegacyFolder(MigrationRequest request) {
        return request.newPath().toAbsolutePath().normalize().startsWith(request.oldPath().toAbsolutePath().normalize());
    }

    /** The backup's folder once it is made and verified; its own failure as it was thrown. */
    private static Path await(Future<Path> backup) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return backup.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the copy is finished or removed before anything else happens
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The backup's folder, or null when it failed (it then removed its partial copy itself). */
    private static Path awaitQuietly(Future<Path> backup) {
        try {
            return await(backup);
        } catch (LegacyBackup.BackupFailedException failed) {
            return null;
        }
    }

    /** M3 holds: {@code backup} is complete and verified before the import writes the first row. */
    private MigrationReport importInto(MigrationTarget target, Run run, MigrationPlan plan, MigrationOutcome success,
                                       Path backup) {
        ImportPass.Result result;
        try {
            listener.phase("import");
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            result = target.unitOfWork().execute(
                    () -> new ImportPass(target.repository(), target.unitOfWork(), listener).importAll(plan, now));
        } catch (ImportConflictException conflict) {
            return run.report(MigrationOutcome.CONFLICT, plan, Optional.of(backup), ImportPass.Result.NONE, List.of(),
                    Optional.of(conflict.getMessage()));
        } catch (RuntimeException failure) {
            return run.report(MigrationOutcome.IMPORT_FAILED, plan, Optional.of(backup), ImportPass.Result.NONE, List.of(),
                    Optional.of("import rolled back: " + failure.getMessage()));
        }
        List<String> mismatches = verify(plan, result.touched(), target);
        return run.report(mismatches.isEmpty() ? success : MigrationOutcome.VERIFICATION_FAILED, plan, Optional.of(backup),
                result, mismatches, Optional.empty());
    }

    private static String nothingToMigrate(MigrationPlan plan) {
        Path registry = plan.legacy().registryDir();
        List<LegacyProblem> blocking = plan.blockingProblems();
        if (blocking.isEmpty()) {
            return "nothing to migrate: " + registry + " holds no versions";
        }
        Optional<LegacyProblem> missingIndex = blocking.stream()
                .filter(problem -> problem.kind() == LegacyProblem.Kind.MISSING_INDEX).findFirst();
        return "nothing to migrate: " + missingIndex.map(LegacyProblem::message)
                .orElse(blocking.size() + " problem(s) found and no version of " + registry + " can be imported");
    }

    /**
     * M6: every imported version read back and compared with the legacy file it came from, a
     * batch of models per query; the stored versions stream through (no aggregate is loaded)
     * and each is compared as it comes with the plan's version of the same id.
     */
    private List<String> verify(MigrationPlan plan, Set<ModelId> touched, MigrationTarget target) {
        listener.phase("verify");
        Supplier<List<String>> work = () -> verify(plan, touched, target.repository(), target.unitOfWork());
        return touched.isEmpty() ? target.unitOfWork().read(work) : target.unitOfWork().execute(work);
    }

    private List<String> verify(MigrationPlan plan, Set<ModelId> touched, ModelRepository repository, UnitOfWork unitOfWork) {
        List<String> mismatches = new ArrayList<>();
        int done = 0;
        for (List<PlannedModel> batch : ImportPass.batches(plan.models())) {
            Map<VersionId, PlannedVersion> expected = new HashMap<>();
            batch.forEach(planned -> planned.versions().forEach(version -> expected.put(version.imported().id(), version)));
            Map<ModelId, List<VersionId>> active = new HashMap<>();
            Set<ModelId> stored = new HashSet<>();
            repository.forEachVersionOf(batch.stream().map(PlannedModel::id).toList(), version -> {
                stored.add(version.modelId());
                if (version.isActive()) {
                    active.computeIfAbsent(version.modelId(), id -> new ArrayList<>()).add(version.id());
                }
                PlannedVersion planned = expected.remove(version.id());
                if (planned != null) {
                    mismatches.addAll(LegacyVersions.differences(version, planned.legacy()));
                }
            });
            for (PlannedModel planned : batch) {
                listener.progress(++done, plan.models().size());
                if (planned.versions().isEmpty()) {
                    continue; // not created (reported)
                }
                if (!stored.contains(planned.id())) {
                    mismatches.add("model " + planned.id() + " is missing from the database");
                    continue;
                }
                planned.versions().stream().map(version -> version.imported().id()).filter(expected::containsKey)
                        .forEach(id -> mismatches.add("version " + id + " of model " + planned.id()
                                + " is missing from the database"));
                List<VersionId> activeIds = active.getOrDefault(planned.id(), List.of());
                if (activeIds.size() != 1) {
                    mismatches.add("model " + planned.id() + " has " + activeIds.size() + " active versions instead of exactly one");
                }
                Optional<VersionId> recorded = planned.versions().stream().map(v -> v.imported().id())
                        .filter(id -> id.equals(planned.recordedActive())).findFirst();
                if (touched.contains(planned.id()) && recorded.isPresent() && !activeIds.equals(List.of(recorded.get()))) {
                    mismatches.add("model " + planned.id() + ": active version is "
                            + (activeIds.isEmpty() ? "none" : activeIds.stream().map(VersionId::value).collect(Collectors.joining(", ")))
                            + " but the legacy index says " + recorded.get());
                }
            }
            unitOfWork.checkpoint();
        }
        return mismatches;
    }

    /** Collects the parts of a report common to every outcome. */
    private static final class Run {
        private final MigrationRequest request;
        private final long started;

        Run(MigrationRequest request, long started) {
            this.request = request;
            this.started = started;
        }

        MigrationReport stopped(MigrationOutcome outcome, MigrationPlan plan, ImportPass.Result counts, String failure) {
            return report(outcome, plan, Optional.empty(), counts, List.of(), Optional.of(failure));
        }

        MigrationReport report(MigrationOutcome outcome, MigrationPlan plan, Optional<Path> backup, ImportPass.Result counts,
                               List<String> mismatches, Optional<String> failure) {
            List<LegacyProblem> problems = plan == null ? List.of() : plan.problems();
            boolean skipping = request.skipInvalid() && (outcome == MigrationOutcome.MIGRATED_WITH_SKIPS
                    || outcome == MigrationOutcome.VERIFICATION_FAILED);
            return new MigrationReport(outcome, request.dryRun(), request.oldPath(), request.databasePath(), backup,
                    plan == null ? 0 : plan.legacy().models().size(), plan == null ? 0 : plan.versions(),
                    plan == null ? 0 : plan.unvalidated(), counts.imported(), counts.alreadyPresent(), counts.unvalidated(),
                    problems, skipping ? plan.blockingProblems() : List.of(), counts.reelected(), counts.notCreated(),
                    mismatches, failure, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
