package dev.modelregistry.persistence;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a SQLite registry file stands, read without writing anything
 * ({@link RegistryDatabase#status(Path)}). Changesets are named {@code file::id::author}.
 *
 * @param database       the database file
 * @param exists         whether the file exists (when not, everything else is empty)
 * @param pythonCreated  registry tables without a Liquibase history: written by the Python
 *                       ModelRegistrySQLite; the upgrade will adopt it
 * @param shapeProblems  for a Python-created file, every difference from the release-1.0 shape
 *                       (non-empty: the upgrade will refuse the file)
 * @param applied        changesets recorded in DATABASECHANGELOG, in execution order
 * @param toMarkApplied  for a Python-created file, the 1.0 changesets the upgrade records as
 *                       applied without running them (the tables exist)
 * @param pending        changesets the upgrade will run
 * @param defects        for a Python-created file, what the upgrade will repair; null otherwise
 */
public record AdoptionStatus(Path database, boolean exists, boolean pythonCreated, List<String> shapeProblems,
                             List<String> applied, List<String> toMarkApplied, List<String> pending,
                             LegacyDefects defects) {

    public AdoptionStatus {
        shapeProblems = List.copyOf(shapeProblems);
        applied = List.copyOf(applied);
        toMarkApplied = List.copyOf(toMarkApplied);
        pending = List.copyOf(pending);
    }

    /** Nothing to do: the file exists, has its Liquibase history and no pending changeset. */
    public boolean current() {
        return exists && !pythonCreated && pending.isEmpty();
    }
}
