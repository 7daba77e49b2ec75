package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.legacy.LegacyModel;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import dev.modelregistry.app.migration.legacy.LegacyRegistry;
import dev.modelregistry.app.migration.legacy.LegacyVersion;
import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the legacy registry offers for import: every legacy model whose identity the domain
 * accepts, with the versions {@link ImportedVersion#of} accepted, and every problem found (the
 * reader's and the domain's refusals). The plan judges nothing itself: the domain decides
 * what may enter, and {@link ImportPass} asks the target what would become of it.
 */
record MigrationPlan(LegacyRegistry legacy, List<PlannedModel> models, List<LegacyProblem> problems) {

    /** A legacy model in domain terms, with its importable versions in index order. */
    record PlannedModel(LegacyModel legacy, SensorId sensorId, ModelType modelType, VersionId recordedActive,
                        List<PlannedVersion> versions) {

        ModelId id() {
            return ModelId.of(sensorId, modelType);
        }
    }

    /** A legacy version with its import form. */
    record PlannedVersion(LegacyVersion legacy, ImportedVersion imported) {
    }

    static MigrationPlan of(LegacyRegistry legacy) {
        List<LegacyProblem> problems = new ArrayList<>(legacy.problems());
        List<PlannedModel> models = new ArrayList<>();
        for (LegacyModel model : legacy.models()) {
            SensorId sensorId;
            ModelType modelType;
            try {
                sensorId = SensorId.of(model.sensorId());
                modelType = ModelType.of(model.modelType());
            } catch (RegistryException refused) {
                problems.add(new LegacyProblem(LegacyProblem.Kind.INVALID_FIELD, legacy.registryDir().resolve("models_index.json"),
                        model.modelId(), null, "model '" + model.modelId() + "' in models_index.json: " + refused.getMessage()
                        + "; none of its " + model.versions().size() + " version(s) can be imported"));
                continue;
            }
            List<PlannedVersion> importable = new ArrayList<>();
            for (LegacyVersion version : model.versions()) {
                try {
                    importable.add(new PlannedVersion(version, ImportedVersion.of(version.recorded())));
                } catch (RegistryException refused) {
                    problems.add(new LegacyProblem(LegacyProblem.Kind.INVALID_FIELD, version.sourceFile(), model.modelId(),
                            version.versionId(), version.sourceFile() + ": " + refused.getMessage()));
                }
            }
            VersionId recordedActive = model.activeVersion() == null ? null : VersionId.of(model.activeVersion());
            models.add(new PlannedModel(model, sensorId, modelType, recordedActive, List.copyOf(importable)));
        }
        return new MigrationPlan(legacy, List.copyOf(models), List.copyOf(problems));
    }

    /** Importable versions over all models. */
    int versions() {
        return models.stream().mapToInt(model -> model.versions().size()).sum();
    }

    /** Importable versions that fail the validation gate (imported too, and reported). */
    int unvalidated() {
        return (int) models.stream().flatMap(model -> model.versions().stream())
                .filter(version -> !version.imported().validated()).count();
    }

    boolean hasBlockingProblems() {
        return problems.stream().anyMatch(LegacyProblem::blocking);
    }

    List<LegacyProblem> blockingProblems() {
        return problems.stream().filter(LegacyProblem::blocking).toList();
    }
}
