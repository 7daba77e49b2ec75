package dev.modelregistry.app.cli;

import dev.modelregistry.app.migration.MigrationListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress for logs (M8), when stderr is not a terminal: a run that lasts longer than
 * {@code interval} prints one plain line at most every {@code interval}
 * ({@code "migrate: import 1200/5000 (24%)"}), so a long run shows it is alive without flooding
 * the log; a short run prints nothing but its summary.
 */
final class LogProgress implements MigrationListener {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final String command;
    private final Clock clock;
    private final Duration interval;
    private String phase = "";
    private Instant due;

    LogProgress(PrintWriter err, String command, Clock clock, Duration interval) {
        this.err = err;
        this.command = command;
        this.clock = clock;
        this.interval = interval;
        this.due = clock.instant().plus(interval);
    }

    @Override
    public void phase(String name) {
        phase = name;
        if (isDue()) {
            line(command + ": " + name);
        }
    }

    @Override
    public void progress(long done, long total) {
        if (isDue()) {
            long percent = total == 0 ? 100 : done * 100 / total;
            line(String.format("%s: %s %d/%d (%d%%)", command, phase, done, total, percent));
        }
    }

    private boolean isDue() {
        return !clock.instant().isBefore(due);
    }

    private void line(String text) {
        due = clock.instant().plus(interval);
        err.println(text);
        err.flush();
    }
}
