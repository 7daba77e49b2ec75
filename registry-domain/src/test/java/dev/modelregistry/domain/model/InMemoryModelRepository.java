package dev.modelregistry.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A {@link ModelRepository} in memory, for scenario tests. Aggregates are kept as the same objects. */
public class InMemoryModelRepository implements ModelRepository {

    private final Map<String, Model> models = new ConcurrentSkipListMap<>();

    @Override
    public void save(Model model) {
        models.put(model.id().value(), model);
    }

    @Override
    public void insertNew(Collection<Model> newModels) {
        newModels.forEach(model -> {
            if (models.containsKey(model.id().value())) {
                throw new IllegalStateException("model " + model.id() + " exists already: insertNew only adds new models");
            }
        });
        newModels.forEach(this::save);
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
    public void forEachVersionOf(Collection<ModelId> modelIds, Consumer<ModelVersion> action) {
        findAllWithVersions(modelIds).forEach(model -> model.versions().stream()
                .sorted(Comparator.comparing(version -> version.id().value())).forEach(action));
    }

    @Override
    public List<ModelId> findAllIds() {
        return models.values().stream().map(Model::id).toList();
    }

    @Override
    public List<ModelId> findIdsWithMoreVersionsThan(int count) {
        return models.values().stream().filter(model -> model.versions().size() > count).map(Model::id).toList();
    }

    @Override
    public Set<String> findDistinctModelPaths() {
        return allVersions().flatMap(version -> version.modelPath().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Every model, ordered by id (for in-memory read sides over this repository). */
    public List<Model> all() {
        return List.copyOf(models.values());
    }

    private Stream<ModelVersion> allVersions() {
        return new ArrayList<>(models.values()).stream().flatMap(model -> model.versions().stream());
    }
}
