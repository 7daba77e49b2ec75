package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.ConcurrentModelUpdateException;
import dev.modelregistry.domain.DuplicateVersionException;
import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.UnitOfWork;
import jakarta.persistence.LockModeType;
import dev.modelregistry.persistence.jpa.CommitQueue.Call;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;

/**
 * Hibernate sessions and transactions for {@link #execute}, with group commit: the calls of
 * this process's threads queue ({@link CommitQueue}), and the calls waiting when a transaction
 * starts, at most {@value #MAX_BATCH}, share it and its commit; each call returns once its own
 * change is committed. The session is bound to the thread that runs the batch (the repository
 * works on the thread's current session); a nested {@code execute} joins it. On a database
 * server a write unit of work locks the model rows it loads ({@link #modelLock}).
 *
 * <p>A call that fails by a rule of the domain fails alone: the transaction is rolled back and
 * the others of its batch run again without it (a work may run again, as the port says). When
 * a concurrent writer got in the way (optimistic lock, a concurrent insert of the same model, a
 * busy SQLite database, a PostgreSQL serialization failure or
 * deadlock) the whole batch runs again, at most {@value #MAX_ATTEMPTS} times with a small
 * jittered backoff. A batch that still clashes, or whose statement failed in the database, is
 * split: each of its calls runs again in a transaction of its own, under the same rules, and
 * then fails with {@link ConcurrentModelUpdateException} (or {@link RegistryUnavailableException}
 * when the database stayed busy), with {@link DuplicateVersionException} on a clash of version
 * ids, or with the database failure in words. So a failure reaches only the calls it belongs to.
 * A commit that fails otherwise (a full disk) fails every call of its transaction: nothing of
 * it was written.
 */
public final class JpaUnitOfWork implements UnitOfWork {

    static final int MAX_ATTEMPTS = 5;

    /** The most write calls one transaction takes (group commit). */
    static final int MAX_BATCH = 32;

    private final Supplier<SessionFactory> sessionFactories;
    private volatile Bound bound;
    private final ThreadLocal<Session> current = new ThreadLocal<>();
    private final ThreadLocal<WriteContext> contexts = new ThreadLocal<>();
    private final CommitQueue commits = new CommitQueue(MAX_BATCH, this::runBatch);
    private final LongAdder transactionsCommitted = new LongAdder();

    /** What the unit of work takes from its session factory, once it has one. */
    private record Bound(SessionFactory sessionFactory, boolean lockModelRows) {
    }

    private final Consumer<Set<ChangedModel>> committed;

    /**
     * @param sessionFactories the session factory, asked for on first use (a read-only registry
     *                         answers its reads without one and builds it only when needed)
     * @param committed        told, after each commit that changed active versions, which models
     *                         (the change feed); its failures are its own
     */
    public JpaUnitOfWork(Supplier<SessionFactory> sessionFactories, Consumer<Set<ChangedModel>> committed) {
        this.committed = committed;
        this.sessionFactories = sessionFactories;
    }

    private Bound bound() {
        Bound known = bound;
        return known != null ? known : bind();
    }

    /** Once per unit of work: what it takes from its session factory, and the pending rows' listener on it. */
    private synchronized Bound bind() {
        if (bound == null) {
            SessionFactory sessionFactory = sessionFactories.get();
            SessionFactoryImplementor implementor = sessionFactory.unwrap(SessionFactoryImplementor.class);
            PendingRowsFirst.register(implementor, this::writePendingRows);
            bound = new Bound(sessionFactory, !(implementor.getJdbcServices().getDialect() instanceof SQLiteDialect));
        }
        return bound;
    }

    @Override
    public <T> T execute(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        ensureOpen();
        return commits.submit(work);
    }

    /** The size of every batch of the group commit (calls run in one transaction, before any split after a failure). */
    @Override
    public void observeCommits(IntConsumer callsPerCommit) {
        commits.observeBatches(callsPerCommit);
    }

    /** The queue of this process's write calls (how they were batched: tests and measurements). */
    CommitQueue commits() {
        return commits;
    }

    /** Write transactions committed so far (a batch split after a failure commits several). */
    long transactionsCommitted() {
        return transactionsCommitted.sum();
    }

    /** Runs the calls of one batch together in one transaction; each alone when a statement of it failed. */
    private void runBatch(List<Call<?>> batch) {
        if (!runTogether(new ArrayList<>(batch))) {
            for (Call<?> call : batch) {
                if (!call.isDone()) {
                    runTogether(List.of(call)); // a single call is never split
                }
            }
        }
    }

    /**
     * Runs the calls in one transaction, again after a conflict or while the database is busy (at
     * most {@value #MAX_ATTEMPTS} times), and finishes each with its outcome. A call of several
     * that breaks a rule of the domain fails alone: the transaction is rolled back and the others
     * run again without it. False, with the calls still to run unfinished and nothing of them
     * written, when they must be split: a statement failed in the database, or they kept
     * clashing. A failed commit fails them all.
     */
    private boolean runTogether(List<Call<?>> calls) {
        RuntimeException lastConflict = null;
        PersistenceFailures.Kind lastKind = null;
        String lastModel = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            WriteContext context = new WriteContext();
            try {
                transaction(calls, context);
                calls.forEach(Call::finish);
                return true;
            } catch (BrokenRule broken) {
                finishAll(List.of(broken.call), broken.getCause());
                calls.remove(broken.call);
                attempt--; // the others run again at once: no clash to wait for
                continue;
            } catch (RuntimeException thrown) {
                boolean inCommit = thrown instanceof FailedCommit;
                RuntimeException failure = inCommit ? (RuntimeException) thrown.getCause() : thrown;
                PersistenceFailures.Kind kind = PersistenceFailures.classify(failure);
                if (kind == PersistenceFailures.Kind.CONFLICT || kind == PersistenceFailures.Kind.BUSY) {
                    lastConflict = failure;
                    lastKind = kind;
                    lastModel = PersistenceFailures.modelIdOf(failure, context.handledModelIds());
                } else if (calls.size() > 1 && !inCommit) {
                    return false;
                } else {
                    finishAll(calls, kind == PersistenceFailures.Kind.DUPLICATE_VERSION
                            ? new DuplicateVersionException(duplicateVersionId(failure, context.insertedVersionIds()))
                            : asRegistryFailure(failure, kind, "; nothing was written"));
                    return true;
                }
            } catch (Error failure) {
                if (calls.size() > 1) {
                    return false;
                }
                finishAll(calls, failure);
                return true;
            }
            backoff(attempt);
        }
        if (calls.size() > 1) {
            return false;
        }
        finishAll(calls, lastKind == PersistenceFailures.Kind.BUSY
                ? new RegistryUnavailableException("the registry database stayed busy after " + MAX_ATTEMPTS
                        + " attempts: " + PersistenceFailures.rootMessage(lastConflict), lastConflict)
                : new ConcurrentModelUpdateException(lastModel == null ? "(unknown)" : lastModel, lastConflict));
        return true;
    }

    private static void finishAll(List<Call<?>> calls, Throwable failure) {
        for (Call<?> call : calls) {
            call.failWith(failure);
            call.finish();
        }
    }

    /** The commit itself failed (not a statement before it): its calls are not split. */
    private static final class FailedCommit extends RuntimeException {
        FailedCommit(RuntimeException cause) {
            super(cause);
        }
    }

    /** A call of a batch broke a rule of the domain (no database failure): it fails alone. */
    private static final class BrokenRule extends RuntimeException {
        private final transient Call<?> call;

        BrokenRule(Call<?> call, Throwable failure) {
            super(failure);
            this.call = call;
        }
    }

    /**
     * Runs the calls' works in one session and transaction and commits once: the feed's cursors
     * last before the commit, the {@code committed} callback after it (before any caller
     * returns). On any failure everything is rolled back; with several calls, one that breaks a
     * rule of the domain (no database failure, the transaction still sound) is named by
     * {@link BrokenRule}.
     */
    private void transaction(List<Call<?>> calls, WriteContext context) {
        Session session = bound().sessionFactory().openSession();
        current.set(session);
        contexts.set(context);
        Transaction transaction = null;
        Set<ChangedModel> changed = Set.of();
        try {
            transaction = session.beginTransaction();
            for (Call<?> call : calls) {
                try {
                    call.run();
                } catch (RuntimeException | Error failure) {
                    if (calls.size() > 1 && !transaction.getRollbackOnly() && breaksRule(failure)) {
                        throw new BrokenRule(call, failure);
                    }
                    throw failure;
                }
                if (transaction.getRollbackOnly()) {
                    throw failedInside(session);
                }
            }
            context.pendingRows().writeOn(session); // the registrations' rows, all calls' together
            session.flush();
            session.doWork(StaleStatistics::recount); // the models a large deletion marked, counted once
            session.doWork(connection -> BulkInserts.createDeferredIndexes(connection, context));
            // the change feed's cursors, last before the commit (PostgreSQL: with NOTIFY); a
            // transaction that wrote no history entry has none to number
            Set<ChangedModel> recorded = context.hasHistoryOutsideSession() || holdsHistory(session)
                    ? session.doReturningWork(connection -> ActivationCursors.assign(connection, bound().lockModelRows()))
                    : Set.of();
            try {
                transaction.commit();
            } catch (RuntimeException failure) {
                throw new FailedCommit(failure);
            }
            transactionsCommitted.increment();
            changed = recorded;
        } catch (RuntimeException | Error failure) {
            context.failedInserting(versionsInsertedBy(session));
            rollbackQuietly(transaction);
            throw failure;
        } finally {
            current.remove();
            contexts.remove();
            closeQuietly(session);
            if (!changed.isEmpty()) {
                committed.accept(changed);
            }
        }
    }

    /** The call's own failure, no database's: a rule of the domain, a programming error. */
    private static boolean breaksRule(Throwable failure) {
        return failure instanceof Error || PersistenceFailures.classify(failure) == PersistenceFailures.Kind.OTHER
                && !PersistenceFailures.isDatabaseFailure(failure);
    }

    /**
     * Read-only work on a session of its own without a transaction (autocommit reads): on SQLite
     * an IMMEDIATE transaction would take the write lock for a mere read. Nested in a unit of
     * work, it joins it.
     */
    @Override
    public <T> T read(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return read(session -> {
            current.set(session);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    /**
     * Flushes the current session's changes and detaches everything it loaded; the transaction
     * stays open. In {@link #read} (no transaction, nothing to write) it only detaches.
     */
    @Override
    public void checkpoint() {
        Session session = current.get();
        if (session != null) {
            if (session.getTransaction().isActive()) {
                session.flush();
            }
            clear(session);
        }
    }

    /**
     * How a write unit of work loads a model: on a database server, {@link LockModeType#PESSIMISTIC_WRITE}
     * ({@code SELECT ... FOR UPDATE} on the {@code models} row), so writers of one model wait
     * for each other instead of clashing on the optimistic version and failing after their
     * retries; the optimistic version stays as the safety net. On SQLite (one writer at a time
     * anyway, IMMEDIATE transactions) and in read-only work: no lock.
     */
    LockModeType modelLock(Session session) {
        return bound().lockModelRows() && session == current.get() && !session.isDefaultReadOnly()
                ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
    }

    /**
     * The context of the thread's write unit of work; empty outside one and in read-only work
     * ({@link #read(Supplier)}: what it would record is of no use without a transaction).
     */
    Optional<WriteContext> context() {
        return Optional.ofNullable(contexts.get());
    }

    /**
     * Writes the rows the registrations of the thread's write unit of work left pending
     * ({@link PendingRows}) when {@code session} is that unit of work's session; else nothing.
     */
    void writePendingRows(SharedSessionContractImplementor session) {
        WriteContext context = contexts.get();
        Session own = current.get();
        if (context != null && own != null && own == session) {
            context.pendingRows().writeOn(own);
        }
    }

    /** Detaches everything the session holds, first noting in the context whether history entries were among it. */
    private void clear(Session session) {
        WriteContext context = contexts.get();
        if (context != null && holdsHistory(session)) {
            context.wroteHistoryOutsideSession();
        }
        session.clear();
    }

    /**
     * Whether the session holds history entries: every change of an active version adds one (a
     * write unit of work rarely loads old ones; those only cost the cursors' query).
     */
    private static boolean holdsHistory(Session session) {
        for (Map.Entry<Object, EntityEntry> entry
                : session.unwrap(SessionImplementor.class).getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            if (entry.getKey() instanceof ActivationChange) {
                return true;
            }
        }
        return false;
    }

    /**
     * The versions this session inserted or was about to insert (Hibernate marks what a session
     * saves with {@link LockMode#WRITE}; loaded versions hold a read lock): the candidates when a
     * version id clashed and the database did not say which (SQLite).
     */
    private static List<String> versionsInsertedBy(Session session) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<Object, EntityEntry> entry
                : session.unwrap(SessionImplementor.class).getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            if (entry.getKey() instanceof ModelVersion version && entry.getValue().getLockMode() == LockMode.WRITE
                    && entry.getValue().getStatus() != Status.DELETED) {
                ids.add(version.id().value());
            }
        }
        return ids;
    }

    /** Runs {@code query} on the thread's current session, or on a short-lived one outside any transaction. */
    <T> T read(Function<Session, T> query) {
        Session session = current.get();
        if (session != null) {
            return query.apply(session);
        }
        ensureOpen();
        Session readOnly = null;
        try {
            readOnly = bound().sessionFactory().openSession();
            readOnly.setDefaultReadOnly(true);
            return query.apply(readOnly);
        } catch (RuntimeException failure) {
            throw asRegistryFailure(failure, PersistenceFailures.classify(failure), "");
        } finally {
            closeQuietly(readOnly);
        }
    }

    /**
     * The work swallowed a database failure (Hibernate marked the transaction rollback-only; its
     * commit would roll back and return as if all went well): the call fails instead.
     */
    private static RuntimeException failedInside(Session session) {
        SQLException ended = session.doReturningWork(TransactionGuard::endedOn);
        return new jakarta.persistence.PersistenceException("a statement of this unit of work failed", ended);
    }

    private void ensureOpen() {
        if (bound().sessionFactory().isClosed()) {
            throw new RegistryUnavailableException("the registry is closed", null);
        }
    }

    /**
     * A database failure as {@link RegistryUnavailableException} saying what happened in words
     * (never a Hibernate or JDBC exception); the domain's own exceptions, and programming errors
     * that are no database failure, as they are.
     */
    private static RuntimeException asRegistryFailure(RuntimeException failure, PersistenceFailures.Kind kind,
                                                      String consequence) {
        if (failure instanceof RegistryException) {
            return failure;
        }
        if (kind == PersistenceFailures.Kind.OTHER && !PersistenceFailures.isDatabaseFailure(failure)) {
            return failure;
        }
        String what = kind == PersistenceFailures.Kind.BUSY ? "busy: " : "unavailable: ";
        return new RegistryUnavailableException("the registry database is " + what
                + PersistenceFailures.inWords(failure) + consequence, failure);
    }

    private static void closeQuietly(Session session) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (RuntimeException ignored) {
            // committed or rolled back already; the guard evicts a connection in doubt
        }
    }

    /** Runs {@code change} in the thread's current unit of work, or in one of its own. */
    <T> T write(Function<Session, T> change) {
        return execute(() -> change.apply(current.get()));
    }

    private String duplicateVersionId(RuntimeException failure, List<String> candidates) {
        String fromMessage = PersistenceFailures.duplicateKeyValue(failure);
        if (fromMessage != null) {
            return fromMessage;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        try (Session session = bound().sessionFactory().openSession()) {
            return session.createNativeQuery("select version_id from versions where version_id in (:ids)", String.class)
                    .setParameter("ids", candidates).setMaxResults(1).getResultStream().findFirst()
                    .orElse(candidates.isEmpty() ? "(unknown)" : candidates.get(0));
        }
    }

    private static void rollbackQuietly(Transaction transaction) {
        try {
            if (transaction != null && transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException ignored) {
            // the original failure matters more
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
