package dev.modelregistry.app;

import dev.modelregistry.app.query.VersionSearch;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.query.VersionSearchReadModel;
import java.util.List;

/**
 * {@link VersionSearch} by the SQL read model of the persistence adapter: what
 * {@code ModelRegistrySQLite} and {@code ModelRegistryJdbc} give {@link RegistryService}, for
 * code that wires a {@link RegistryService} over a {@link RegistryDatabase} itself.
 */
public final class SqlVersionSearch implements VersionSearch {

    private final RegistryDatabase database;

    /** The read connections are opened on the first search, not before. */
    public SqlVersionSearch(RegistryDatabase database) {
        this.database = database;
    }

    @Override
    public List<VersionSummary> search(VersionQuery query, Position after, int limit) {
        VersionSearchReadModel.Criteria criteria = new VersionSearchReadModel.Criteria(query.sensorId().orElse(null),
                query.modelType().orElse(null), query.tag().orElse(null), query.minScore().orElse(null),
                query.maxScore().orElse(null), query.createdAfter().orElse(null), query.createdBefore().orElse(null),
                query.dataHash().orElse(null), query.dataSource().orElse(null), query.dataFrom().orElse(null),
                query.dataTo().orElse(null), query.activeOnly(), query.order() == VersionQuery.Order.SCORE,
                query.descending(), query.tagValue().orElse(null), query.includeArchived());
        VersionSearchReadModel.Position from = after == null ? null
                : new VersionSearchReadModel.Position(after.createdAt(), after.score(), after.versionId());
        return new VersionSearchReadModel(database.reads()).page(criteria, from, limit).stream()
                .map(row -> new VersionSummary(row.versionId(), row.modelId(), row.createdAt(), row.score(), row.active(),
                        row.modelPath(), row.archivedAt()))
                .toList();
    }
}
