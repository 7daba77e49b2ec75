package dev.modelregistry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void progress_rewrites_one_line_at_most_once_per_percent_and_is_erased_at_the_end() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));

        progress.phase("import");
        for (int done = 1; done <= 1000; done++) {
            progress.progress(done, 1000);
        }
        progress.clear();

        String written = text.toString();
        assertThat(written).doesNotContain("\n").startsWith("\rimport ...").contains("\rimport 500/1000 (50%)")
                .contains("\rimport 1000/1000 (100%)").endsWith("\r");
        assertThat(written.split("\r")).hasSizeLessThanOrEqualTo(105);
    }

    @Test
    void tests_do_not_run_on_a_terminal() {
        assertThat(ConsoleProgress.onTerminal()).isFalse();
    }
}
