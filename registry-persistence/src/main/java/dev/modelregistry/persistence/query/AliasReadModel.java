package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model's aliases in plain SQL ({@code model_aliases}, changelog 1.3-aliases): the version an
 * alias names, with its whole details in one query (as the active version's), and the model's
 * aliases listed. Looked up by the pair's columns, so the answer is always the model of exactly
 * this pair (R1). The reserved {@code active} is not stored here: it is the active version's
 * ({@link ActiveVersionReadModel}).
 */
public final class AliasReadModel {

    private static final String NAMED_FROM = " FROM models m"
            + " JOIN model_aliases n ON n.model_id = m.model_id AND n.alias = ?"
            + " JOIN versions v ON v.version_id = n.version_id"
            + " LEFT JOIN data_lineage l ON l.version_id = v.version_id WHERE m.sensor_id = ? AND m.model_type = ?";

    /** Left join: no row means no model, one row without an alias a model without aliases. */
    private static final String LIST_SQL = "SELECT n.alias, n.version_id FROM models m"
            + " LEFT JOIN model_aliases n ON n.model_id = m.model_id"
            + " WHERE m.sensor_id = ? AND m.model_type = ? ORDER BY n.alias";

    private final ReadConnections connections;
    private final VersionReadModel versions;
    private final Columns columns;
    private final String namedSql;

    AliasReadModel(ReadConnections connections, VersionReadModel versions) {
        this.connections = connections;
        this.versions = versions;
        this.columns = new Columns(connections);
        this.namedSql = versions.detailsColumns() + NAMED_FROM;
    }

    /** The details of the version {@code alias} names; empty when there is no such model or alias. */
    public Optional<VersionRow> version(SensorId sensorId, ModelType modelType, Alias alias) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(namedSql);
            statement.setString(1, alias.value());
            statement.setString(2, sensorId.value());
            statement.setString(3, modelType.value());
            return versions.single(statement);
        });
    }

    /** The model's aliases and the version ids they name, by alias; empty when there is no such model. */
    public Optional<Map<String, String>> aliases(SensorId sensorId, ModelType modelType) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(LIST_SQL);
            statement.setString(1, sensorId.value());
            statement.setString(2, modelType.value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<String, String> aliases = new LinkedHashMap<>();
                do {
                    String alias = columns.text(row, 1);
                    if (alias != null) {
                        aliases.put(alias, columns.text(row, 2));
                    }
                } while (row.next());
                return Optional.of(Collections.unmodifiableMap(aliases));
            }
        });
    }
}
