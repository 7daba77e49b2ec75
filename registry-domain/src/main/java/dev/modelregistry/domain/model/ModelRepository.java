package dev.modelregistry.domain.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Port: where Model aggregates live. Implementations run inside a {@link UnitOfWork}; changes to
 * a loaded aggregate become durable when the unit of work commits. It holds what the write use
 * cases need; listings, overviews, statistics and the active-version lookup are the read side's
 * (query ports answered by read models), never this port's.
 */
public interface ModelRepository {

    /** Makes a new aggregate (or an aggregate changed outside a unit of work) durable. */
    void save(Model model);

    /**
     * Makes new aggregates durable in bulk (a migration's thousands of models, each made by
     * {@link Model#create} and filled by {@link Model#importVersions}): their rows are only
     * inserted, in batches, and nothing is kept for later changes, so none of these models may
     * exist yet (a clash fails the unit of work: all or nothing). Runs in the current
     * {@link UnitOfWork}; the models must not be changed afterwards in it.
     */
    void insertNew(Collection<Model> models);

    Optional<Model> findById(ModelId modelId);

    /**
     * The model of exactly this (sensor, type) pair (R1): the model with the pair's derived id,
     * only when it belongs to this pair (never the model of another pair deriving the same id).
     */
    default Optional<Model> findByPair(SensorId sensorId, ModelType modelType) {
        return findById(ModelId.of(sensorId, modelType)).filter(model -> model.isIdentifiedBy(sensorId, modelType));
    }

    /** The model that owns this version. */
    Optional<Model> findByVersion(VersionId versionId);

    Optional<ModelVersion> findVersion(VersionId versionId);

    /**
     * Which of these version ids exist (in any model), including versions added earlier in the
     * same unit of work: a few queries for the whole collection (bulk imports check thousands of
     * ids), never one per id. Loads no version.
     */
    Set<VersionId> findExistingVersionIds(Collection<VersionId> versionIds);

    /**
     * The models among these ids that exist, ordered by id, each with its versions loaded: a
     * few queries for the whole collection (bulk imports and their verification), never one
     * per model. Unknown ids are left out.
     */
    List<Model> findAllWithVersions(Collection<ModelId> modelIds);

    /**
     * Hands the stored versions of these models to {@code action} one by one, ordered by model
     * id then version id, keeping none of them: a migration's verification streams through
     * thousands without loading the aggregates. Unknown ids have no versions. Read-only.
     */
    void forEachVersionOf(Collection<ModelId> modelIds, Consumer<ModelVersion> action);

    /** The ids of all models (with or without versions), ordered by id: one query, nothing loaded. */
    List<ModelId> findAllIds();

    /**
     * The ids of the models with more than {@code count} versions, ordered by id: the only models
     * a retention of {@code count} versions can change (one query, nothing loaded).
     */
    List<ModelId> findIdsWithMoreVersionsThan(int count);

    /**
     * The distinct model paths of all versions (as stored, nulls left out), in no particular
     * order: one query, no version loaded. Artifact removal compares their canonical forms.
     */
    Set<String> findDistinctModelPaths();

}
