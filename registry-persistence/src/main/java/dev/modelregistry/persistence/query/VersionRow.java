package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.Tags;
import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one version, read in one query: its {@code versions} row, its
 * {@code data_lineage} row and, for the active version, since when it is active.
 *
 * @param lineage     null when the version has no lineage row
 * @param activeSince when the version last became active (the time of the history entry that
 *                    made it active, kept on its model's row); null when it is not active or
 *                    the history does not name it
 * @param aliases     the aliases that name the version (never the reserved {@code active}), in name order
 * @param heldSince   since when its model holds it (R14: it is the active version of a held model); null otherwise
 * @param archivedAt  when the version was archived (R15); null when it is not
 */
public record VersionRow(String versionId, String modelId, String sensorId, String modelType, Instant createdAt,
                         Attributes trainingConfig, Attributes trainingMetrics, Attributes validationMetrics,
                         long modelSizeBytes, Double trainingTimeSeconds, String dataHash, String modelHash,
                         String modelPath, String description, Tags tags, boolean active, double performanceScore,
                         LineageRow lineage, Instant activeSince, List<String> aliases, Instant heldSince,
                         Instant archivedAt) {

    public VersionRow {
        aliases = List.copyOf(aliases);
    }
}
