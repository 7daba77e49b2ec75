package dev.modelregistry.persistence;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RegistryDatabase#upgrade(Path, java.time.ZoneId)} did.
 *
 * @param database  the database file
 * @param adopted   the file was written by the Python registry and has been adopted
 * @param backup    the verified copy of the file taken before adopting it (null when not adopted)
 * @param before    the defects found before adopting (null when not adopted)
 * @param after     the defects left after adopting, all zero (null when not adopted)
 * @param applied   changesets recorded by this upgrade (marked applied or run), {@code file::id::author}
 */
public record UpgradeReport(Path database, boolean adopted, Path backup, LegacyDefects before, LegacyDefects after,
                            List<String> applied) {

    public UpgradeReport {
        applied = List.copyOf(applied);
    }
}
