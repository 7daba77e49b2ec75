package dev.modelregistry.persistence;

import java.time.Instant;
import java.util.List;

/**
 * Where a database stands against the packaged Liquibase changelog, read without writing
 * anything: the changesets recorded in {@code DATABASECHANGELOG} and those still to run.
 *
 * @param location          the database (JDBC URL without credentials, or the SQLite file)
 * @param historyPresent    whether the database has a {@code DATABASECHANGELOG} table at all
 * @param registryTables    whether the registry's own tables ({@code models}, {@code versions}) exist
 * @param applied           changesets recorded as run, in execution order
 * @param pending           changesets of the packaged changelog (for this database type) not yet run
 * @param lock              Liquibase's {@code DATABASECHANGELOGLOCK} row when it is held; null when free or absent
 */
public record SchemaStatus(String location, boolean historyPresent, boolean registryTables, List<ChangeSetState> applied,
                           List<ChangeSetState> pending, ChangelogLock lock) {

    public SchemaStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** The schema is current: Liquibase history present and nothing pending. */
    public boolean current() {
        return historyPresent && pending.isEmpty();
    }

    /**
     * One changeset.
     *
     * @param file       its logical changelog file (as recorded by Liquibase)
     * @param id         its id
     * @param author     its author
     * @param executedAt when it ran (null when pending, or when the database did not record it readably)
     */
    public record ChangeSetState(String file, String id, String author, Instant executedAt) {

        /** {@code file::id::author}, the identity Liquibase gives a changeset. */
        public String key() {
            return file + "::" + id + "::" + author;
        }
    }

    /**
     * A held {@code DATABASECHANGELOGLOCK} row: an update is running, or one was killed (the row
     * then stays held until released: opening a SQLite registry releases it under the folder's
     * OS lock; on a server run {@code liquibase releaseLocks}).
     *
     * @param lockedBy host and address of the process that took it, as Liquibase records it
     * @param granted  when it was taken, as recorded (free text on SQLite), or null
     */
    public record ChangelogLock(String lockedBy, String granted) {
    }
}
