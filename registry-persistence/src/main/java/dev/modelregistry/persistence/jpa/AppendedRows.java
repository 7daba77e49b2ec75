package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionKey;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The write of a loaded model whose only changes since it was loaded are appended versions and
 * history entries and its own row (what {@link Model#register} does: the aggregate has decided
 * the version, its score, whether it wins, the history entry and the model row's new state), as
 * rows: the additions are taken out of the model's collections into the transaction's
 * {@link PendingRows}, which insert the new versions (with their lineage rows) and history
 * entries and update the {@code models} row with its optimistic version check (a concurrent
 * change of the model fails the update as a flush would), together with the other calls' rows of
 * the same group commit; the model stays in the session, which records the written state as its
 * snapshot, so the unit of work's flush finds nothing of it to write. Same statements and the
 * same all-or-nothing as the session's flush, without its dirty checking, cascades, action queue
 * and events.
 *
 * <p>Invariant: the rows are taken only when the session holds both of the model's collections
 * uninitialized (their queued changes are additions only): then nothing of the model can have
 * changed but what those additions and its own row hold. A model whose versions or history were
 * read in this unit of work (a promotion or a deletion reads them) is left to the flush.
 */
final class AppendedRows {

    private static final String VERSIONS = Model.class.getName() + ".versions";
    private static final String HISTORY = Model.class.getName() + ".history";

    /** What {@link #take} took: the new versions' ids and whether any history entry was among the rows. */
    record Taken(List<String> versionIds, boolean history) {
    }

    private AppendedRows() {
    }

    /**
     * Moves the model's appended rows, and its own row, into {@code pending}; null (nothing
     * done) when the model has other changes the session's flush must write.
     */
    static Taken take(Session session, Model model, PendingRows pending) {
        SessionImplementor implementor = session.unwrap(SessionImplementor.class);
        AbstractPersistentCollection<?> versions = appendedOnly(implementor, VERSIONS, model);
        AbstractPersistentCollection<?> history = appendedOnly(implementor, HISTORY, model);
        if (versions == null || history == null) {
            return null;
        }
        List<ModelVersion> newVersions = queued(versions, ModelVersion.class);
        List<ActivationChange> newHistory = queued(history, ActivationChange.class);
        // the additions are written by the pending rows, not by the flush
        versions.clearOperationQueue();
        history.clearOperationQueue();
        pending.add(model, newVersions, newHistory);
        return new Taken(newVersions.stream().map(version -> version.id().value()).toList(), !newHistory.isEmpty());
    }

    /**
     * The model's collection of this role when it is uninitialized; else null. An uninitialized
     * bag queues additions only: removing from it or reading it loads it first (and
     * {@link Model} never clears its collections).
     */
    private static AbstractPersistentCollection<?> appendedOnly(SessionImplementor session, String role, Model model) {
        PersistentCollection<?> collection = session.getPersistenceContextInternal().getCollection(new CollectionKey(
                session.getFactory().getMappingMetamodel().getCollectionDescriptor(role), model.id().value()));
        if (!(collection instanceof AbstractPersistentCollection<?> queueing) || queueing.wasInitialized()) {
            return null;
        }
        return queueing;
    }

    private static <T> List<T> queued(PersistentCollection<?> collection, Class<T> type) {
        List<T> added = new ArrayList<>();
        for (Iterator<?> additions = collection.queuedAdditionIterator(); additions.hasNext(); ) {
            added.add(type.cast(additions.next()));
        }
        return added;
    }
}
