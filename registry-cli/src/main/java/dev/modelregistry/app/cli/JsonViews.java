package dev.modelregistry.app.cli;

import dev.modelregistry.app.ActivationEntry;
import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.DataLineageDetails;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.app.RegistryStats;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code --json} shapes: snake_case field names as in the Python registry, instants as ISO-8601 UTC with microseconds. */
final class JsonViews {

    private JsonViews() {
    }

    static Map<String, Object> model(ModelSummary model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_id", model.modelId());
        json.put("sensor_id", model.sensorId());
        json.put("model_type", model.modelType());
        json.put("active_version", model.activeVersion());
        json.put("version_count", model.versionCount());
        json.put("archived_count", model.archivedCount());
        json.put("best_score", model.bestScore());
        json.put("created_at", Formats.iso(model.createdAt()));
        json.put("updated_at", Formats.iso(model.updatedAt()));
        json.put("description", model.description());
        json.put("tags", model.tags());
        json.put("tag_values", model.tagValues());
        json.put("held_since", Formats.iso(model.heldSince()));
        return json;
    }

    static Map<String, Object> version(VersionSummary version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version_id", version.versionId());
        json.put("model_id", version.modelId());
        json.put("created_at", Formats.iso(version.createdAt()));
        json.put("performance_score", version.performanceScore());
        json.put("is_active", version.isActive());
        json.put("model_path", version.modelPath());
        json.put("archived_at", Formats.iso(version.archivedAt()));
        return json;
    }

    static Map<String, Object> details(ModelVersionDetails d, Optional<DataLineageDetails> lineage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version_id", d.versionId());
        json.put("model_id", d.modelId());
        json.put("sensor_id", d.sensorId());
        json.put("model_type", d.modelType());
        json.put("created_at", Formats.iso(d.createdAt()));
        json.put("training_config", d.isUnreadable("training_config") ? null : d.trainingConfig());
        json.put("training_metrics", d.isUnreadable("training_metrics") ? null : d.trainingMetrics());
        json.put("validation_metrics", d.isUnreadable("validation_metrics") ? null : d.validationMetrics());
        json.put("model_size_bytes", d.modelSizeBytes());
        json.put("training_time_seconds", d.trainingTimeSeconds());
        json.put("data_hash", d.dataHash());
        json.put("model_hash", d.modelHash());
        json.put("model_path", d.modelPath());
        json.put("description", d.description());
        json.put("tags", d.isUnreadable("tags") ? null : d.tags());
        json.put("tag_values", d.isUnreadable("tags") ? null : d.tagValues());
        json.put("is_active", d.isActive());
        json.put("aliases", d.aliases());
        json.put("performance_score", d.performanceScore());
        json.put("data_lineage", lineage.map(JsonViews::lineage).orElse(null));
        json.put("unreadable_fields", d.unreadableFields());
        json.put("held_since", Formats.iso(d.heldSince()));
        json.put("archived_at", Formats.iso(d.archivedAt()));
        return json;
    }

    static Map<String, Object> lineage(DataLineageDetails lineage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data_hash", lineage.dataHash());
        json.put("data_source", lineage.dataSource());
        json.put("data_start_date", lineage.dataStartDate());
        json.put("data_end_date", lineage.dataEndDate());
        json.put("num_samples", lineage.numSamples());
        json.put("created_at", Formats.iso(lineage.recordedAt()));
        return json;
    }

    static Map<String, Object> stats(RegistryStats stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_models", stats.totalModels());
        json.put("models_without_versions", stats.modelsWithoutVersions());
        json.put("total_versions", stats.totalVersions());
        json.put("archived_versions", stats.archivedVersions());
        json.put("active_versions", stats.activeVersions());
        json.put("models_by_type", stats.modelsByType());
        json.put("versions_by_type", stats.versionsByType());
        json.put("average_performance_score", stats.averagePerformanceScore());
        json.put("newest_version_at", Formats.iso(stats.newestVersionAt()));
        json.put("database", stats.location());
        return json;
    }

    static Map<String, Object> artifact(ArtifactRemoval removal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_path", removal.modelPath());
        json.put("outcome", removal.outcome().name().toLowerCase(Locale.ROOT));
        json.put("detail", removal.detail());
        return json;
    }

    /** A change of the change feed ({@code history --follow --json}): one object a line. */
    static Map<String, Object> activation(ActivationEvent change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cursor", change.cursor());
        json.put("model_id", change.modelId());
        json.put("sensor_id", change.sensorId());
        json.put("model_type", change.modelType());
        json.put("version_id", change.versionId());
        json.put("previous_version_id", change.previousVersionId());
        json.put("reason", change.reason().name());
        json.put("changed_at", Formats.iso(change.at()));
        json.put("alias", change.alias());
        putNote(json, change.note());
        return json;
    }

    static Map<String, Object> activation(ActivationEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence_no", entry.sequenceNo());
        json.put("version_id", entry.versionId());
        json.put("previous_version_id", entry.previousVersionId());
        json.put("reason", entry.reason());
        json.put("score", entry.score());
        json.put("previous_score", entry.previousScore());
        json.put("changed_at", Formats.iso(entry.changedAt()));
        json.put("alias", entry.alias());
        putNote(json, entry.note());
        return json;
    }

    /**
     * A change note as {@code actor}, {@code note_reason}, {@code note_reference} (null: none): of a
     * history entry ({@code history --json}) and of the changes promote, delete, alias set/rm, hold,
     * release and archive print.
     */
    static void putNote(Map<String, Object> json, ChangeNote note) {
        json.put("actor", note == null ? null : note.actor());
        json.put("note_reason", note == null ? null : note.reason().orElse(null));
        json.put("note_reference", note == null ? null : note.reference().orElse(null));
    }
}
