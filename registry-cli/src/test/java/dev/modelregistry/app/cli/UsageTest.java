package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "migrate", "stats", "models", "versions", "show", "promote", "delete", "cleanup", "history",
            "db", "db status", "db upgrade", "help", "completion"})
    void every_command_has_help(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
        CliRun run = registry(args);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Usage: registry" + (command.isEmpty() ? "" : " " + command));
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "migrate", "models", "versions", "cleanup", "history", "db", "db status", "completion"})
    void help_before_a_command_prints_what_help_after_it_prints(String command) {
        String[] help = ("help " + command).strip().split(" ");
        String[] dashDash = (command.isEmpty() ? "--help" : command + " --help").split(" ");

        CliRun viaHelp = registry(help);

        assertThat(viaHelp.exitCode()).as(viaHelp.toString()).isZero();
        assertThat(viaHelp.err()).isEmpty();
        assertThat(viaHelp.out()).isEqualTo(registry(dashDash).out());
    }

    @Test
    void help_for_an_unknown_command_is_a_usage_error() {
        CliRun run = registry("help", "frobnicate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("frobnicate").hasLineCount(1);
    }

    @Test
    void completion_prints_a_bash_script_that_completes_every_command_and_option() {
        CliRun run = registry("completion");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_registry")
                .contains("registry").contains("cleanup").contains("--keep").contains("--dry-run")
                .contains("--delete-artifacts").contains("versions").contains("--limit").contains("completion");
        assertThat(registry("completion", "--help").out()).contains("source <(registry completion)");
    }

    @Test
    void version_is_printed() {
        CliRun run = registry("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("registry ");
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        CliRun run = registry("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: unknown command 'frobnicate' (see 'registry --help')" + System.lineSeparator());
    }

    @Test
    void missing_required_options_are_usage_errors() {
        assertThat(registry("versions", "--type", "transformer").exitCode()).isEqualTo(2);
        assertThat(registry("history", "--type", "transformer").exitCode()).isEqualTo(2);
        assertThat(registry("show").exitCode()).isEqualTo(2);
        CliRun cleanup = registry("cleanup");
        assertThat(cleanup.exitCode()).isEqualTo(2);
        assertThat(cleanup.err()).isEqualTo("error: Missing required option: '--keep=N' (see 'registry cleanup --help')"
                + System.lineSeparator());
    }

    @Test
    void bad_values_are_usage_errors() {
        assertThat(registry("cleanup", "--keep", "many").exitCode()).isEqualTo(2);
        assertThat(registry("migrate", "--dry-run", "--legacy-timezone", "Mars/Olympus").err())
                .contains("'Mars/Olympus' is not a time zone");
        assertThat(registry("history", "--sensor", "S", "--type", "T", "--at", "yesterday").exitCode()).isEqualTo(2);
        assertThat(registry("stats", "--bogus").exitCode()).isEqualTo(2);
    }

    @Test
    void no_command_is_a_usage_error() {
        assertThat(registry().exitCode()).isEqualTo(2);
        assertThat(registry("db").exitCode()).isEqualTo(2);
    }

    @Test
    void errors_are_one_line_and_verbose_adds_the_stack_trace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        String missing = tmp.resolve("none").toString();
        CliRun quiet = registry("stats", "--registry", missing);
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.err()).startsWith("error: no registry database at ").hasLineCount(1);

        CliRun verbose = registry("--verbose", "stats", "--registry", missing);
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).startsWith("error: no registry database at ")
                .contains("RegistryNotFoundException").contains("\tat ");
        CliRun verboseAfter = registry("stats", "--registry", missing, "--verbose");
        assertThat(verboseAfter.err()).contains("\tat ");
    }
}
