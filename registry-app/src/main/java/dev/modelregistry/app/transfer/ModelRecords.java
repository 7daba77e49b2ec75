package dev.modelregistry.app.transfer;

import dev.modelregistry.app.transfer.ExportRecords.ActivationLine;
import dev.modelregistry.app.transfer.ExportRecords.LineageLine;
import dev.modelregistry.app.transfer.ExportRecords.ModelLine;
import dev.modelregistry.app.transfer.ExportRecords.VersionLine;
import dev.modelregistry.domain.InconsistentModelException;
import dev.modelregistry.domain.InvalidVersionDataException;
import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.RestoredActivation;
import dev.modelregistry.domain.model.RestoredVersion;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Model aggregate to export line and back. The way back goes through the domain only
 * ({@link Model#restore}, {@link RestoredVersion}, {@link RestoredActivation}, {@link VersionSpec},
 * {@link DataLineage}), so an imported model obeys every rule a registered one does.
 */
final class ModelRecords {

    /** Oldest first, ties by id: the same order whatever database the model was read from. */
    private static final Comparator<ModelVersion> FILE_ORDER =
            Comparator.comparing(ModelVersion::createdAt).thenComparing(v -> v.id().value());

    private ModelRecords() {
    }

    static ModelLine toLine(Model model) {
        List<VersionLine> versions = model.versions().stream().sorted(FILE_ORDER).map(ModelRecords::toLine).toList();
        List<ActivationLine> history = model.history().stream().map(ModelRecords::toLine).toList();
        return new ModelLine(model.id().value(), model.sensorId().value(), model.modelType().value(),
                text(model.createdAt()), text(model.updatedAt()), model.activeVersionId().map(VersionId::value).orElse(null),
                model.description().orElse(null), model.tags().values(), versions, history);
    }

    private static VersionLine toLine(ModelVersion version) {
        LineageLine lineage = version.lineage().map(l -> new LineageLine(l.dataSource().orElse(null),
                l.dataStartDate().orElse(null), l.dataEndDate().orElse(null), l.numSamples().orElse(null),
                text(l.recordedAt()))).orElse(null);
        return new VersionLine(version.id().value(), text(version.createdAt()), version.modelPath().orElse(null),
                version.trainingConfig().asMap(), version.trainingMetrics().asMap(), version.validationMetrics().asMap(),
                version.modelSizeBytes(), version.trainingTimeSeconds().orElse(null), version.dataHash().orElse(null),
                version.modelHash().orElse(null), version.description().orElse(null), version.tags().keys(),
                version.tags().values(), version.isActive(), version.performanceScore(), lineage,
                version.archivedAt().map(ModelRecords::text).orElse(null));
    }

    /** The keys of {@code tags} with the values of {@code tag_values}, each of them one of the keys. */
    private static Tags tags(VersionLine line) {
        Tags tags = Tags.of(line.tags());
        for (Map.Entry<String, String> valued : required("tag_values", line.tagValues()).entrySet()) {
            if (!tags.contains(valued.getKey())) {
                throw new InvalidVersionDataException("tag_values." + valued.getKey(), valued.getValue(),
                        "of version " + line.versionId() + " belongs to no key of its tags");
            }
            tags = tags.with(valued.getKey(), valued.getValue());
        }
        return tags;
    }

    private static ActivationLine toLine(ActivationChange change) {
        return new ActivationLine(change.sequenceNo(), change.versionId().map(VersionId::value).orElse(null),
                change.previousVersionId().map(VersionId::value).orElse(null), change.reason().name(),
                change.score().orElse(null), change.previousScore().orElse(null), text(change.changedAt()),
                change.alias().map(Alias::value).orElse(null), change.note().map(ChangeNote::actor).orElse(null),
                change.note().flatMap(ChangeNote::reason).orElse(null),
                change.note().flatMap(ChangeNote::reference).orElse(null));
    }

    /** The model a line describes, every invariant checked by the aggregate. */
    static Model toModel(ModelLine line) {
        SensorId sensorId = SensorId.of(line.sensorId());
        ModelType modelType = ModelType.of(line.modelType());
        String derived = ModelId.of(sensorId, modelType).value();
        if (!derived.equals(line.modelId())) {
            throw new InconsistentModelException(String.valueOf(line.modelId()),
                    "its id must be {model_type}_{sensor_id} = " + derived);
        }
        List<RestoredVersion> versions = required("versions", line.versions()).stream().map(ModelRecords::toVersion).toList();
        List<RestoredActivation> history = required("history", line.history()).stream()
                .map(ModelRecords::toActivation).toList();
        Instant updatedAt = instant("updated_at", line.updatedAt());
        Model model = Model.restore(sensorId, modelType, instant("created_at", line.createdAt()), updatedAt, versions,
                versionId(line.activeVersion()), history);
        // the model's own description and tags, set as they were set, at the time it was last changed
        model.describe(line.description(), updatedAt);
        required("tags", line.tags()).forEach((key, value) -> model.tag(key, value, updatedAt));
        return model;
    }

    private static RestoredVersion toVersion(VersionLine line) {
        LineageLine lineage = line.lineage();
        DataLineage dataLineage = lineage == null ? null : DataLineage.of(line.dataHash(), lineage.dataSource(),
                lineage.dataStartDate(), lineage.dataEndDate(), lineage.numSamples());
        VersionSpec spec = new VersionSpec(line.modelPath(), Attributes.of(line.trainingConfig()),
                Attributes.of(line.trainingMetrics()), Attributes.of(line.validationMetrics()), line.modelSizeBytes(),
                line.trainingTimeSeconds(), line.modelHash(), line.description(), tags(line), dataLineage);
        return RestoredVersion.of(VersionId.of(line.versionId()), instant("created_at", line.createdAt()),
                line.performanceScore(), line.isActive(), line.dataHash(), spec,
                lineage == null || lineage.recordedAt() == null ? null : instant("lineage.recorded_at", lineage.recordedAt()),
                line.archivedAt() == null ? null : instant("archived_at", line.archivedAt()));
    }

    private static RestoredActivation toActivation(ActivationLine line) {
        return RestoredActivation.of(line.sequenceNo(), versionId(line.versionId()), versionId(line.previousVersionId()),
                reason(line.reason()), line.score(), line.previousScore(), instant("changed_at", line.changedAt()),
                line.alias() == null ? null : Alias.of(line.alias()),
                ChangeNote.stored(line.actor(), line.noteReason(), line.noteReference()).orElse(null));
    }

    private static ActivationReason reason(String value) {
        return Arrays.stream(ActivationReason.values()).filter(r -> r.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidVersionDataException("reason", value,
                        "must be one of " + Arrays.toString(ActivationReason.values())));
    }

    private static VersionId versionId(String value) {
        return value == null ? null : VersionId.of(value);
    }

    private static <T> List<T> required(String field, List<T> values) {
        if (values == null) {
            throw new InvalidVersionDataException(field, null, "must be a list (empty when there are none)");
        }
        return values;
    }

    private static Map<String, String> required(String field, Map<String, String> values) {
        if (values == null) {
            throw new InvalidVersionDataException(field, null, "must be an object (empty when there are none)");
        }
        return values;
    }

    private static Instant instant(String field, String value) {
        try {
            if (value != null) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException notAnInstant) {
            // refused below, naming the field
        }
        throw new InvalidVersionDataException(field, value, "must be a UTC instant such as 2025-09-29T21:57:26.679550Z");
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
