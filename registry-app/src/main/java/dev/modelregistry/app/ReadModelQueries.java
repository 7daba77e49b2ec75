package dev.modelregistry.app;

import dev.modelregistry.app.query.ActiveVersions;
import dev.modelregistry.app.query.ModelQueries;
import dev.modelregistry.app.query.RegistryQueries;
import dev.modelregistry.app.query.VersionQueries;
import dev.modelregistry.domain.model.ActivationRecord;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.query.ReadModels;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The query ports over the persistence adapter's plain-SQL read models, rows mapped by {@link Views}. */
public final class ReadModelQueries implements ActiveVersions, VersionQueries, ModelQueries {

    private final ReadModels readModels;

    private ReadModelQueries(ReadModels readModels) {
        this.readModels = readModels;
    }

    /** The query ports over the database's read models, its search included. */
    public static RegistryQueries over(RegistryDatabase database) {
        ReadModelQueries queries = new ReadModelQueries(database.readModels());
        return new RegistryQueries(queries, queries, queries, new SqlVersionSearch(database));
    }

    @Override
    public Optional<VersionId> activeVersionId(SensorId sensorId, ModelType modelType) {
        return readModels.activeVersions().activeVersionId(sensorId, modelType);
    }

    @Override
    public Optional<ModelVersionDetails> activeModel(SensorId sensorId, ModelType modelType) {
        return readModels.activeVersions().activeVersion(sensorId, modelType).map(Views::details);
    }

    @Override
    public Optional<ModelVersionDetails> details(VersionId versionId) {
        return readModels.versions().details(versionId).map(Views::details);
    }

    @Override
    public Optional<ModelVersionDetails> byAlias(SensorId sensorId, ModelType modelType, Alias alias) {
        return readModels.aliases().version(sensorId, modelType, alias).map(Views::details);
    }

    @Override
    public Optional<Map<String, String>> aliases(SensorId sensorId, ModelType modelType) {
        return readModels.aliases().aliases(sensorId, modelType);
    }

    @Override
    public Optional<DataLineageDetails> lineage(VersionId versionId) {
        return readModels.versions().lineage(versionId).map(Views::lineage);
    }

    @Override
    public List<VersionSummary> newestFirst(SensorId sensorId, ModelType modelType, boolean includeArchived) {
        return readModels.versions().newestFirst(sensorId, modelType, includeArchived).stream().map(Views::summary)
                .toList();
    }

    @Override
    public Optional<List<VersionSummary>> ofSensor(SensorId sensorId) {
        return readModels.versions().ofSensor(sensorId).map(lines -> lines.stream().map(Views::summary).toList());
    }

    @Override
    public List<VersionSummary> scoredAtLeast(double minimumScore) {
        return readModels.versions().scoredAtLeast(minimumScore).stream().map(Views::summary).toList();
    }

    @Override
    public List<ModelSummary> models(Optional<ModelType> modelType, Optional<SensorId> sensorId) {
        return readModels.models().overviews(modelType, sensorId).stream().map(Views::summary).toList();
    }

    @Override
    public Optional<List<? extends ActivationRecord>> history(SensorId sensorId, ModelType modelType) {
        return readModels.models().history(sensorId, modelType).map(history -> history);
    }

    @Override
    public RegistryStatistics statistics() {
        return readModels.statistics().statistics();
    }
}
