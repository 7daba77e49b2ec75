package dev.modelregistry.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI: exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    /** {@code args} run against the registry folder {@code dir} ({@code --registry dir} appended). */
    static CliRun registryAt(String dir, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--registry";
        all[args.length + 1] = dir;
        return registry(all);
    }

    static CliRun registry(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = RegistryCli.run(o, e, args);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stderr without the progress lines a slow run prints for logs ({@code "migrate: import 3/12 (25%)"}). */
    String errWithoutProgress() {
        return err.lines().filter(line -> !line.matches("(migrate|cleanup|adoption): [a-z ]+( \\d+/\\d+ \\(\\d+%\\))?"))
                .map(line -> line + System.lineSeparator()).collect(java.util.stream.Collectors.joining());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
