package dev.modelregistry.app.robustness;

import dev.modelregistry.app.DatabaseChangeFeed;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ReadModelQueries;
import dev.modelregistry.app.RegistryService;
import dev.modelregistry.app.artifact.FileSystemArtifactStore;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.SqliteFaults;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The public {@link ModelRegistry} API (the use cases as {@code ModelRegistrySQLite.open} wires
 * them) on a SQLite registry whose faults a test injects through {@link SqliteFaults}.
 */
final class FaultyRegistry {

    private FaultyRegistry() {
    }

    /** Closing the registry closes the database. */
    static ModelRegistry on(SqliteFaults faults, Path artifactRoot) {
        RegistryDatabase database = faults.database();
        return new RegistryService(database.repository(), database.unitOfWork(),
                ReadModelQueries.over(database), new FileSystemArtifactStore(artifactRoot,
                        FileSystemArtifactStore.sqliteRegistryFiles(faults.file().getParent())),
                ScoringWeights.DEFAULTS, new RandomVersionIdGenerator(), Clock.systemUTC(), faults.file().toString(),
                faults, DatabaseChangeFeed.over(database.feed()));
    }
}
