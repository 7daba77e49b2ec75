package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionKey;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The write of a loaded model whose only changes since it was loaded are appended versions and
 * history entries and its own row (what {@link Model#register} does: the aggregate has decided
 * the version, its score, whether it wins, the history entry and the model row's new state), as
 * rows: a {@link StatelessSession} on the unit of work's connection and transaction inserts the
 * new versions (with their lineage rows), then the new history entries, then updates the
 * {@code models} row with its optimistic version check (a concurrent change of the model fails
 * the update as a flush would); the model stays in the session, which records the written state
 * as its snapshot, so the unit of work's flush finds nothing of it to write. Same statements, same order and same all-or-nothing as the session's
 * flush, without its dirty checking, cascades, action queue and events.
 *
 * <p>Invariant: the rows are written only when the session holds both of the model's collections
 * uninitialized (their queued changes are additions only): then nothing of the model can have
 * changed but what those additions and its own row hold. A model whose versions or history were
 * read in this unit of work (a promotion or a deletion reads them) is left to the flush.
 */
final class AppendedRows {

    private static final String VERSIONS = Model.class.getName() + ".versions";
    private static final String HISTORY = Model.class.getName() + ".history";

    /** What {@link #write} inserted: the new versions' ids and whether any history entry was among the rows. */
    record Written(List<String> versionIds, boolean history) {
    }

    private AppendedRows() {
    }

    /**
     * Writes the model's appended rows and its own row; null (nothing done) when
     * the model has other changes the session's flush must write.
     */
    static Written write(Session session, Model model) {
        SessionImplementor implementor = session.unwrap(SessionImplementor.class);
        AbstractPersistentCollection<?> versions = appendedOnly(implementor, VERSIONS, model);
        AbstractPersistentCollection<?> history = appendedOnly(implementor, HISTORY, model);
        if (versions == null || history == null) {
            return null;
        }
        List<ModelVersion> newVersions = queued(versions, ModelVersion.class);
        List<ActivationChange> newHistory = queued(history, ActivationChange.class);
        EntityEntry entry = implementor.getPersistenceContextInternal().getEntry(model);
        // the additions are written here, not by the flush
        versions.clearOperationQueue();
        history.clearOperationQueue();
        try (StatelessSession rows = session.statelessWithOptions().connection().noInterceptor().open()) {
            newVersions.forEach(rows::insert);
            newHistory.forEach(rows::insert);
            rows.update(model); // checks and advances the optimistic version, in the model too
        }
        // the stateless session batches on the session's JDBC coordinator: run the rows now, so
        // the next read of this model sees them and a failure belongs to this call
        implementor.getJdbcCoordinator().executeBatch();
        // the session's snapshot of the model becomes what was written: the flush finds it clean,
        // and a later change of the still managed model is written as any change
        entry.postUpdate(model, entry.getPersister().getValues(model), entry.getPersister().getVersion(model));
        return new Written(newVersions.stream().map(version -> version.id().value()).toList(), !newHistory.isEmpty());
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
