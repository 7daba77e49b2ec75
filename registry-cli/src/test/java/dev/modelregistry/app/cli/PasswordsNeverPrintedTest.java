package dev.modelregistry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password never appears in anything the CLI or the library prints or logs (stdout, stderr,
 * {@code --verbose} stack traces, slf4j and java.util.logging output, {@code RegistryStats.location()}),
 * whichever way it was given: {@code ?password=}, {@code &password=}, {@code user:password@host},
 * {@code --password}; against the CI PostgreSQL and against a port where nothing listens.
 */
class PasswordsNeverPrintedTest {

    private static final String SECRET = "Pw-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SERVER = System.getenv("REGISTRY_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("REGISTRY_TEST_POSTGRES_USER");
    /** Nothing listens on port 1: the connection is refused at once (no waiting for a timeout). */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/registry";

    @TempDir
    Path tmp;

    private String schema;

    @Test
    void noPasswordIsPrintedWhenTheServerCannotBeReached() {
        for (List<String> target : targets(UNREACHABLE, "connectTimeout=1")) {
            for (List<String> command : List.of(List.of("stats"), List.of("--verbose", "stats", "--json"),
                    List.of("--verbose", "db", "status"), List.of("db", "upgrade"), List.of("promote", "7f282096"))) {
                Captured run = run(command, target);
                assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
                assertThat(run.err()).as(run.toString()).contains("jdbc:postgresql://127.0.0.1:1/registry: ")
                        .doesNotContain("connectTimeout");
                assertThat(run.all()).as(run.toString()).doesNotContain(SECRET);
            }
            Captured dryRun = run(List.of("--verbose", "migrate", "--dry-run", "--old-path", legacy().toString()), target);
            assertThat(dryRun.all()).as(dryRun.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void noPasswordIsPrintedByAnyCommandOnAReachableServer() throws SQLException {
        assumeTrue(SERVER != null && !SERVER.isBlank(), "REGISTRY_TEST_POSTGRES_URL is not set");
        schema = "registry_secret_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("create schema " + schema);
        List<List<String>> targets = targets(SERVER, "currentSchema=" + schema);

        List<List<String>> everyCommand = List.of(List.of("db", "upgrade"), List.of("--verbose", "db", "status"),
                List.of("--verbose", "migrate", "--old-path", legacy().toString(), "--legacy-timezone", "UTC"),
                List.of("migrate", "--dry-run", "--old-path", legacy().toString()), List.of("stats"),
                List.of("stats", "--json"), List.of("models"), List.of("versions", "--sensor", "SMAP-PWR-001",
                        "--type", "transformer"), List.of("show", "7f282096"), List.of("history", "--sensor",
                        "SMAP-PWR-001", "--type", "transformer"), List.of("promote", "7f282096"),
                List.of("--verbose", "show", "nosuchversion"));
        for (List<String> command : everyCommand) {
            Captured run = run(command, targets.get(0));
            assertThat(run.all()).as(run.toString()).doesNotContain(SECRET);
        }
        for (List<String> target : targets) {
            for (List<String> command : List.of(List.of("--verbose", "stats", "--json"), List.of("db", "status"))) {
                Captured run = run(command, target);
                assertThat(run.exitCode).as(run.toString()).isZero();
                assertThat(run.all()).as(run.toString()).doesNotContain(SECRET).contains(schema);
            }
        }
        String userInfo = SERVER.replace("://", "://" + USER + ":" + SECRET + "@")
                + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (ModelRegistry registry = ModelRegistryJdbc.openReadOnly(userInfo, null, null)) {
            assertThat(registry.getRegistryStats().location()).doesNotContain(SECRET).contains(schema);
        }
    }

    /** The four ways of giving the password, for one server URL and one extra parameter. */
    private static List<List<String>> targets(String server, String parameter) {
        String separator = server.contains("?") ? "&" : "?";
        List<String> user = USER == null ? List.of() : List.of("--user", USER);
        List<List<String>> targets = new ArrayList<>();
        targets.add(concat(List.of("--jdbc-url", server + separator + parameter + "&password=" + SECRET), user));
        targets.add(concat(List.of("--jdbc-url", server + separator + "password=" + SECRET + "&" + parameter), user));
        targets.add(List.of("--jdbc-url", server.replace("://", "://" + (USER == null ? "registry" : USER) + ":"
                + SECRET + "@") + separator + parameter));
        targets.add(concat(List.of("--jdbc-url", server + separator + parameter, "--password", SECRET), user));
        return targets;
    }

    private Path legacy() {
        Path copy = tmp.resolve("iot/data/models/registry");
        return copy.toFile().exists() ? copy : LegacyFixtures.copyOfRealRegistry(tmp);
    }

    /** One in-process run, capturing stdout, stderr, System.out/err (slf4j) and java.util.logging. */
    private static Captured run(List<String> command, List<String> target) {
        String[] args = Stream.concat(command.stream(), target.stream()).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream system = new ByteArrayOutputStream();
        StringBuilder logged = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.append(new SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
             PrintStream s = new PrintStream(system, true, StandardCharsets.UTF_8)) {
            System.setOut(s);
            System.setErr(s);
            code = RegistryCli.run(o, e, args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            root.removeHandler(capture);
        }
        return new Captured(String.join(" ", args), code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), system.toString(StandardCharsets.UTF_8), logged.toString());
    }

    private record Captured(String args, int exitCode, String out, String err, String system, String log) {

        String all() {
            return out + err + system + log;
        }

        @Override
        public String toString() {
            return "registry " + args + "\nexit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err
                    + "--- System.out/err\n" + system + "--- java.util.logging\n" + log;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            execute("drop schema if exists " + schema + " cascade");
        }
    }
}
