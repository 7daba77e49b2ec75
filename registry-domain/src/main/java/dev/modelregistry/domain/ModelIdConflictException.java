package dev.modelregistry.domain;

/**
 * A (sensor, type) pair whose derived model id {@code {model_type}_{sensor_id}} already belongs
 * to another pair ({@code "x_a"} + {@code "b"} and {@code "x"} + {@code "a_b"} both give
 * {@code x_a_b}): the registration is refused, never filed under the other pair's model (R1).
 */
public class ModelIdConflictException extends RegistryException {

    private final String modelId;
    private final String sensorId;
    private final String modelType;
    private final String holderSensorId;
    private final String holderModelType;

    public ModelIdConflictException(String modelId, String sensorId, String modelType, String holderSensorId,
                                    String holderModelType) {
        super("model id \"" + modelId + "\" of sensor \"" + sensorId + "\", type \"" + modelType
                + "\" already belongs to sensor \"" + holderSensorId + "\", type \"" + holderModelType
                + "\": a model id names one (sensor, type) pair only; choose a sensor id or model type"
                + " that does not derive the same id");
        this.modelId = modelId;
        this.sensorId = sensorId;
        this.modelType = modelType;
        this.holderSensorId = holderSensorId;
        this.holderModelType = holderModelType;
    }

    public String modelId() {
        return modelId;
    }

    public String sensorId() {
        return sensorId;
    }

    public String modelType() {
        return modelType;
    }

    public String holderSensorId() {
        return holderSensorId;
    }

    public String holderModelType() {
        return holderModelType;
    }
}
