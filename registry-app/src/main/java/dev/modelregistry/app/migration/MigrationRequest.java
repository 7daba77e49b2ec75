package dev.modelregistry.app.migration;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to migrate and how.
 *
 * @param oldPath       the legacy registry folder (models_index.json, versions_index.json, metadata/)
 * @param newPath       the folder of the new registry; its database is {@code model_registry.db}
 * @param modelsRoot    where artifacts live by convention ({@code <root>/<type>/<sensor>}), for versions
 *                      whose metadata has no model_path
 * @param legacyZone    the zone the legacy naive timestamps were written in
 * @param dryRun        read and check everything, print the plan, write nothing (M1)
 * @param skipInvalid   import what can be imported and skip broken items instead of refusing (M2)
 */
public record MigrationRequest(Path oldPath, Path newPath, Path modelsRoot, ZoneId legacyZone, boolean dryRun,
                               boolean skipInvalid) {

    public static final String DATABASE_FILE = "model_registry.db";

    public MigrationRequest {
        Objects.requireNonNull(oldPath, "oldPath");
        Objects.requireNonNull(newPath, "newPath");
        Objects.requireNonNull(modelsRoot, "modelsRoot");
        Objects.requireNonNull(legacyZone, "legacyZone");
    }

    public Path databasePath() {
        return newPath.resolve(DATABASE_FILE);
    }
}
