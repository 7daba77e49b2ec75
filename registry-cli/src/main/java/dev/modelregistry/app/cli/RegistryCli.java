package dev.modelregistry.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code registry} command line: migrate the legacy JSON registry, inspect
 * and change the registry, upgrade its schema.
 *
 * <p>Exit codes: 0 success, 1 the operation failed (rule violated, not found, migration problem,
 * I/O), 2 usage error. Every failure is one {@code error: ...} line on stderr; {@code --verbose}
 * adds the stack trace and raises the log level from WARN to INFO.
 */
@Command(name = "registry", mixinStandardHelpOptions = true, versionProvider = RegistryCli.Version.class,
        description = "Model registry: migrate the legacy JSON registry, inspect it, promote, delete, clean up.",
        sortOptions = false)
public final class RegistryCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /**
     * The commands, in the order the help lists them. Only the one a command line names is
     * built ({@link #commandLineFor}): picocli reads every built command's annotations by
     * reflection, a noticeable part of a short command's start-up.
     */
    static final List<Class<?>> COMMANDS = List.of(MigrateCommand.class, StatsCommand.class, ModelsCommand.class,
            VersionsCommand.class, ShowCommand.class, PromoteCommand.class, HoldCommand.class, ReleaseCommand.class,
            AliasCommand.class, TagCommand.class,
            DescribeCommand.class, DeleteCommand.class, ArchiveCommand.class,
            CleanupCommand.class,
            HistoryCommand.class, SearchCommand.class, DbCommand.class, ExportCommand.class, ImportCommand.class,
            BackupsCommand.class, HelpCommand.class, CompletionCommand.class);

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log at INFO level and print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String... args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command line in-process; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CliLogging.configure(verbose);
        CommandLine commandLine = commandLineFor(args);
        java.util.Set<String> secrets = CliSecrets.of(args, System.getenv("REGISTRY_DB_PASSWORD"));
        commandLine.setOut(new PrintWriter(CliSecrets.redacting(
                new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), secrets), true));
        commandLine.setErr(new PrintWriter(CliSecrets.redacting(
                new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), secrets), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            PrintWriter writer = ex.getCommandLine().getErr();
            writer.println("error: " + usageMessage(ex) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            writer.flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, ignored) -> {
            PrintWriter writer = cmd.getErr();
            writer.println("error: " + message(ex));
            if (verbose) {
                ex.printStackTrace(writer);
            }
            writer.flush();
            return FAILED;
        });
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /**
     * The command line with the command {@code args} names (the first argument that is not an
     * option: the top level has no option that takes a value); with all commands when it names
     * none or an unknown one (for the error and its suggestions), or {@code help} or
     * {@code completion}, which need them all.
     */
    static CommandLine commandLineFor(String... args) {
        String first = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
        List<Class<?>> named = COMMANDS.stream().filter(command -> nameOf(command).equals(first)).toList();
        boolean all = named.isEmpty() || first.equals(nameOf(HelpCommand.class))
                || first.equals(nameOf(CompletionCommand.class));
        CommandLine commandLine = new CommandLine(new RegistryCli());
        for (Class<?> command : all ? COMMANDS : named) {
            commandLine.addSubcommand(command);
        }
        return commandLine;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** The sentence to show for a failure: the message of the exception, else of its first cause that has one. */
    static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return oneLine(t.getMessage());
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String usageMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            boolean command = !ex.getCommandLine().getSubcommands().isEmpty()
                    && ex.getCommandLine().getParseResult().originalArgs().size() > 0
                    && !unmatched.getUnmatched().get(0).startsWith("-");
            return (command ? "unknown command '" : "unknown argument '") + unmatched.getUnmatched().get(0) + "'";
        }
        return oneLine(ex.getMessage());
    }

    static String oneLine(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        return first.strip();
    }

    /** The version from the jar manifest (Implementation-Version), else "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RegistryCli.class.getPackage().getImplementationVersion();
            return new String[] {"registry " + (version == null ? "development" : version)};
        }
    }
}
