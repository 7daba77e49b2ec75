package dev.modelregistry.persistence;

import dev.modelregistry.persistence.SchemaStatus.ChangeSetState;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a SQLite registry file stands, read without writing anything
 * ({@link RegistryDatabase#status(Path)}): its {@link SchemaStatus} (the one comparison of the
 * file's Liquibase history with the packaged changelog) plus what adopting a file written by the
 * Python ModelRegistrySQLite involves. Changesets are named {@code file::id::author}.
 *
 * @param database       the database file
 * @param exists         whether the file exists (when not, nothing is applied and everything pending)
 * @param pythonCreated  registry tables without a Liquibase history: written by the Python
 *                       ModelRegistrySQLite; the upgrade will adopt it
 * @param shapeProblems  for a Python-created file, every difference from the release-1.0 shape
 *                       (non-empty: the upgrade will refuse the file)
 * @param schema         the changesets applied and pending (for a Python-created file the 1.0
 *                       ones are among the pending: see {@link #toMarkApplied()})
 * @param defects        for a Python-created file, what the upgrade will repair; null otherwise
 */
public record AdoptionStatus(Path database, boolean exists, boolean pythonCreated, List<String> shapeProblems,
                             SchemaStatus schema, LegacyDefects defects) {

    /** The release-1.0 changelog: its changesets are recorded, not run, when a Python file is adopted. */
    static final String FILE_10 = "model-registry/1.0.xml";

    public AdoptionStatus {
        shapeProblems = List.copyOf(shapeProblems);
    }

    /** Changesets recorded in DATABASECHANGELOG, in execution order. */
    public List<String> applied() {
        return schema.applied().stream().map(ChangeSetState::key).toList();
    }

    /**
     * For a Python-created file, the 1.0 changesets the upgrade records as applied without
     * running them (the tables exist); empty otherwise.
     */
    public List<String> toMarkApplied() {
        return schema.pending().stream().filter(this::markedApplied).map(ChangeSetState::key).toList();
    }

    /** Changesets the upgrade will run. */
    public List<String> pending() {
        return schema.pending().stream().filter(state -> !markedApplied(state)).map(ChangeSetState::key).toList();
    }

    /** Nothing to do: the file exists, has its Liquibase history and no pending changeset. */
    public boolean current() {
        return exists && !pythonCreated && schema.pending().isEmpty();
    }

    private boolean markedApplied(ChangeSetState state) {
        return pythonCreated && FILE_10.equals(state.file());
    }
}
