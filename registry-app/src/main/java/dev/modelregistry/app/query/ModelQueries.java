package dev.modelregistry.app.query;

import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.domain.model.ActivationRecord;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Query port: models, their activation histories and the registry's statistics. */
public interface ModelQueries {

    /** The models of this type and/or sensor (all when both are empty), ordered by model id. */
    List<ModelSummary> models(Optional<ModelType> modelType, Optional<SensorId> sensorId);

    /**
     * The activation history of exactly this pair's model, oldest first, as the domain reads
     * it ({@link ActivationRecord#activeAt}); empty when there is no such model.
     */
    Optional<List<? extends ActivationRecord>> history(SensorId sensorId, ModelType modelType);

    /**
     * The aliases of exactly this pair's model and the version ids they name, by alias (R13;
     * never the reserved {@code active}); empty when there is no such model.
     */
    Optional<Map<String, String>> aliases(SensorId sensorId, ModelType modelType);

    /** Counts over the whole registry. */
    RegistryStatistics statistics();
}
