package dev.modelregistry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private final HandClock clock = new HandClock(Instant.parse("2025-10-01T08:00:00Z"));
    private final StringWriter text = new StringWriter();
    private final ProgressLines lines =
            new ProgressLines(new PrintWriter(text), "cleanup", "models", clock, Duration.ofSeconds(2));

    @Test
    void a_run_shorter_than_the_interval_prints_nothing() {
        for (int done = 1; done <= 1000; done++) {
            lines.advanced(done, 1000, done * 2L);
        }

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void a_long_run_prints_one_plain_line_with_counts_and_percent_each_time_the_interval_has_passed() {
        for (int done = 1; done <= 10; done++) {
            clock.advance(Duration.ofMillis(900));
            lines.advanced(done, 10, done);
        }

        assertThat(text.toString().lines()).containsExactly(
                "cleanup: models 3/10 (30%), 3 versions removed",
                "cleanup: models 6/10 (60%), 6 versions removed",
                "cleanup: models 9/10 (90%), 9 versions removed");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void as_a_migration_listener_it_names_the_current_phase() {
        lines.phase("import");
        clock.advance(Duration.ofSeconds(5));
        lines.progress(1, 4);
        lines.progress(2, 4);

        assertThat(text.toString().lines()).containsExactly("cleanup: import 1/4 (25%)");
    }
}
