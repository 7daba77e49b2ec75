package dev.modelregistry.app.migration;

import java.util.Optional;
import java.util.function.Function;

/**
 * Port: how a migration reaches its target registry. The target is first looked at as it is
 * (read-only, for the dry run and for every check made before the backup), and opened for
 * writing only when a real run is about to import.
 */
public interface MigrationTargets {

    /**
     * The target as it is, opened without changing it; empty when it does not exist yet (a real
     * run would create it).
     *
     * @throws RuntimeException naming the target when it exists but cannot be read, or could not
     *                          be created (a regular file in the way, an unreachable server)
     */
    Optional<MigrationTarget> openExisting(MigrationRequest request);

    /** Opens the target for the import, creating it (and bringing its schema up to date) if needed. */
    MigrationTarget openForImport(MigrationRequest request);

    /** A target that exists already and is looked at and imported into through the same opening (tests, embedding). */
    static MigrationTargets of(Function<MigrationRequest, MigrationTarget> open) {
        return new MigrationTargets() {
            @Override
            public Optional<MigrationTarget> openExisting(MigrationRequest request) {
                return Optional.of(open.apply(request));
            }

            @Override
            public MigrationTarget openForImport(MigrationRequest request) {
                return open.apply(request);
            }
        };
    }
}
