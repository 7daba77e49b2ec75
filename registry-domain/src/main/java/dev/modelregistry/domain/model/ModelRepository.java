package dev.modelregistry.domain.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where Model aggregates live. Implementations run inside a {@link UnitOfWork}; changes to
 * a loaded aggregate become durable when the unit of work commits. Queries that only read
 * return versions in the documented order and never load more than they return.
 */
public interface ModelRepository {

    /** Makes a new aggregate (or an aggregate changed outside a unit of work) durable. */
    void save(Model model);

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

    /** The active version of the model of exactly this (sensor, type) pair: one indexed lookup. */
    Optional<VersionId> findActiveVersionId(SensorId sensorId, ModelType modelType);

    /** All models, ordered by id. */
    List<Model> findAll();

    /** Models of one type, ordered by id. */
    List<Model> findByType(ModelType modelType);

    /** Summaries of all models (or of one type when {@code modelType} is not null), ordered by id. */
    List<ModelOverview> findOverviews(ModelType modelType);

    /** Versions of the model of exactly this (sensor, type) pair, newest first. */
    List<ModelVersion> findVersionsNewestFirst(SensorId sensorId, ModelType modelType);

    /** Versions whose score is at least {@code minimumScore}, best first. */
    List<ModelVersion> findVersionsScoredAtLeast(double minimumScore);

    /**
     * The distinct model paths of all versions (as stored, nulls left out), in no particular
     * order: one query, no version loaded. Artifact removal compares their canonical forms.
     */
    Set<String> findDistinctModelPaths();

    RegistryStatistics statistics();
}
