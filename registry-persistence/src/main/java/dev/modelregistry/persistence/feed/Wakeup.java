package dev.modelregistry.persistence.feed;

/** Ends the feed thread's wait early: this process committed a change, or a subscription wants its backlog. */
final class Wakeup {

    private boolean pending;

    synchronized void signal() {
        pending = true;
        notifyAll();
    }

    /** Waits until signalled or {@code millis} passed; forgets the signal. */
    synchronized void await(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long left = millis;
        while (!pending && left > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = (deadline - System.nanoTime()) / 1_000_000L;
        }
        pending = false;
    }
}
