package dev.modelregistry.app;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.VersionId;
import java.util.ArrayList;
import java.util.List;

/** Turns domain objects into the immutable views the port returns. */
final class Views {

    private Views() {
    }

    static ModelVersionDetails details(ModelVersion version) {
        return new ModelVersionDetails(version.id().value(), version.modelId().value(), version.sensorId().value(),
                version.modelType().value(), version.createdAt(), version.trainingConfig().asMap(),
                version.trainingMetrics().asMap(), version.validationMetrics().asMap(), version.modelSizeBytes(),
                version.trainingTimeSeconds().orElse(null), version.dataHash().orElse(null),
                version.modelHash().orElse(null), version.modelPath().orElse(null),
                version.description().orElse(null), version.tags().values(), version.isActive(),
                version.performanceScore(), unreadableFields(version));
    }

    private static List<String> unreadableFields(ModelVersion version) {
        List<String> unreadable = new ArrayList<>();
        if (version.trainingConfig().isUnreadable()) {
            unreadable.add("training_config");
        }
        if (version.trainingMetrics().isUnreadable()) {
            unreadable.add("training_metrics");
        }
        if (version.validationMetrics().isUnreadable()) {
            unreadable.add("validation_metrics");
        }
        if (version.tags().isUnreadable()) {
            unreadable.add("tags");
        }
        return unreadable;
    }

    static DataLineageDetails lineage(ModelVersion version, DataLineage lineage) {
        return new DataLineageDetails(version.id().value(), lineage.dataHash(), lineage.dataSource().orElse(null),
                lineage.dataStartDate().orElse(null), lineage.dataEndDate().orElse(null),
                lineage.numSamples().orElse(null), lineage.recordedAt());
    }

    static ModelSummary summary(ModelOverview overview) {
        return new ModelSummary(overview.modelId().value(), overview.sensorId().value(), overview.modelType().value(),
                overview.activeVersion().map(VersionId::value).orElse(null), Math.toIntExact(overview.versionCount()),
                overview.bestScore().orElse(null), overview.createdAt(), overview.updatedAt());
    }

    static VersionSummary summary(ModelVersion version) {
        return new VersionSummary(version.id().value(), version.modelId().value(), version.createdAt(),
                version.performanceScore(), version.isActive(), version.modelPath().orElse(null));
    }

    static ActivationEntry entry(ActivationChange change) {
        return new ActivationEntry(change.sequenceNo(), change.versionId().map(VersionId::value).orElse(null),
                change.previousVersionId().map(VersionId::value).orElse(null), change.reason().name(),
                change.score().orElse(null), change.previousScore().orElse(null), change.changedAt());
    }
}
