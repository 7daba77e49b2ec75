package dev.modelregistry.app;

import dev.modelregistry.app.artifact.FileSystemArtifactStore;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.RegistryDatabase;
import java.nio.file.Path;
import java.time.Clock;

/** Wires a database, the artifact store and the use cases into a {@link ModelRegistry}. */
final class RegistryBootstrap {

    private RegistryBootstrap() {
    }

    static ModelRegistry wire(RegistryDatabase database, ScoringWeights weights, Path artifactRoot, String location) {
        return new RegistryService(database.repository(), database.unitOfWork(), new FileSystemArtifactStore(artifactRoot),
                weights, new RandomVersionIdGenerator(), Clock.systemUTC(), location, database);
    }
}
