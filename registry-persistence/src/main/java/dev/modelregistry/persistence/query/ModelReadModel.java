package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Models in plain SQL: overviews (filtered by type and/or sensor in SQL, ordered by model id,
 * each with its version count from the {@code versions(model_id)} index less its archived
 * versions (R15), counted on their partial index {@code idx_versions_archived_model}, its
 * description, tags and since when it is held) and a model's
 * activation history, oldest first.
 */
public final class ModelReadModel {

    private static final String OVERVIEW_SQL = "SELECT m.model_id, m.sensor_id, m.model_type, m.active_version,"
            + " (SELECT COUNT(*) FROM versions v WHERE v.model_id = m.model_id), m.best_score, m.created_at,"
            + " m.updated_at, m.description, m.tags, m.tag_values, m.held_since, (SELECT COUNT(*) FROM versions a"
            + " WHERE a.model_id = m.model_id AND a.archived_at IS NOT NULL) FROM models m";

    /** Left join: no row means no model, one row without a sequence number a model without history. */
    private static final String HISTORY_SQL = "SELECT h.sequence_no, h.version_id, h.previous_version_id, h.reason,"
            + " h.score, h.previous_score, h.changed_at, h.alias, h.actor, h.note_reason,"
            + " h.note_reference FROM models m"
            + " LEFT JOIN activation_history h ON h.model_id = m.model_id"
            + " WHERE m.sensor_id = ? AND m.model_type = ? ORDER BY h.sequence_no";

    private final ReadConnections connections;
    private final Columns columns;

    ModelReadModel(ReadConnections connections) {
        this.connections = connections;
        this.columns = new Columns(connections);
    }

    /** Overviews of the models of this type and/or sensor (all when both are empty), ordered by model id. */
    public List<ModelOverview> overviews(Optional<ModelType> modelType, Optional<SensorId> sensorId) {
        List<String> conditions = new ArrayList<>();
        modelType.ifPresent(type -> conditions.add("m.model_type = ?"));
        sensorId.ifPresent(sensor -> conditions.add("m.sensor_id = ?"));
        String sql = OVERVIEW_SQL + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY m.model_id";
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(sql);
            int parameter = 1;
            if (modelType.isPresent()) {
                statement.setString(parameter++, modelType.get().value());
            }
            if (sensorId.isPresent()) {
                statement.setString(parameter, sensorId.get().value());
            }
            List<ModelOverview> overviews = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    overviews.add(new ModelOverview(new ModelId(row.getString(1)), new SensorId(row.getString(2)),
                            new ModelType(row.getString(3)), Optional.ofNullable(row.getString(4)).map(VersionId::new),
                            row.getLong(5) - row.getLong(13), Optional.ofNullable(Columns.nullableDouble(row, 6)),
                            columns.instant(row, 7), columns.instant(row, 8), Optional.ofNullable(columns.text(row, 9)),
                            columns.tags(row, 10, 11), Optional.ofNullable(columns.instant(row, 12)),
                            row.getLong(13)));
                }
            }
            return overviews;
        });
    }

    /** The activation history of exactly this pair's model, oldest first; empty when there is no such model. */
    public Optional<List<ActivationRow>> history(SensorId sensorId, ModelType modelType) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(HISTORY_SQL);
            statement.setString(1, sensorId.value());
            statement.setString(2, modelType.value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<ActivationRow> history = new ArrayList<>();
                do {
                    if (row.getString(4) != null) {
                        history.add(activation(row));
                    }
                } while (row.next());
                return Optional.of(history);
            }
        });
    }

    private ActivationRow activation(ResultSet row) throws SQLException {
        return new ActivationRow(row.getInt(1), Optional.ofNullable(row.getString(2)).map(VersionId::new),
                Optional.ofNullable(row.getString(3)).map(VersionId::new), ActivationReason.valueOf(row.getString(4)),
                Optional.ofNullable(Columns.nullableDouble(row, 5)), Optional.ofNullable(Columns.nullableDouble(row, 6)),
                columns.instant(row, 7), Optional.ofNullable(columns.text(row, 8)).map(Alias::new),
                columns.note(row, 9));
    }
}
