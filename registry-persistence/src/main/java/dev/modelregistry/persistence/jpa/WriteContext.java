package dev.modelregistry.persistence.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one write unit of work of {@link JpaUnitOfWork} (one transaction) knows besides its
 * session, for {@link JpaModelRepository}: which models it handled (named when a concurrent
 * writer got in the way) and which model ids a query found absent (a bulk import saves those
 * with {@code persist}, without asking the database again), whether it wrote history entries
 * the session no longer holds (flushed before a checkpoint emptied the session, or inserted as
 * rows by a bulk insert or a registration's {@link AppendedRows}: the change feed numbers them at
 * the commit all the same), the registrations' rows still pending ({@link PendingRows}), the indexes a bulk insert
 * dropped until the commit, and, after a failure, which versions the transaction was inserting (the candidates for a
 * clash of version ids). One object per transaction attempt; nothing
 * outlives the transaction.
 */
final class WriteContext {

    private final Set<String> handledModelIds = new LinkedHashSet<>();
    private final Set<String> modelIdsFoundAbsent = new HashSet<>();
    private boolean wroteHistoryOutsideSession;
    private final List<String> versionsOutsideSession = new ArrayList<>();
    private List<String> insertedVersionIds = List.of();
    private final PendingRows pendingRows = new PendingRows();
    private final List<String> deferredIndexes = new ArrayList<>();

    /** The rows of this transaction's registrations not yet written (see {@link PendingRows}). */
    PendingRows pendingRows() {
        return pendingRows;
    }

    /** The repository loaded or saved this model in this transaction. */
    void handled(String modelId) {
        handledModelIds.add(modelId);
    }

    /** The models loaded or saved in this transaction, in that order. */
    Set<String> handledModelIds() {
        return handledModelIds;
    }

    /** A query of this transaction looked for these models and found none of them. */
    void foundAbsent(Collection<String> modelIds) {
        modelIdsFoundAbsent.addAll(modelIds);
    }

    /**
     * Whether a query of this transaction found this model absent and it was not saved since
     * (should another writer insert it meanwhile, the primary key refuses this transaction's
     * insert and the unit of work runs again, as for any concurrent insert of a model).
     */
    boolean knownAbsent(String modelId) {
        return modelIdsFoundAbsent.contains(modelId);
    }

    /** This transaction persisted the model: it is no longer absent. */
    void persisted(String modelId) {
        modelIdsFoundAbsent.remove(modelId);
        handledModelIds.add(modelId);
    }

    /**
     * History entries of this transaction are in the database but not in the session: a
     * checkpoint is about to empty a session that held some, or a bulk insert wrote them as rows.
     */
    void wroteHistoryOutsideSession() {
        wroteHistoryOutsideSession = true;
    }

    /** Whether this transaction wrote history entries that its session does not hold. */
    boolean hasHistoryOutsideSession() {
        return wroteHistoryOutsideSession;
    }

    /**
     * This transaction inserted these versions, and history entries if {@code history}, as rows
     * the session does not hold ({@link AppendedRows}).
     */
    void wroteOutsideSession(List<String> versionIds, boolean history) {
        versionsOutsideSession.addAll(versionIds);
        wroteHistoryOutsideSession |= history;
    }

    /**
     * The transaction failed; these are the versions its session was inserting (with those it
     * inserted as rows outside the session).
     */
    void failedInserting(List<String> versionIds) {
        List<String> all = new ArrayList<>(versionsOutsideSession);
        all.addAll(versionIds);
        insertedVersionIds = List.copyOf(all);
    }

    /** The versions the failed transaction was inserting (empty before a failure). */
    List<String> insertedVersionIds() {
        return insertedVersionIds;
    }

    /**
     * A bulk insert dropped these indexes for this transaction ({@link BulkInserts}): their
     * {@code CREATE INDEX} statements, run again before the commit.
     */
    void deferIndexes(List<String> createStatements) {
        deferredIndexes.addAll(createStatements);
    }

    /** The {@code CREATE INDEX} statements of the indexes this transaction dropped, in order; empty when none. */
    List<String> deferredIndexes() {
        return deferredIndexes;
    }
}
