package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The active version of a (sensor, type) pair in plain SQL: its id by one lookup of the pair
 * ({@code models.active_version}), or its whole details (version, lineage, since when active) in
 * one query. Looked up by the pair's columns, so the answer is always the model of exactly this
 * pair, never that of another pair deriving the same model id (R1). On SQLite both read the
 * model and the lineage from covering indexes (changelog 1.3-active-details), named with
 * {@code INDEXED BY}: one index search each instead of an index and a table search.
 */
public final class ActiveVersionReadModel {

    private static final String MODEL_INDEX = "idx_models_active_details";

    private static final String LINEAGE_INDEX = "idx_data_lineage_details";

    private final ReadConnections connections;
    private final VersionReadModel versions;
    private final String activeIdSql;
    private final String activeDetailsSql;

    ActiveVersionReadModel(ReadConnections connections, VersionReadModel versions) {
        this.connections = connections;
        this.versions = versions;
        ReadConnections.SqlDialect dialect = connections.dialect();
        this.activeIdSql = "SELECT active_version FROM models" + dialect.indexedBy(MODEL_INDEX)
                + " WHERE sensor_id = ? AND model_type = ?";
        this.activeDetailsSql = versions.detailsColumns() + " FROM models m" + dialect.indexedBy(MODEL_INDEX)
                + " JOIN versions v ON v.version_id = m.active_version AND v.model_id = m.model_id"
                + " LEFT JOIN data_lineage l" + dialect.indexedBy(LINEAGE_INDEX) + " ON l.version_id = v.version_id"
                + " WHERE m.sensor_id = ? AND m.model_type = ?";
    }

    /** The two statements, for their plans. */
    java.util.List<String> statements() {
        return java.util.List.of(activeIdSql, activeDetailsSql);
    }

    /** The active version's id; empty when there is no such model or it has no versions. */
    public Optional<VersionId> activeVersionId(SensorId sensorId, ModelType modelType) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(activeIdSql);
            statement.setString(1, sensorId.value());
            statement.setString(2, modelType.value());
            try (ResultSet row = statement.executeQuery()) {
                String id = row.next() ? row.getString(1) : null;
                return Optional.ofNullable(id).map(VersionId::new);
            }
        });
    }

    /** The active version's details, lineage and since when it is active, in one query. */
    public Optional<VersionRow> activeVersion(SensorId sensorId, ModelType modelType) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(activeDetailsSql);
            statement.setString(1, sensorId.value());
            statement.setString(2, modelType.value());
            return versions.single(statement);
        });
    }
}
