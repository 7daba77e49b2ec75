package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The rows of the registrations of one transaction that {@link AppendedRows} took from their
 * models, not yet written: new versions (with their lineage rows), new history entries, and the
 * models whose rows they changed. {@link #writeOn} writes them all at once, table by table
 * (every version, then every history entry, then each model's row once, with its optimistic
 * version check), in JDBC batches: one round trip per table for all the calls of a group commit
 * instead of one per row and call. Same rows and the same order per table as writing each call's
 * rows at once (a version's row before its model's row names it active: the database's triggers
 * see what they saw before), and the same all-or-nothing: they share the session's connection
 * and transaction.
 *
 * <p>Invariant: nothing reads the database in the transaction while rows are pending. The unit
 * of work writes them before its session flushes, runs a query, initializes a collection or
 * loads an entity other than a model (a model row holds nothing these rows change but what its
 * pending update writes: a managed model is answered from the session), and before its commit;
 * the repository writes them before reading versions through a session of its own.
 */
final class PendingRows {

    private final List<ModelVersion> versions = new ArrayList<>();
    private final List<ActivationChange> history = new ArrayList<>();
    private final Map<String, Model> models = new LinkedHashMap<>();
    private boolean writing;

    /** The model's new versions and history entries, and its row, to write with the others. */
    void add(Model model, List<ModelVersion> newVersions, List<ActivationChange> newHistory) {
        versions.addAll(newVersions);
        history.addAll(newHistory);
        models.putIfAbsent(model.id().value(), model);
    }

    boolean isEmpty() {
        return models.isEmpty();
    }

    /**
     * Writes the pending rows on the session's connection and transaction, runs their batches
     * (a failure surfaces here, before anything reads), and makes each model's written state the
     * session's snapshot of it: the flush finds it clean, and a later change of the still managed
     * model is written as any change. Nothing is pending afterwards, even when it failed (the
     * transaction is then rolled back).
     */
    void writeOn(Session session) {
        if (writing || isEmpty()) {
            return;
        }
        writing = true;
        List<ModelVersion> newVersions = List.copyOf(versions);
        List<ActivationChange> newHistory = List.copyOf(history);
        List<Model> changed = List.copyOf(models.values());
        versions.clear();
        history.clear();
        models.clear();
        try {
            SessionImplementor implementor = session.unwrap(SessionImplementor.class);
            try (StatelessSession rows = session.statelessWithOptions().connection().noInterceptor().open()) {
                if (!newVersions.isEmpty()) {
                    rows.insertMultiple(newVersions);
                }
                if (!newHistory.isEmpty()) {
                    rows.insertMultiple(newHistory);
                }
                rows.updateMultiple(changed); // checks and advances each optimistic version, in the model too
            }
            // the stateless session batches on the session's JDBC coordinator: run the batches now
            implementor.getJdbcCoordinator().executeBatch();
            for (Model model : changed) {
                EntityEntry entry = implementor.getPersistenceContextInternal().getEntry(model);
                entry.postUpdate(model, entry.getPersister().getValues(model), entry.getPersister().getVersion(model));
            }
        } finally {
            writing = false;
        }
    }
}
