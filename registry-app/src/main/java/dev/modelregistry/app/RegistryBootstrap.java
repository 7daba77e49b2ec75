package dev.modelregistry.app;

import dev.modelregistry.app.artifact.FileSystemArtifactStore;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.RegistryDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Wires a database, the artifact store and the use cases into a {@link ModelRegistry}. */
final class RegistryBootstrap {

    private RegistryBootstrap() {
    }

    /**
     * @param protectedPaths what artifact removal must never touch (nor anything containing it or
     *                       inside it): the SQLite registry folder and database files
     */
    static ModelRegistry wire(RegistryDatabase database, ScoringWeights weights, Path artifactRoot,
                              List<Path> protectedPaths, String location) {
        return new RegistryService(database.repository(), database.unitOfWork(),
                ReadModelQueries.over(database), new FileSystemArtifactStore(artifactRoot, protectedPaths),
                weights, new RandomVersionIdGenerator(), Clock.systemUTC(), location, database,
                DatabaseChangeFeed.over(database.feed()));
    }
}
