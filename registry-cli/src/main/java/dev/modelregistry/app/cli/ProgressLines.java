package dev.modelregistry.app.cli;

import dev.modelregistry.app.CleanupProgress;
import dev.modelregistry.app.migration.MigrationListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress for logs, when stderr is not a terminal: a long run prints one plain line
 * ({@code "cleanup: models 120/1000 (12%), 340 versions removed"}) whenever {@code interval}
 * has passed since the start or the last line, and nothing else, so a short run stays silent
 * and a long one shows it is alive without flooding the log. The summary follows on stdout.
 */
final class ProgressLines implements MigrationListener, CleanupProgress {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final String command;
    private final Clock clock;
    private final Duration interval;
    private String phase;
    private Instant lastLine;

    ProgressLines(PrintWriter err, String command, String phase, Clock clock, Duration interval) {
        this.err = err;
        this.command = command;
        this.phase = phase;
        this.clock = clock;
        this.interval = interval;
        this.lastLine = clock.instant();
    }

    @Override
    public void phase(String name) {
        phase = name;
    }

    @Override
    public void progress(long done, long total) {
        line(done, total, "");
    }

    @Override
    public void advanced(long modelsDone, long modelsTotal, long versionsRemoved) {
        line(modelsDone, modelsTotal, ", " + versionsRemoved + (versionsRemoved == 1 ? " version" : " versions") + " removed");
    }

    private void line(long done, long total, String detail) {
        Instant now = clock.instant();
        if (now.isBefore(lastLine.plus(interval))) {
            return;
        }
        lastLine = now;
        long percent = total == 0 ? 100 : done * 100 / total;
        err.println(String.format("%s: %s %d/%d (%d%%)%s", command, phase, done, total, percent, detail));
        err.flush();
    }
}
