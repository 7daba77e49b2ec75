package dev.modelregistry.app.migration.legacy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable snapshot of a legacy JSON registry: its models (with the versions that could be
 * read) and every problem found. Produced by {@link LegacyRegistryReader#read(Path)}.
 *
 * @param registryDir the folder that was read
 * @param models      the models of models_index.json, in file order; a model whose index entry
 *                    is itself broken is absent (a problem says why)
 * @param problems    every problem, in the order found
 */
public record LegacyRegistry(Path registryDir, List<LegacyModel> models, List<LegacyProblem> problems) {

    public LegacyRegistry {
        Objects.requireNonNull(registryDir, "registryDir");
        models = List.copyOf(models);
        problems = List.copyOf(problems);
    }

    /** Number of readable versions over all models. */
    public int versionCount() {
        int n = 0;
        for (LegacyModel m : models) {
            n += m.versions().size();
        }
        return n;
    }

    /** Whether any problem (blocking or not) was found. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Whether any problem that stops a real migration was found. */
    public boolean hasBlockingProblems() {
        for (LegacyProblem p : problems) {
            if (p.blocking()) {
                return true;
            }
        }
        return false;
    }

    /** The problems that stop a real migration. */
    public List<LegacyProblem> blockingProblems() {
        return problems.stream().filter(LegacyProblem::blocking).toList();
    }

    /** The model with this id, if present. */
    public Optional<LegacyModel> model(String modelId) {
        return models.stream().filter(m -> m.modelId().equals(modelId)).findFirst();
    }

    /** The readable version with this id, if present. */
    public Optional<LegacyVersion> version(String versionId) {
        for (LegacyModel m : models) {
            Optional<LegacyVersion> v = m.version(versionId);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
