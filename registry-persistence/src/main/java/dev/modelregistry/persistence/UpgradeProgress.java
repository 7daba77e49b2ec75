package dev.modelregistry.persistence;

/**
 * Told before each step of a schema upgrade or of the adoption of a Python-written database
 * ({@link RegistryDatabase#upgrade(java.nio.file.Path, java.time.ZoneId, UpgradeProgress)}), so
 * a long run can show it is alive: {@code done} steps of {@code total} are finished.
 */
@FunctionalInterface
public interface UpgradeProgress {

    UpgradeProgress NONE = (step, done, total) -> { };

    void step(String step, int done, int total);
}
