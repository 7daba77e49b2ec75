package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.Model;
import java.util.function.Consumer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;

/**
 * Keeps {@link PendingRows}' invariant on every session of a session factory: before the session
 * flushes (explicitly or before a query), initializes a collection or loads an entity other than
 * a {@link Model} by id, the session's pending rows are written (the listener runs first, before
 * Hibernate's own). So whatever a later call of a group commit reads sees the rows of the calls
 * before it, as if each had written its rows at once.
 */
final class PendingRowsFirst implements FlushEventListener, AutoFlushEventListener, InitializeCollectionEventListener,
        LoadEventListener {

    private static final String MODEL = Model.class.getName();

    private final Consumer<SharedSessionContractImplementor> writePending;

    private PendingRowsFirst(Consumer<SharedSessionContractImplementor> writePending) {
        this.writePending = writePending;
    }

    /** Puts a listener that hands each event's session to {@code writePending} before Hibernate's own listeners. */
    static void register(SessionFactoryImplementor sessionFactory, Consumer<SharedSessionContractImplementor> writePending) {
        PendingRowsFirst first = new PendingRowsFirst(writePending);
        EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
        listeners.prependListeners(EventType.FLUSH, first);
        listeners.prependListeners(EventType.AUTO_FLUSH, first);
        listeners.prependListeners(EventType.INIT_COLLECTION, first);
        listeners.prependListeners(EventType.LOAD, first);
    }

    @Override
    public void onFlush(FlushEvent event) {
        writePending.accept(event.getSession());
    }

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
        writePending.accept(event.getSession());
    }

    @Override
    public void onInitializeCollection(InitializeCollectionEvent event) {
        writePending.accept(event.getSession());
    }

    /** A model is answered from the session when it is managed, and its row is not one the pending rows insert. */
    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        if (!MODEL.equals(event.getEntityClassName())) {
            writePending.accept(event.getSession());
        }
    }
}
