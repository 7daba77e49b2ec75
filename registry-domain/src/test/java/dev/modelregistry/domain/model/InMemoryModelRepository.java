package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** A {@link ModelRepository} in memory, for scenario tests. Aggregates are kept as the same objects. */
public class InMemoryModelRepository implements ModelRepository {

    private final Map<String, Model> models = new ConcurrentSkipListMap<>();

    @Override
    public void save(Model model) {
        models.put(model.id().value(), model);
    }

    @Override
    public Optional<Model> findById(ModelId modelId) {
        return Optional.ofNullable(models.get(modelId.value()));
    }

    @Override
    public Optional<Model> findByVersion(VersionId versionId) {
        return models.values().stream().filter(model -> model.findVersion(versionId).isPresent()).findFirst();
    }

    @Override
    public Optional<ModelVersion> findVersion(VersionId versionId) {
        return findByVersion(versionId).flatMap(model -> model.findVersion(versionId));
    }

    @Override
    public Set<VersionId> findExistingVersionIds(Collection<VersionId> versionIds) {
        Set<VersionId> wanted = new HashSet<>(versionIds);
        Set<VersionId> existing = new HashSet<>();
        allVersions().map(ModelVersion::id).filter(wanted::contains).forEach(existing::add);
        return existing;
    }

    @Override
    public List<Model> findAllWithVersions(Collection<ModelId> modelIds) {
        return modelIds.stream().distinct().map(this::findById).flatMap(Optional::stream)
                .sorted(Comparator.comparing(model -> model.id().value())).toList();
    }

    @Override
    public Optional<VersionId> findActiveVersionId(SensorId sensorId, ModelType modelType) {
        return findByPair(sensorId, modelType).flatMap(Model::activeVersionId);
    }

    @Override
    public List<Model> findAll() {
        return List.copyOf(models.values());
    }

    @Override
    public List<Model> findByType(ModelType modelType) {
        return models.values().stream().filter(model -> model.modelType().equals(modelType)).toList();
    }

    @Override
    public List<ModelOverview> findOverviews(ModelType modelType) {
        return models.values().stream()
                .filter(model -> modelType == null || model.modelType().equals(modelType))
                .map(model -> new ModelOverview(model.id(), model.sensorId(), model.modelType(),
                        model.activeVersionId(), model.versions().size(), model.bestScore(),
                        model.createdAt(), model.updatedAt()))
                .toList();
    }

    @Override
    public List<ModelVersion> findVersionsNewestFirst(SensorId sensorId, ModelType modelType) {
        return findByPair(sensorId, modelType).map(Model::newestFirst).orElse(List.of());
    }

    @Override
    public List<ModelVersion> findVersionsScoredAtLeast(double minimumScore) {
        return allVersions().filter(version -> version.performanceScore() >= minimumScore)
                .sorted(Comparator.comparingDouble(ModelVersion::performanceScore).reversed()
                        .thenComparing(version -> version.id().value()))
                .toList();
    }

    @Override
    public Set<String> findDistinctModelPaths() {
        return allVersions().flatMap(version -> version.modelPath().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public RegistryStatistics statistics() {
        Map<String, Long> modelsByType = new TreeMap<>();
        Map<String, Long> versionsByType = new TreeMap<>();
        models.values().forEach(model -> {
            modelsByType.merge(model.modelType().value(), 1L, Long::sum);
            if (!model.versions().isEmpty()) {
                versionsByType.merge(model.modelType().value(), (long) model.versions().size(), Long::sum);
            }
        });
        List<ModelVersion> versions = allVersions().toList();
        return new RegistryStatistics(models.size(), versions.size(),
                versions.stream().filter(ModelVersion::isActive).count(), modelsByType, versionsByType,
                versions.isEmpty() ? Optional.empty()
                        : Optional.of(versions.stream().mapToDouble(ModelVersion::performanceScore).average().orElseThrow()),
                versions.stream().map(ModelVersion::createdAt).max(Instant::compareTo));
    }

    /** Every model, ordered by id (for in-memory read sides over this repository). */
    public List<Model> all() {
        return List.copyOf(models.values());
    }

    private Stream<ModelVersion> allVersions() {
        return new ArrayList<>(models.values()).stream().flatMap(model -> model.versions().stream());
    }
}
