package dev.modelregistry.app;

import dev.modelregistry.app.artifact.FileSystemArtifactStore;
import dev.modelregistry.app.query.CachedActiveVersions;
import dev.modelregistry.app.query.RegistryQueries;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
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
     * @param settings       the weights, whether the active-version answers are kept in memory
     *                       (coherent through the change feed) and the note of changes made without one
     */
    static ModelRegistry wire(RegistryDatabase database, Path artifactRoot, List<Path> protectedPaths, String location,
                              RegistrySettings settings) {
        ChangeFeed feed = DatabaseChangeFeed.over(database.feed());
        RegistryQueries queries = ReadModelQueries.over(database);
        if (settings.activeVersionCache() == ActiveVersionCache.IN_PROCESS) {
            queries = new RegistryQueries(CachedActiveVersions.over(queries.activeVersions(), feed), queries.versions(),
                    queries.models(), queries.search());
        }
        return new RegistryService(database.repository(), database.unitOfWork(), queries,
                new FileSystemArtifactStore(artifactRoot, protectedPaths),
                settings.scoringWeights(), new RandomVersionIdGenerator(), Clock.systemUTC(), location, database, feed,
                settings.defaultNote());
    }
}
