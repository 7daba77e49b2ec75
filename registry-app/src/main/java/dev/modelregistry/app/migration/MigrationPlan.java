package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.legacy.LegacyModel;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import dev.modelregistry.app.migration.legacy.LegacyRegistry;
import dev.modelregistry.app.migration.legacy.LegacyVersion;
import dev.modelregistry.domain.RegistryException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a migration will import: the legacy models with the versions that passed every check
 * (the reader's and the domain's), every problem found, and the models whose recorded active
 * version cannot be kept.
 */
record MigrationPlan(LegacyRegistry legacy, List<LegacyModel> models, List<LegacyProblem> problems,
                     List<String> reelected, int versions, int unvalidated) {

    static MigrationPlan of(LegacyRegistry legacy) {
        List<LegacyProblem> problems = new ArrayList<>(legacy.problems());
        List<LegacyModel> models = new ArrayList<>();
        List<String> reelected = new ArrayList<>();
        int versions = 0;
        int unvalidated = 0;
        for (LegacyModel model : legacy.models()) {
            List<LegacyVersion> importable = new ArrayList<>();
            for (LegacyVersion version : model.versions()) {
                if (!Double.isFinite(version.performanceScore())) {
                    problems.add(new LegacyProblem(LegacyProblem.Kind.INVALID_FIELD, version.sourceFile(), model.modelId(),
                            version.versionId(), version.sourceFile() + ": performance_score is " + version.performanceScore()
                            + "; a recorded score must be a finite number (the databases cannot store it)"));
                    continue;
                }
                try {
                    LegacyVersions.toImported(version);
                    importable.add(version);
                    versions++;
                    unvalidated += version.validated() ? 0 : 1;
                } catch (RegistryException refused) {
                    problems.add(new LegacyProblem(LegacyProblem.Kind.INVALID_FIELD, version.sourceFile(), model.modelId(),
                            version.versionId(), version.sourceFile() + ": " + refused.getMessage()));
                }
            }
            LegacyModel kept = new LegacyModel(model.modelId(), model.sensorId(), model.modelType(), model.activeVersion(),
                    importable);
            models.add(kept);
            if (!importable.isEmpty() && kept.active().isEmpty()) {
                reelected.add("model " + model.modelId() + ": recorded active version " + model.activeVersion()
                        + " is missing or skipped; the best imported version becomes active (REELECTED)");
            }
        }
        return new MigrationPlan(legacy, List.copyOf(models), List.copyOf(problems), List.copyOf(reelected), versions,
                unvalidated);
    }

    boolean hasBlockingProblems() {
        return problems.stream().anyMatch(LegacyProblem::blocking);
    }

    List<LegacyProblem> blockingProblems() {
        return problems.stream().filter(LegacyProblem::blocking).toList();
    }
}
