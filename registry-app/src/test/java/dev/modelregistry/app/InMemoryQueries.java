package dev.modelregistry.app;

import dev.modelregistry.app.query.ActiveVersions;
import dev.modelregistry.app.query.ModelQueries;
import dev.modelregistry.app.query.RegistryQueries;
import dev.modelregistry.app.query.VersionQueries;
import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.ActivationRecord;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.artifact.ArtifactStore;
import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.model.InMemoryUnitOfWork;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.time.Clock;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.LineageRow;
import dev.modelregistry.persistence.query.VersionRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The query ports over an {@link InMemoryModelRepository}, for use-case tests: the aggregates
 * turned into the read models' rows, then mapped by the same {@link Views} as the real read side,
 * with the read models' orders.
 */
final class InMemoryQueries implements ActiveVersions, VersionQueries, ModelQueries {

    private final InMemoryModelRepository repository;

    private InMemoryQueries(InMemoryModelRepository repository) {
        this.repository = repository;
    }

    static RegistryQueries over(InMemoryModelRepository repository) {
        InMemoryQueries queries = new InMemoryQueries(repository);
        return new RegistryQueries(queries, queries, queries);
    }

    /** A registry over this repository: writes through the aggregate, reads through these ports ("memory"). */
    static ModelRegistry registry(InMemoryModelRepository repository, ArtifactStore artifacts, ScoringWeights weights,
                                  Clock clock) {
        return new RegistryService(repository, new InMemoryUnitOfWork(), over(repository), artifacts, weights,
                new RandomVersionIdGenerator(), clock, "memory", null);
    }

    private Optional<Model> model(SensorId sensorId, ModelType modelType) {
        return repository.findByPair(sensorId, modelType);
    }

    private Stream<ModelVersion> versions() {
        return repository.all().stream().flatMap(model -> model.versions().stream());
    }

    @Override
    public Optional<VersionId> activeVersionId(SensorId sensorId, ModelType modelType) {
        return model(sensorId, modelType).flatMap(Model::activeVersionId);
    }

    @Override
    public Optional<ModelVersionDetails> activeModel(SensorId sensorId, ModelType modelType) {
        return model(sensorId, modelType).flatMap(model -> model.activeVersionId().flatMap(model::findVersion))
                .map(version -> Views.details(row(version)));
    }

    @Override
    public Optional<ModelVersionDetails> details(VersionId versionId) {
        return repository.findVersion(versionId).map(version -> Views.details(row(version)));
    }

    @Override
    public Optional<ModelVersionDetails> byAlias(SensorId sensorId, ModelType modelType, Alias alias) {
        return model(sensorId, modelType).flatMap(model -> model.versionByAlias(alias).flatMap(model::findVersion))
                .map(version -> Views.details(row(version)));
    }

    @Override
    public Optional<Map<String, String>> aliases(SensorId sensorId, ModelType modelType) {
        return model(sensorId, modelType).map(model -> {
            Map<String, String> aliases = new TreeMap<>();
            model.aliases().forEach((alias, version) -> aliases.put(alias.value(), version.value()));
            return aliases;
        });
    }

    @Override
    public Optional<DataLineageDetails> lineage(VersionId versionId) {
        return repository.findVersion(versionId).map(this::row).map(VersionRow::lineage)
                .map(Views::lineage);
    }

    @Override
    public List<VersionSummary> newestFirst(SensorId sensorId, ModelType modelType, boolean includeArchived) {
        return model(sensorId, modelType).map(Model::newestFirst).orElse(List.of()).stream()
                .filter(version -> includeArchived || !version.isArchived()).map(Views::summary).toList();
    }

    @Override
    public Optional<List<VersionSummary>> ofSensor(SensorId sensorId) {
        List<Model> models = repository.all().stream().filter(model -> model.sensorId().equals(sensorId)).toList();
        return models.isEmpty() ? Optional.empty() : Optional.of(models.stream()
                .flatMap(model -> model.newestFirst().stream()).filter(version -> !version.isArchived())
                .map(Views::summary).toList());
    }

    @Override
    public List<VersionSummary> scoredAtLeast(double minimumScore) {
        return versions().filter(version -> version.performanceScore() >= minimumScore && !version.isArchived())
                .sorted(Comparator.comparingDouble(ModelVersion::performanceScore).reversed()
                        .thenComparing(ModelVersion::createdAt, Comparator.reverseOrder())
                        .thenComparing(version -> version.id().value()))
                .map(Views::summary).toList();
    }

    @Override
    public List<ModelSummary> models(Optional<ModelType> modelType, Optional<SensorId> sensorId) {
        return repository.all().stream()
                .filter(model -> modelType.isEmpty() || model.modelType().equals(modelType.get()))
                .filter(model -> sensorId.isEmpty() || model.sensorId().equals(sensorId.get()))
                .map(model -> {
                    long archived = model.versions().stream().filter(ModelVersion::isArchived).count();
                    return Views.summary(new ModelOverview(model.id(), model.sensorId(), model.modelType(),
                            model.activeVersionId(), model.versions().size() - archived, model.bestScore(),
                            model.createdAt(), model.updatedAt(), model.description(), model.tags(), model.heldSince(),
                            archived));
                })
                .toList();
    }

    @Override
    public Optional<List<? extends ActivationRecord>> history(SensorId sensorId, ModelType modelType) {
        return model(sensorId, modelType).map(Model::history);
    }

    @Override
    public RegistryStatistics statistics() {
        Map<String, Long> modelsByType = new TreeMap<>();
        Map<String, Long> versionsByType = new TreeMap<>();
        repository.all().forEach(model -> {
            modelsByType.merge(model.modelType().value(), 1L, Long::sum);
            if (!model.versions().isEmpty()) {
                versionsByType.merge(model.modelType().value(), (long) model.versions().size(), Long::sum);
            }
        });
        List<ModelVersion> versions = versions().toList();
        return new RegistryStatistics(modelsByType.values().stream().mapToLong(Long::longValue).sum(), versions.size(),
                versions.stream().filter(ModelVersion::isActive).count(), modelsByType, versionsByType,
                versions.isEmpty() ? Optional.empty()
                        : Optional.of(versions.stream().mapToDouble(ModelVersion::performanceScore).average().orElseThrow()),
                versions.stream().map(ModelVersion::createdAt).max(Instant::compareTo),
                versions.stream().filter(ModelVersion::isArchived).count());
    }

    /** The row a read model would read for this version. */
    private VersionRow row(ModelVersion version) {
        LineageRow lineage = version.lineage().map(l -> new LineageRow(version.id().value(), l.dataHash(),
                l.dataSource().orElse(null), l.dataStartDate().orElse(null), l.dataEndDate().orElse(null),
                l.numSamples().orElse(null), l.recordedAt())).orElse(null);
        Instant activeSince = null;
        if (version.isActive()) {
            activeSince = repository.findByVersion(version.id()).orElseThrow().history().stream().filter(change -> change.versionId().equals(Optional.of(version.id())))
                    .map(ActivationChange::changedAt).reduce((first, last) -> last).orElse(null);
        }
        return new VersionRow(version.id().value(), version.modelId().value(), version.sensorId().value(),
                version.modelType().value(), version.createdAt(), version.trainingConfig(), version.trainingMetrics(),
                version.validationMetrics(), version.modelSizeBytes(), version.trainingTimeSeconds().orElse(null),
                version.dataHash().orElse(null), version.modelHash().orElse(null), version.modelPath().orElse(null),
                version.description().orElse(null), version.tags(), version.isActive(), version.performanceScore(),
                lineage, activeSince, aliasesOf(version), version.isActive()
                        ? repository.findByVersion(version.id()).orElseThrow().heldSince().orElse(null) : null,
                version.archivedAt().orElse(null));
    }

    private List<String> aliasesOf(ModelVersion version) {
        return repository.findByVersion(version.id()).orElseThrow().aliases().entrySet().stream()
                .filter(alias -> alias.getValue().equals(version.id())).map(alias -> alias.getKey().value()).toList();
    }
}
