package dev.modelregistry.app.query;

import dev.modelregistry.app.DataLineageDetails;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.util.List;
import java.util.Optional;

/** Query port: versions, one by id or listed. */
public interface VersionQueries {

    /** The version's details with its lineage (and, when active, since when); empty when it does not exist. */
    Optional<ModelVersionDetails> details(VersionId versionId);

    /**
     * The details of the version {@code alias} names in exactly this pair's model (R13); empty when
     * there is no such model or alias. Never asked for the reserved {@code active}.
     */
    Optional<ModelVersionDetails> byAlias(SensorId sensorId, ModelType modelType, Alias alias);

    /** The version's lineage; empty when the version does not exist or has none. */
    Optional<DataLineageDetails> lineage(VersionId versionId);

    /**
     * The versions of exactly this pair's model, newest first, archived ones (R15) only with
     * {@code includeArchived}; empty when there is no such model.
     */
    List<VersionSummary> newestFirst(SensorId sensorId, ModelType modelType, boolean includeArchived);

    /**
     * The versions of every model of the sensor that are not archived, by model id, each newest
     * first; empty when no model has this sensor.
     */
    Optional<List<VersionSummary>> ofSensor(SensorId sensorId);

    /** Versions scored at least {@code minimumScore} that are not archived, best first. */
    List<VersionSummary> scoredAtLeast(double minimumScore);
}
