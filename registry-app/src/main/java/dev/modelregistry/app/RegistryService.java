package dev.modelregistry.app;

import dev.modelregistry.app.query.VersionSearch;
import dev.modelregistry.domain.InvalidRetentionException;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.SensorNotFoundException;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.artifact.ArtifactFingerprint;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.artifact.ArtifactStore;
import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionIdGenerator;
import dev.modelregistry.domain.model.VersionSpec;
import dev.modelregistry.domain.scoring.ScoringPolicy;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The use cases behind {@link ModelRegistry}: each loads the aggregate inside one unit of work,
 * asks it to act, and turns the result into immutable views. The rules live in the domain.
 */
public final class RegistryService implements ModelRegistry {

    private final ModelRepository repository;
    private final UnitOfWork unitOfWork;
    private final ArtifactStore artifacts;
    private final ScoringPolicy scoring;
    private final VersionIdGenerator versionIds;
    private final Clock clock;
    private final String location;
    private final AutoCloseable resources;
    private final VersionSearch search;

    /**
     * Without a search port: {@link #searchVersions} throws {@link UnsupportedOperationException}.
     *
     * @param location  shown in statistics (the database file or URL)
     * @param resources closed by {@link #close()} (the database), may be null
     */
    public RegistryService(ModelRepository repository, UnitOfWork unitOfWork, ArtifactStore artifacts,
                           ScoringWeights weights, VersionIdGenerator versionIds, Clock clock, String location,
                           AutoCloseable resources) {
        this(repository, unitOfWork, artifacts, weights, versionIds, clock, location, resources, (query, after, limit) -> {
            throw new UnsupportedOperationException("this registry has no version search (it needs a database)");
        });
    }

    /**
     * @param location  shown in statistics (the database file or URL)
     * @param resources closed by {@link #close()} (the database), may be null
     * @param search    the query port behind {@link #searchVersions}
     */
    public RegistryService(ModelRepository repository, UnitOfWork unitOfWork, ArtifactStore artifacts,
                           ScoringWeights weights, VersionIdGenerator versionIds, Clock clock, String location,
                           AutoCloseable resources, VersionSearch search) {
        this.search = search;
        this.repository = repository;
        this.unitOfWork = unitOfWork;
        this.artifacts = artifacts;
        this.scoring = new ScoringPolicy(weights);
        this.versionIds = versionIds;
        this.clock = clock;
        this.location = location;
        this.resources = resources;
    }

    @Override
    public String registerModel(ModelRegistration registration) {
        SensorId sensorId = SensorId.of(registration.sensorId());
        ModelType modelType = ModelType.of(registration.modelType());
        String modelPath = registration.modelPath() == null ? null
                : artifacts.storedForm(registration.modelPath().toString());
        ArtifactFingerprint fingerprint = modelPath == null ? ArtifactFingerprint.ABSENT : artifacts.fingerprint(modelPath);
        VersionSpec spec = new VersionSpec(modelPath, Attributes.of("training_config", registration.trainingConfig()),
                Attributes.of("training_metrics", registration.trainingMetrics()),
                Attributes.of("validation_metrics", registration.validationMetrics()),
                fingerprint.sizeBytes(), registration.trainingTimeSeconds(), fingerprint.sha256(),
                registration.description(), Tags.of(registration.tags()), lineageOf(registration));
        VersionId versionId = versionIds.nextId();
        return unitOfWork.execute(() -> {
            Instant now = now();
            Model model = Model.forPair(sensorId, modelType, repository.findById(ModelId.of(sensorId, modelType)), now);
            model.register(versionId, spec, scoring, now);
            repository.save(model);
            return versionId.value();
        });
    }

    private static DataLineage lineageOf(ModelRegistration registration) {
        if (registration.dataHash() == null) {
            return null;
        }
        return DataLineage.of(registration.dataHash(), registration.dataSource(), registration.dataStartDate(),
                registration.dataEndDate(), registration.numSamples());
    }

    @Override
    public Optional<ModelVersionDetails> getModelMetadata(String versionId) {
        VersionId id = VersionId.of(versionId);
        return unitOfWork.read(() -> repository.findVersion(id).map(Views::details));
    }

    @Override
    public Optional<DataLineageDetails> getDataLineage(String versionId) {
        VersionId id = VersionId.of(versionId);
        return unitOfWork.read(() -> repository.findVersion(id)
                .flatMap(version -> version.lineage().map(lineage -> Views.lineage(version, lineage))));
    }

    @Override
    public Optional<String> getActiveModelVersion(String sensorId, String modelType) {
        SensorId sensor = SensorId.of(sensorId);
        ModelType type = ModelType.of(modelType);
        return unitOfWork.read(() -> repository.findActiveVersionId(sensor, type)).map(VersionId::value);
    }

    @Override
    public List<ModelSummary> listModels() {
        return listModels(ModelFilter.all());
    }

    @Override
    public List<ModelSummary> listModels(String modelType) {
        return listModels(ModelFilter.all().type(modelType));
    }

    @Override
    public List<ModelSummary> listModels(ModelFilter filter) {
        ModelType type = filter.modelType().map(ModelType::of).orElse(null);
        Optional<SensorId> sensor = filter.sensorId().map(SensorId::of);
        return unitOfWork.read(() -> repository.findOverviews(type)).stream()
                .filter(overview -> sensor.isEmpty() || overview.sensorId().equals(sensor.get()))
                .map(Views::summary).toList();
    }

    @Override
    public List<VersionSummary> listVersions(String sensorId, String modelType) {
        SensorId sensor = SensorId.of(sensorId);
        ModelType type = ModelType.of(modelType);
        return unitOfWork.read(() -> repository.findVersionsNewestFirst(sensor, type).stream()
                .map(Views::summary).toList());
    }

    @Override
    public List<VersionSummary> listVersionsOfSensor(String sensorId) {
        SensorId sensor = SensorId.of(sensorId);
        return unitOfWork.read(() -> {
            List<ModelOverview> models = repository.findOverviews(null).stream()
                    .filter(overview -> overview.sensorId().equals(sensor)).toList();
            if (models.isEmpty()) {
                throw new SensorNotFoundException(sensor.value());
            }
            return models.stream()
                    .flatMap(model -> repository.findVersionsNewestFirst(model.sensorId(), model.modelType()).stream())
                    .map(Views::summary).toList();
        });
    }

    @Override
    public List<VersionSummary> listVersionsScoredAtLeast(double minimumScore) {
        return unitOfWork.read(() -> repository.findVersionsScoredAtLeast(minimumScore).stream()
                .map(Views::summary).toList());
    }

    @Override
    public VersionPage searchVersions(VersionQuery query) {
        VersionSearch.Position after = query.pageToken().map(token -> PageTokens.decode(query, token)).orElse(null);
        List<VersionSummary> found = search.search(query, after, query.pageSize() + 1);
        if (found.size() <= query.pageSize()) {
            return new VersionPage(found, Optional.empty());
        }
        List<VersionSummary> page = found.subList(0, query.pageSize());
        return new VersionPage(page,
                Optional.of(PageTokens.encode(query, VersionSearch.Position.after(page.get(page.size() - 1)))));
    }

    @Override
    public void promoteVersion(String versionId) {
        VersionId id = VersionId.of(versionId);
        unitOfWork.run(() -> owner(id).promote(id, now()));
    }

    @Override
    public DeletionReport deleteVersion(String versionId, boolean force, boolean deleteArtifacts) {
        VersionId id = VersionId.of(versionId);
        record Deleted(Optional<String> modelPath, Optional<String> activeAfter) {
        }
        Deleted deleted = unitOfWork.execute(() -> {
            Model model = owner(id);
            ModelVersion removed = model.deleteVersion(id, force, now());
            return new Deleted(removed.modelPath(), model.activeVersionId().map(VersionId::value));
        });
        Optional<ArtifactRemoval> removal = deleteArtifacts
                ? deleted.modelPath().map(path -> removeArtifactsUnlessShared(List.of(path)).get(0))
                : Optional.empty();
        return new DeletionReport(versionId, deleted.activeAfter(), removal);
    }

    /**
     * R8: files go only after the commit, and only when they are none of the registry's own
     * and no remaining version's artifact is the same object, contains them or lies inside them.
     */
    private List<ArtifactRemoval> removeArtifactsUnlessShared(List<String> modelPaths) {
        if (modelPaths.isEmpty()) {
            return List.of();
        }
        Set<String> stillReferenced = unitOfWork.read(repository::findDistinctModelPaths); // once per commit
        return modelPaths.stream().map(path -> artifacts.remove(path, stillReferenced)).toList();
    }

    @Override
    public int cleanupOldVersions(int keepLastN) {
        return cleanupOldVersions(keepLastN, false, CleanupProgress.SILENT).removedCount();
    }

    @Override
    public CleanupReport previewCleanup(int keepLastN) {
        List<ModelId> candidates = cleanupCandidates(keepLastN);
        List<VersionSummary> victims = unitOfWork.read(() -> repository.findAllWithVersions(candidates).stream()
                .flatMap(model -> model.retentionVictims(keepLastN).stream()).map(Views::summary).toList());
        long models = victims.stream().map(VersionSummary::modelId).distinct().count();
        return new CleanupReport(keepLastN, true, Math.toIntExact(models), victims, List.of());
    }

    @Override
    public CleanupReport cleanupOldVersions(int keepLastN, boolean deleteArtifacts, CleanupProgress progress) {
        List<ModelId> candidates = cleanupCandidates(keepLastN);
        List<VersionSummary> removed = new ArrayList<>();
        List<ArtifactRemoval> artifactRemovals = new ArrayList<>();
        int models = 0;
        for (int i = 0; i < candidates.size(); i++) {
            ModelId modelId = candidates.get(i);
            List<VersionSummary> deleted = unitOfWork.execute(() -> repository.findById(modelId)
                    .map(model -> model.retainNewest(keepLastN, now()).stream().map(Views::summary).toList())
                    .orElse(List.of()));
            removed.addAll(deleted);
            models += deleted.isEmpty() ? 0 : 1;
            if (deleteArtifacts) {
                artifactRemovals.addAll(removeArtifactsUnlessShared(
                        deleted.stream().map(VersionSummary::modelPath).filter(Objects::nonNull).distinct().toList()));
            }
            progress.advanced(i + 1, candidates.size(), removed.size());
        }
        return new CleanupReport(keepLastN, false, models, removed, artifactRemovals);
    }

    /** The models with more versions than kept: the only ones a cleanup can change. */
    private List<ModelId> cleanupCandidates(int keepLastN) {
        if (keepLastN < 1) {
            throw new InvalidRetentionException(keepLastN);
        }
        return unitOfWork.read(() -> repository.findOverviews(null)).stream()
                .filter(overview -> overview.versionCount() > keepLastN)
                .map(ModelOverview::modelId).toList();
    }

    @Override
    public RegistryStats getRegistryStats() {
        RegistryStatistics statistics = unitOfWork.read(repository::statistics);
        return new RegistryStats(statistics.totalModels(), statistics.totalVersions(), statistics.activeVersions(),
                statistics.modelsByType(), statistics.versionsByType(), statistics.averageScore().orElse(null),
                statistics.newestVersionAt().orElse(null), location);
    }

    @Override
    public List<ActivationEntry> getActivationHistory(String sensorId, String modelType) {
        SensorId sensor = SensorId.of(sensorId);
        ModelType type = ModelType.of(modelType);
        return unitOfWork.read(() -> model(sensor, type).history().stream().map(Views::entry).toList());
    }

    @Override
    public Optional<String> getActiveModelVersionAt(String sensorId, String modelType, Instant instant) {
        return getActiveVersionAt(sensorId, modelType, instant).versionId().map(VersionId::value);
    }

    @Override
    public ActiveVersionAt getActiveVersionAt(String sensorId, String modelType, Instant instant) {
        SensorId sensor = SensorId.of(sensorId);
        ModelType type = ModelType.of(modelType);
        return unitOfWork.read(() -> model(sensor, type).activeAt(instant));
    }

    @Override
    public ScoringWeights scoringWeights() {
        return scoring.weights();
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new RegistryUnavailableException("could not close the registry at " + location + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private Model owner(VersionId versionId) {
        return repository.findByVersion(versionId).orElseThrow(() -> new VersionNotFoundException(versionId.value()));
    }

    private Model model(SensorId sensorId, ModelType modelType) {
        return repository.findByPair(sensorId, modelType)
                .orElseThrow(() -> new ModelNotFoundException(ModelId.of(sensorId, modelType).value()));
    }

    /** Instants are kept to the microsecond, the precision both databases store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
