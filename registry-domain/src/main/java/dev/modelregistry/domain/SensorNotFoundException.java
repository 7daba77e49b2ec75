package dev.modelregistry.domain;

/** No model of this sensor (of any type) exists in the registry. */
public class SensorNotFoundException extends RegistryException {

    private final String sensorId;

    public SensorNotFoundException(String sensorId) {
        super("no model of sensor " + sensorId + " found");
        this.sensorId = sensorId;
    }

    public String sensorId() {
        return sensorId;
    }
}
