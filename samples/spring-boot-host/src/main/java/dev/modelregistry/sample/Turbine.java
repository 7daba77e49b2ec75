package dev.modelregistry.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The host's own entity, in a table the host calls {@code models} (as the registry's is called):
 * the two live side by side, the registry's in its schema (PostgreSQL) or its own file (SQLite).
 */
@Entity
@Table(name = "models")
public class Turbine {

    @Id
    private String id;

    @Column(name = "sensor_id", nullable = false)
    private String sensorId;

    protected Turbine() {
    }

    public Turbine(String id, String sensorId) {
        this.id = id;
        this.sensorId = sensorId;
    }

    public String id() {
        return id;
    }

    public String sensorId() {
        return sensorId;
    }
}
