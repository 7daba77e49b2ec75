package dev.modelregistry.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * Port: where Model aggregates live. Implementations run inside a {@link UnitOfWork}; changes to
 * a loaded aggregate become durable when the unit of work commits. Queries that only read
 * return versions in the documented order and never load more than they return.
 */
public interface ModelRepository {

    /** Makes a new aggregate (or an aggregate changed outside a unit of work) durable. */
    void save(Model model);

    Optional<Model> findById(ModelId modelId);

    /** The model that owns this version. */
    Optional<Model> findByVersion(VersionId versionId);

    Optional<ModelVersion> findVersion(VersionId versionId);

    /** The active version of a model: one indexed lookup. */
    Optional<VersionId> findActiveVersionId(ModelId modelId);

    /** All models, ordered by id. */
    List<Model> findAll();

    /** Models of one type, ordered by id. */
    List<Model> findByType(ModelType modelType);

    /** Summaries of all models (or of one type when {@code modelType} is not null), ordered by id. */
    List<ModelOverview> findOverviews(ModelType modelType);

    /** Versions of a model, newest first. */
    List<ModelVersion> findVersionsNewestFirst(ModelId modelId);

    /** Versions whose score is at least {@code minimumScore}, best first. */
    List<ModelVersion> findVersionsScoredAtLeast(double minimumScore);

    /** Whether any version still refers to this artifact path. */
    boolean isModelPathInUse(String modelPath);

    RegistryStatistics statistics();
}
