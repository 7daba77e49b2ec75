package dev.modelregistry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Migration progress lines for logs (ProgressLines as a MigrationListener), driven by a hand-moved clock. */
class MigrationProgressLinesTest {


    private final HandClock clock = new HandClock(Instant.parse("2026-01-15T09:30:00Z"));
    private final StringWriter log = new StringWriter();
    private final ProgressLines progress = new ProgressLines(new PrintWriter(log, true), "migrate", "reading", clock, Duration.ofSeconds(2));

    @Test
    void aShortRunPrintsNothing() {
        progress.phase("import");
        for (int i = 1; i <= 100; i++) {
            progress.progress(i, 100);
        }
        assertThat(log.toString()).isEmpty();
    }

    @Test
    void aLongRunPrintsCountsAndPercentAtMostOncePerInterval() {
        progress.phase("import");
        for (int i = 1; i <= 5000; i++) {
            if (i % 1000 == 0) {
                clock.advance(Duration.ofMillis(1500));
            }
            progress.progress(i, 5000);
        }
        assertThat(log.toString().lines().toList())
                .containsExactly("migrate: import 2000/5000 (40%)", "migrate: import 4000/5000 (80%)");
    }
}
