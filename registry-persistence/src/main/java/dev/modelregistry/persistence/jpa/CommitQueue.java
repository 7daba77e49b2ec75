package dev.modelregistry.persistence.jpa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Group commit: the write calls of this process's threads wait here, and one of them at a time
 * (the leader: the first caller that finds no batch running) takes the calls waiting, in the
 * order they arrived and at most {@link #bound} of them, and hands them to the batch runner
 * (one transaction, one commit for all). When the runner is done every call of the batch has its
 * outcome; the leader wakes the waiting callers, each returns its own result or throws its own
 * failure, and the next caller still waiting becomes the leader. So one caller's change is
 * durable before its call returns, and the callers that arrived while a commit was under way
 * share the next one.
 */
final class CommitQueue {

    private final int bound;
    private final Consumer<List<Call<?>>> runner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchDone = lock.newCondition();
    private final ArrayDeque<Call<?>> waiting = new ArrayDeque<>();
    private boolean leading;
    private final LongAdder batches = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAccumulator largest = new LongAccumulator(Math::max, 0);
    private volatile IntConsumer batchSizes = size -> { };

    /**
     * @param bound  the most calls one batch takes
     * @param runner runs a batch and {@link Call#finish}es each of its calls with its outcome
     */
    CommitQueue(int bound, Consumer<List<Call<?>>> runner) {
        this.bound = bound;
        this.runner = runner;
    }

    /** Runs {@code work} in the next batch; returns once that batch committed (or the work failed). */
    <T> T submit(Supplier<T> work) {
        Call<T> call = new Call<>(work);
        lock.lock();
        try {
            waiting.add(call);
            while (!call.isDone()) {
                if (leading) {
                    batchDone.awaitUninterruptibly(); // the change must be durable before we return
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
        return call.outcome();
    }

    /** Called holding the lock: runs the waiting calls (up to the bound) as one batch without it. */
    private void lead() {
        List<Call<?>> batch = new ArrayList<>(Math.min(bound, waiting.size()));
        while (batch.size() < bound && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        leading = true;
        lock.unlock();
        try {
            runner.accept(batch);
        } catch (RuntimeException | Error failure) {
            for (Call<?> call : batch) {
                if (!call.isDone()) {
                    call.failWith(failure);
                    call.finish();
                }
            }
        } finally {
            batches.increment();
            calls.add(batch.size());
            largest.accumulate(batch.size());
            try {
                batchSizes.accept(batch.size());
            } finally {
                lock.lock();
                leading = false;
                batchDone.signalAll();
            }
        }
    }

    /**
     * Tells {@code sizes} the number of calls of every batch run from now on (replacing an earlier
     * observer), on the leader's thread before the batch's callers wake; it must not throw.
     */
    void observeBatches(IntConsumer sizes) {
        this.batchSizes = sizes;
    }

    /** Batches run so far. */
    long batches() {
        return batches.sum();
    }

    /** Calls run so far (in {@link #batches()} batches). */
    long calls() {
        return calls.sum();
    }

    /** The most calls one batch took so far. */
    long largestBatch() {
        return largest.get();
    }

    /**
     * One caller's work and its outcome. The runner runs the work ({@link #run}, again when the
     * batch runs again), records a failure ({@link #failWith}) and finally {@link #finish}es the
     * call: only then does the caller see the outcome.
     */
    static final class Call<T> {

        private final Supplier<T> work;
        private volatile boolean done;
        private T result;
        private Throwable failure;

        Call(Supplier<T> work) {
            this.work = work;
        }

        /** Runs the work, keeping its result (forgetting an earlier run's outcome); its failure is thrown. */
        void run() {
            failure = null;
            result = work.get();
        }

        void failWith(Throwable failure) {
            this.result = null;
            this.failure = failure;
        }

        /** Whether the last run failed (the failure recorded). */
        boolean hasFailed() {
            return failure != null;
        }

        /** The outcome is final: the caller may return it. */
        void finish() {
            done = true;
        }

        boolean isDone() {
            return done;
        }

        private T outcome() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }
}
