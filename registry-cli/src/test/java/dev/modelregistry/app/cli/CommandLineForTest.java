package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line is built with only the command it names, and behaves as with all of them. */
class CommandLineForTest {

    private static final String[] ALL = {"migrate", "stats", "models", "versions", "show", "promote", "hold", "release", "alias", "tag", "describe", "delete",
            "archive", "cleanup",
            "history", "search", "db", "export", "import", "backups", "help", "completion"};

    @Test
    void aCommandLineThatNamesACommandBuildsOnlyThatCommand() {
        assertThat(RegistryCli.commandLineFor("stats", "--json").getSubcommands()).containsOnlyKeys("stats");
        assertThat(RegistryCli.commandLineFor("--verbose", "db", "status").getSubcommands()).containsOnlyKeys("db");
        assertThat(RegistryCli.commandLineFor("db").getSubcommands().get("db").getSubcommands())
                .containsOnlyKeys("status", "upgrade");
    }

    @Test
    void noCommandAnUnknownOneHelpAndCompletionBuildEveryCommandInHelpOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"frobnicate"}, {"help", "stats"}, {"completion"}}) {
            CommandLine commandLine = RegistryCli.commandLineFor(args);
            assertThat(commandLine.getSubcommands().keySet()).as(String.join(" ", args)).containsExactly(ALL);
        }
    }

    @Test
    void anUnknownCommandIsStillAUsageErrorThatNamesIt() {
        CliRun run = registry("frobnicate");

        assertThat(run.exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(run.err()).isEqualTo("error: unknown command 'frobnicate' (see 'registry --help')\n");
    }

    @Test
    void theHelpListsEveryCommand() {
        CliRun run = registry("--help");

        assertThat(run.exitCode()).isZero();
        for (String command : ALL) {
            assertThat(run.out()).contains("  " + command + " ");
        }
    }
}
