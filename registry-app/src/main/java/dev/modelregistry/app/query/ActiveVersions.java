package dev.modelregistry.app.query;

import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.util.Optional;

/**
 * Query port: the active version of a model, the question inference services ask every time
 * they load a model. Answers for exactly the (sensor, type) pair asked (R1), as committed.
 */
public interface ActiveVersions {

    /** The active version's id; empty when there is no such model or it has no versions. */
    Optional<VersionId> activeVersionId(SensorId sensorId, ModelType modelType);

    /** The active version's details, lineage and since when it is active; empty as {@link #activeVersionId}. */
    Optional<ModelVersionDetails> activeModel(SensorId sensorId, ModelType modelType);
}
