package dev.modelregistry.app;

import dev.modelregistry.app.query.RegistryQueries;
import dev.modelregistry.app.query.VersionSearch;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.SensorNotFoundException;
import dev.modelregistry.domain.model.ActivationRecord;
import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read use cases: ids from outside checked by the domain's rules, then answered by the
 * query ports alone (never the aggregate's repository); the rules for reading a history are the
 * domain's ({@link ActivationRecord#activeAt}).
 */
final class RegistryReads {

    private final RegistryQueries queries;
    private final String location;

    RegistryReads(RegistryQueries queries, String location) {
        this.queries = queries;
        this.location = location;
    }

    Optional<ModelVersionDetails> getModelMetadata(String versionId) {
        return queries.versions().details(VersionId.of(versionId));
    }

    Optional<DataLineageDetails> getDataLineage(String versionId) {
        return queries.versions().lineage(VersionId.of(versionId));
    }

    Optional<String> getActiveModelVersion(String sensorId, String modelType) {
        return queries.activeVersions().activeVersionId(SensorId.of(sensorId), ModelType.of(modelType))
                .map(VersionId::value);
    }

    Optional<ModelVersionDetails> getActiveModel(String sensorId, String modelType) {
        return queries.activeVersions().activeModel(SensorId.of(sensorId), ModelType.of(modelType));
    }

    Optional<ModelVersionDetails> resolve(String uri) {
        ModelUri parsed = ModelUri.parse(uri);
        return versionByAlias(parsed.sensorId(), parsed.modelType(), parsed.alias());
    }

    Optional<ModelVersionDetails> getVersionByAlias(String sensorId, String modelType, String alias) {
        return versionByAlias(SensorId.of(sensorId), ModelType.of(modelType), Alias.of(alias));
    }

    /** The reserved {@code active} is the active model (cached when the registry caches it), any other alias the model's. */
    private Optional<ModelVersionDetails> versionByAlias(SensorId sensorId, ModelType modelType, Alias alias) {
        return alias.isReserved() ? queries.activeVersions().activeModel(sensorId, modelType)
                : queries.versions().byAlias(sensorId, modelType, alias);
    }

    Map<String, String> listAliases(String sensorId, String modelType) {
        SensorId sensor = SensorId.of(sensorId);
        ModelType type = ModelType.of(modelType);
        return queries.models().aliases(sensor, type)
                .orElseThrow(() -> new ModelNotFoundException(ModelId.of(sensor, type).value()));
    }

    List<ModelSummary> listModels(ModelFilter filter) {
        return queries.models().models(filter.modelType().map(ModelType::of), filter.sensorId().map(SensorId::of));
    }

    List<VersionSummary> listVersions(String sensorId, String modelType, boolean includeArchived) {
        return queries.versions().newestFirst(SensorId.of(sensorId), ModelType.of(modelType), includeArchived);
    }

    List<VersionSummary> listVersionsOfSensor(String sensorId) {
        SensorId sensor = SensorId.of(sensorId);
        return queries.versions().ofSensor(sensor).orElseThrow(() -> new SensorNotFoundException(sensor.value()));
    }

    List<VersionSummary> listVersionsScoredAtLeast(double minimumScore) {
        return queries.versions().scoredAtLeast(minimumScore);
    }

    VersionPage searchVersions(VersionQuery query) {
        VersionSearch.Position after = query.pageToken().map(token -> PageTokens.decode(query, token)).orElse(null);
        List<VersionSummary> found = queries.search().search(query, after, query.pageSize() + 1);
        if (found.size() <= query.pageSize()) {
            return new VersionPage(found, Optional.empty());
        }
        List<VersionSummary> page = found.subList(0, query.pageSize());
        return new VersionPage(page,
                Optional.of(PageTokens.encode(query, VersionSearch.Position.after(page.get(page.size() - 1)))));
    }

    RegistryStats getRegistryStats() {
        RegistryStatistics statistics = queries.models().statistics();
        return new RegistryStats(statistics.totalModels(), statistics.totalVersions(), statistics.activeVersions(),
                statistics.modelsByType(), statistics.versionsByType(), statistics.averageScore().orElse(null),
                statistics.newestVersionAt().orElse(null), location, statistics.archivedVersions());
    }

    List<ActivationEntry> getActivationHistory(String sensorId, String modelType) {
        return history(SensorId.of(sensorId), ModelType.of(modelType)).stream().map(Views::entry).toList();
    }

    ActiveVersionAt getActiveVersionAt(String sensorId, String modelType, Instant instant) {
        return ActivationRecord.activeAt(history(SensorId.of(sensorId), ModelType.of(modelType)), instant);
    }

    private List<? extends ActivationRecord> history(SensorId sensorId, ModelType modelType) {
        return queries.models().history(sensorId, modelType)
                .orElseThrow(() -> new ModelNotFoundException(ModelId.of(sensorId, modelType).value()));
    }
}
