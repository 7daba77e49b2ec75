package dev.modelregistry.persistence.feed;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.jpa.ChangedModel;
import dev.modelregistry.persistence.query.ReadConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed over the activation history: every {@code activation_history} row carries a
 * global cursor handed out in the writing transaction (from the one-row counter
 * {@code activation_feed}), so cursors grow in commit order and survive restarts; a reader that
 * has seen cursor {@code c} never later finds a committed change below {@code c}. Cursors are
 * increasing, not consecutive (deleting a model deletes its history).
 *
 * <p>{@link #changesSince} reads on the read side's pooled connections. {@link #subscribe}
 * delivers changes as they commit, on one daemon thread ({@value #THREAD_NAME}) started with the
 * first subscription: this process's commits wake it at once ({@link #committed}); other
 * processes' commits are found within {@link #pollInterval} (SQLite: {@code PRAGMA data_version}
 * on the thread's own connection; PostgreSQL: {@code LISTEN}/{@code NOTIFY}, and a read after
 * every wait, so a lost notification delays a change by one interval at most). Each subscriber
 * sees each change once, in cursor order; a subscriber that throws is logged and keeps its
 * place; when the thread's connection breaks it reconnects and resumes from the last cursor it
 * delivered. {@link #close()} stops the thread.
 */
public final class ActivationFeed implements AutoCloseable {

    /** The most changes one read returns. */
    public static final int MAX_LIMIT = 1000;
    static final String THREAD_NAME = "registry-activation-feed";

    private static final Logger LOG = LoggerFactory.getLogger(ActivationFeed.class);

    /** Opens the feed thread's dedicated connection (never one of the pool). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ReadConnections reads;
    private final ConnectionSource watchConnections;
    private final Duration pollInterval;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<ChangedModel>>> commitListeners = new CopyOnWriteArrayList<>();
    private final Wakeup wakeup = new Wakeup();
    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean closed;
    private volatile boolean backlog;
    private volatile long freshAsOf;
    private volatile boolean fresh;

    private ActivationFeed(ReadConnections reads, ConnectionSource watchConnections, Duration pollInterval) {
        this.reads = reads;
        this.watchConnections = watchConnections;
        this.pollInterval = pollInterval;
    }

    /**
     * @param reads            the read side's connections ({@link #changesSince}, the start of a subscription)
     * @param watchConnections the feed thread's own connection
     * @param pollInterval     how long the thread waits between looks at the database
     */
    public static ActivationFeed over(ReadConnections reads, ConnectionSource watchConnections, Duration pollInterval) {
        return new ActivationFeed(reads, watchConnections, pollInterval);
    }

    /** How long a change committed by another process may take to reach a subscriber (one wait, one read). */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Up to {@code limit} (1..{@value #MAX_LIMIT}) changes with a cursor above {@code cursor}, in commit order. */
    public List<FeedChange> changesSince(long cursor, int limit) {
        return reads.read(connection -> FeedRows.changesSince(connection.prepare(FeedRows.CHANGES_SINCE),
                reads.dialect(), cursor, limit));
    }

    /** The newest committed cursor (0 when nothing was ever recorded). */
    public long lastCursor() {
        return reads.read(connection -> FeedRows.lastCursor(connection.prepare(FeedRows.LAST_CURSOR)));
    }

    /**
     * Delivers every change with a cursor above {@code afterCursor} (a negative value: above the
     * newest committed cursor now, i.e. only what commits from now on) to {@code listener}, on the
     * feed thread, until the returned handle is closed.
     */
    public AutoCloseable subscribe(long afterCursor, Consumer<FeedChange> listener) {
        if (closed) {
            throw new RegistryUnavailableException("the registry at " + reads.location() + " is closed", null);
        }
        Subscription subscription = new Subscription(afterCursor < 0 ? lastCursor() : afterCursor, listener);
        subscriptions.add(subscription);
        backlog = true;
        ensureThread();
        wakeup.signal();
        return () -> {
            subscription.closed = true;
            subscriptions.remove(subscription);
        };
    }

    /**
     * Calls {@code listener} on the committing thread after each commit of this process that
     * changed an active version, before the write call returns (the cache forgets those models).
     */
    public AutoCloseable onOwnCommit(Consumer<Set<ChangedModel>> listener) {
        commitListeners.add(listener);
        return () -> commitListeners.remove(listener);
    }

    /** The write side committed changes to these models: tells the commit listeners, wakes the feed thread. Never throws. */
    public void committed(Set<ChangedModel> changed) {
        for (Consumer<Set<ChangedModel>> listener : commitListeners) {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                LOG.warn("a commit listener of the activation feed failed", e);
            }
        }
        wakeup.signal();
    }

    /**
     * Whether the feed thread completed a look at the database that began after
     * {@code sinceNanos} ({@link System#nanoTime()}) and delivered what it found: every change
     * committed before that instant has reached the subscribers. False while the thread is not
     * running or its connection is broken.
     */
    public boolean caughtUpSince(long sinceNanos) {
        return fresh && freshAsOf - sinceNanos >= 0;
    }

    private void ensureThread() {
        synchronized (lifecycle) {
            if (thread == null && !closed) {
                thread = new Thread(this::run, THREAD_NAME);
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void run() {
        FeedWatch watch = null;
        long failures = 0;
        while (!closed) {
            try {
                if (watch == null) {
                    watch = FeedWatch.open(watchConnections.open(), reads.dialect());
                } else {
                    watch.await(pollInterval.toMillis(), wakeup);
                }
                long started = System.nanoTime();
                boolean wanted = backlog;
                backlog = false;
                if (watch.changed() || wanted) {
                    deliver(watch);
                }
                freshAsOf = started;
                fresh = true;
                if (failures > 0) {
                    LOG.info("the activation feed is connected again to {}", reads.location());
                    failures = 0;
                }
            } catch (SQLException | RuntimeException e) {
                fresh = false;
                if (watch != null) {
                    watch.close();
                    watch = null;
                }
                if (!closed && failures++ == 0) {
                    LOG.warn("the activation feed lost its connection to {}; retrying (changes are delivered once it"
                            + " is back): {}", reads.location(), e.getMessage());
                }
                wakeup.await(Math.min(5_000, pollInterval.toMillis() * Math.min(failures, 20)));
            }
        }
        fresh = false;
        if (watch != null) {
            watch.close();
        }
    }

    /** Reads from the lowest position among the subscriptions and hands each change to those that have not seen it. */
    private void deliver(FeedWatch watch) throws SQLException {
        while (!closed) {
            List<Subscription> current = List.copyOf(subscriptions);
            if (current.isEmpty()) {
                return;
            }
            long from = current.stream().mapToLong(s -> s.seen).min().orElseThrow();
            List<FeedChange> changes = watch.changesSince(from, MAX_LIMIT);
            for (FeedChange change : changes) {
                current.forEach(subscription -> subscription.offer(change));
            }
            if (changes.size() < MAX_LIMIT) {
                return;
            }
        }
    }

    /** Stops the feed thread (within one poll interval) and ends every subscription; reads fail after this. */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = thread;
        }
        subscriptions.forEach(s -> s.closed = true);
        subscriptions.clear();
        wakeup.signal();
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(pollInterval.toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One subscriber and the last cursor it was given; touched only by the feed thread after creation. */
    private static final class Subscription {

        private final Consumer<FeedChange> listener;
        private volatile long seen;
        private volatile boolean closed;

        Subscription(long seen, Consumer<FeedChange> listener) {
            this.seen = seen;
            this.listener = listener;
        }

        void offer(FeedChange change) {
            if (closed || change.cursor() <= seen) {
                return;
            }
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("a listener of the activation feed failed on change #{}", change.cursor(), e);
            }
            seen = change.cursor();
        }
    }
}
