package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.MigrationPlan.PlannedModel;
import dev.modelregistry.app.migration.MigrationPlan.PlannedVersion;
import dev.modelregistry.domain.ModelIdConflictException;
import dev.modelregistry.domain.model.ImportPreview;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass of a plan over the target as it is (M1, M4, M5): the dry run previews it, the real
 * run imports it, and both take every decision here and in the aggregate, so a dry run cannot
 * announce what the real run then refuses. Per model: versions already stored with the same
 * content are counted as present, a version id stored with different content is a conflict
 * that stops the run, the rest goes to {@link Model#previewImport} or {@link Model#importVersions}.
 * A model is never created without versions. The models a batch creates are written with one
 * {@link ModelRepository#insertNew} (rows only, in JDBC batches); models that existed already
 * are saved as any changed aggregate. A pass over a target without models (asked once, in the
 * pass's own unit of work: on SQLite an import's transaction holds the write lock from its start)
 * asks nothing per batch: what it finds stored is only what it wrote itself, and the plan holds every model and
 * version id once. Should another writer of a server database insert one of them meanwhile, the
 * primary key refuses the import's insert and the whole import rolls back.
 */
final class ImportPass {

    /** Models per round of queries (and per checkpoint): bounds the memory of one long import. */
    static final int BATCH = 500;

    /**
     * What the pass did (or would do).
     *
     * @param imported       versions imported (or that would be)
     * @param alreadyPresent versions stored already with the same content
     * @param unvalidated    of the imported ones, those failing the validation gate
     * @param touched        models created or changed
     * @param reelected      one note per model whose recorded active version is missing: the winner of re-election
     * @param notCreated     one note per legacy model left out because it has no importable version
     */
    record Result(int imported, int alreadyPresent, int unvalidated, Set<ModelId> touched, List<String> reelected,
                  List<String> notCreated) {

        static final Result NONE = new Result(0, 0, 0, Set.of(), List.of(), List.of());
    }

    private final ModelRepository repository;
    private final UnitOfWork unitOfWork;
    private final MigrationListener listener;

    /** @param repository the target's repository; null for a target that does not exist yet (empty) */
    ImportPass(ModelRepository repository, UnitOfWork unitOfWork, MigrationListener listener) {
        this.repository = repository;
        this.unitOfWork = unitOfWork;
        this.listener = listener;
    }

    /** Asks the aggregate what an import would do; changes nothing. */
    Result preview(MigrationPlan plan) {
        return run(plan, null);
    }

    /** Imports, inside the caller's unit of work; checkpoints after every batch. */
    Result importAll(MigrationPlan plan, Instant now) {
        return run(plan, now);
    }

    private Result run(MigrationPlan plan, Instant applyAt) {
        int imported = 0;
        int alreadyPresent = 0;
        int unvalidated = 0;
        Set<ModelId> touched = new HashSet<>();
        List<String> reelected = new ArrayList<>();
        List<String> notCreated = new ArrayList<>();
        int done = 0;
        boolean asking = repository != null && !repository.findAllIds().isEmpty();
        for (List<PlannedModel> batch : batches(plan.models())) {
            Set<VersionId> existingIds = Set.of();
            Map<ModelId, Model> stored = Map.of();
            if (asking) {
                List<VersionId> versionIds = new ArrayList<>();
                batch.forEach(model -> model.versions().forEach(v -> versionIds.add(v.imported().id())));
                existingIds = repository.findExistingVersionIds(versionIds);
                stored = byId(repository.findAllWithVersions(batch.stream().map(PlannedModel::id).toList()));
            }
            List<Model> created = new ArrayList<>();
            for (PlannedModel planned : batch) {
                listener.progress(++done, plan.models().size());
                List<ImportedVersion> fresh = new ArrayList<>();
                for (PlannedVersion version : planned.versions()) {
                    if (existingIds.contains(version.imported().id())) {
                        requireSameContent(version);
                        alreadyPresent++;
                    } else {
                        fresh.add(version.imported());
                    }
                }
                Optional<Model> holder = Optional.ofNullable(stored.get(planned.id()));
                if (fresh.isEmpty()) {
                    if (holder.isEmpty() && planned.versions().isEmpty()) {
                        notCreated.add("model " + planned.legacy().modelId() + ": not created (no importable version"
                                + (planned.legacy().versions().isEmpty() ? " in the legacy registry)" : "; all were skipped)"));
                    }
                    continue;
                }
                Model model;
                try {
                    model = Model.forPair(planned.sensorId(), planned.modelType(), holder,
                            applyAt != null ? applyAt : Instant.EPOCH);
                } catch (ModelIdConflictException otherPair) {
                    throw new ImportConflictException(otherPair.getMessage() + "; nothing was changed");
                }
                ImportPreview outcome = applyAt == null ? model.previewImport(fresh, planned.recordedActive())
                        : model.importVersions(fresh, planned.recordedActive(), applyAt);
                if (applyAt != null && holder.isEmpty()) {
                    created.add(model);
                } else if (applyAt != null) {
                    repository.save(model);
                }
                imported += outcome.added();
                unvalidated += (int) fresh.stream().filter(version -> !version.validated()).count();
                touched.add(planned.id());
                if (outcome.reelects()) {
                    reelected.add("model " + planned.id() + ": recorded active version "
                            + (planned.recordedActive() == null ? "(none)" : planned.recordedActive())
                            + " is missing or skipped; " + outcome.activeAfter().orElseThrow()
                            + " (best score, then newest) becomes active (REELECTED)");
                }
            }
            if (!created.isEmpty()) {
                repository.insertNew(created);
            }
            unitOfWork.checkpoint();
        }
        return new Result(imported, alreadyPresent, unvalidated, Set.copyOf(touched), List.copyOf(reelected),
                List.copyOf(notCreated));
    }

    private void requireSameContent(PlannedVersion version) {
        ModelVersion existing = repository.findVersion(version.imported().id()).orElseThrow();
        List<String> differences = LegacyVersions.differences(existing, version.legacy());
        if (!differences.isEmpty()) {
            throw new ImportConflictException("version " + version.imported().id()
                    + " already exists in the database with different content; nothing was changed: "
                    + String.join("; ", differences));
        }
    }

    static Map<ModelId, Model> byId(List<Model> models) {
        Map<ModelId, Model> byId = new HashMap<>();
        models.forEach(model -> byId.put(model.id(), model));
        return byId;
    }

    /** Consecutive batches of {@value #BATCH} models: one round of queries and one checkpoint each. */
    static List<List<PlannedModel>> batches(List<PlannedModel> models) {
        List<List<PlannedModel>> batches = new ArrayList<>();
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

}
