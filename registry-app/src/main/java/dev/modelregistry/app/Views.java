package dev.modelregistry.app;

import dev.modelregistry.domain.model.ActivationRecord;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.LineageRow;
import dev.modelregistry.persistence.query.VersionLine;
import dev.modelregistry.persistence.query.VersionRow;
import java.util.ArrayList;
import java.util.List;

/** Turns domain objects and read-model rows into the immutable views the port returns: the one place of that mapping. */
final class Views {

    private Views() {
    }

    static ModelVersionDetails details(VersionRow row) {
        return new ModelVersionDetails(row.versionId(), row.modelId(), row.sensorId(), row.modelType(), row.createdAt(),
                row.trainingConfig().asMap(), row.trainingMetrics().asMap(), row.validationMetrics().asMap(),
                row.modelSizeBytes(), row.trainingTimeSeconds(), row.dataHash(), row.modelHash(), row.modelPath(),
                row.description(), row.tags().keys(), row.active(), row.performanceScore(),
                unreadableFields(row.trainingConfig(), row.trainingMetrics(), row.validationMetrics(), row.tags()),
                row.lineage() == null ? null : lineage(row.lineage()), row.activeSince(), row.aliases(), row.tags().values(),
                row.heldSince(), row.archivedAt());
    }

    private static List<String> unreadableFields(Attributes trainingConfig, Attributes trainingMetrics,
                                                 Attributes validationMetrics, Tags tags) {
        List<String> unreadable = new ArrayList<>();
        if (trainingConfig.isUnreadable()) {
            unreadable.add("training_config");
        }
        if (trainingMetrics.isUnreadable()) {
            unreadable.add("training_metrics");
        }
        if (validationMetrics.isUnreadable()) {
            unreadable.add("validation_metrics");
        }
        if (tags.isUnreadable()) {
            unreadable.add("tags");
        }
        return unreadable;
    }

    static DataLineageDetails lineage(LineageRow row) {
        return new DataLineageDetails(row.versionId(), row.dataHash(), row.dataSource(), row.dataStartDate(),
                row.dataEndDate(), row.numSamples(), row.recordedAt());
    }

    static ModelSummary summary(ModelOverview overview) {
        return new ModelSummary(overview.modelId().value(), overview.sensorId().value(), overview.modelType().value(),
                overview.activeVersion().map(VersionId::value).orElse(null), Math.toIntExact(overview.versionCount()),
                overview.bestScore().orElse(null), overview.createdAt(), overview.updatedAt(),
                overview.description().orElse(null), overview.tags().keys(), overview.tags().values(),
                overview.heldSince().orElse(null), Math.toIntExact(overview.archivedCount()));
    }

    static VersionSummary summary(VersionLine line) {
        return new VersionSummary(line.versionId(), line.modelId(), line.createdAt(), line.performanceScore(),
                line.active(), line.modelPath(), line.archivedAt());
    }

    static VersionSummary summary(ModelVersion version) {
        return new VersionSummary(version.id().value(), version.modelId().value(), version.createdAt(),
                version.performanceScore(), version.isActive(), version.modelPath().orElse(null),
                version.archivedAt().orElse(null));
    }

    static ActivationEntry entry(ActivationRecord change) {
        return new ActivationEntry(change.sequenceNo(), change.versionId().map(VersionId::value).orElse(null),
                change.previousVersionId().map(VersionId::value).orElse(null), change.reason().name(),
                change.score().orElse(null), change.previousScore().orElse(null), change.changedAt(),
                change.alias().map(Alias::value).orElse(null), change.note().orElse(null));
    }
}
