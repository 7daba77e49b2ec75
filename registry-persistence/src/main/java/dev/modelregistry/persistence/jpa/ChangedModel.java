package dev.modelregistry.persistence.jpa;

/** A model (by its pair) whose active version a committed transaction changed. */
public record ChangedModel(String sensorId, String modelType) {
}
