package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while its threads' calls are being group-committed: every call that
 * returned is in the database, and nothing of a call that did not return is half-applied. Checked
 * on the tables with plain SQL: each version has its lineage row, each model's active version is
 * its best (registrations only) and is the one flagged {@code is_active}, the history is in step
 * ({@link RegistryInvariants}), and what a returned deletion removed stays removed. A deletion
 * called but not returned when the process died may or may not be in the database (the kill may
 * fall between its commit and its return), so the version it deletes is not required to remain.
 */
class GroupCommitCrashTest {

    private static final int THREADS = 8;
    private static final int MODELS = 6;
    private static final int KILLS = 3;

    @TempDir
    Path registryDir;

    @Test
    void aKilledProcessKeepsEveryReturnedCallAndNoHalfOfTheOthers() throws Exception {
        Set<String> registered = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        Set<String> deletionInFlight = new HashSet<>(); // called, not returned when killed: either outcome is right
        double callsPerBatch = 0;
        List<String> printed = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            List<String> lines = killedAfter(300 + 200 * kill);
            printed.add("-- killed");
            printed.addAll(lines);
            String deleting = null;
            for (String line : lines) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "registered" -> registered.add(words[1]);
                    case "deleting" -> deleting = words[1];
                    case "deleted", "kept" -> {
                        if (words[0].equals("deleted")) {
                            deleted.add(words[1]);
                        }
                        deleting = null;
                    }
                    case "batched" -> callsPerBatch = Math.max(callsPerBatch,
                            Double.parseDouble(words[1]) / Double.parseDouble(words[2]));
                    default -> { }
                }
            }
            if (deleting != null) {
                deletionInFlight.add(deleting);
            }
            assertConsistent(registered, deleted, deletionInFlight, printed);
        }
        assertThat(callsPerBatch).as("calls per commit in the killed process").isGreaterThan(1.5);
    }

    /** Runs the writer until it printed {@code calls} returned calls, kills it, and returns all it printed. */
    private List<String> killedAfter(int calls) throws Exception {
        Path errors = registryDir.resolveSibling(registryDir.getFileName() + "-child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                BatchingWriter.class.getName(), registryDir.toString(), String.valueOf(THREADS), String.valueOf(MODELS))
                .redirectError(errors.toFile())
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException ignored) {
                // the child died: what it printed is read
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines.size() < calls && child.isAlive()) {
            assertThat(System.nanoTime()).as("the writer printed " + calls + " calls in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(child.isAlive()).as("the writer still writing: " + Files.readString(errors)).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(30_000);
        assertThat(Files.readString(errors)).as("the writer's errors").doesNotContain("Exception");
        return new ArrayList<>(lines);
    }

    private void assertConsistent(Set<String> registered, Set<String> deleted, Set<String> deletionInFlight,
                                  List<String> printed) throws SQLException {
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement sql = connection.createStatement()) {
            Set<String> stored = new HashSet<>();
            try (ResultSet rows = sql.executeQuery("select version_id from versions")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            Set<String> returnedNotDeleted = new HashSet<>(registered);
            returnedNotDeleted.removeAll(deleted);
            returnedNotDeleted.removeAll(deletionInFlight);
            Set<String> missing = new HashSet<>(returnedNotDeleted);
            missing.removeAll(stored);
            assertThat(missing).as("returned registrations missing, with what the writers printed about them: %s",
                    linesNaming(missing, printed)).isEmpty();
            assertThat(stored).as("no returned deletion undone").doesNotContainAnyElementsOf(deleted);
            assertThat(count(sql, "select count(*) from versions v where not exists"
                    + " (select 1 from data_lineage l where l.version_id = v.version_id)"))
                    .as("versions without their lineage row").isZero();
            assertThat(count(sql, "select count(*) from data_lineage l where not exists"
                    + " (select 1 from versions v where v.version_id = l.version_id)"))
                    .as("lineage rows without their version").isZero();
            assertThat(count(sql, "select count(*) from models m join versions a on a.version_id = m.active_version"
                    + " where m.sensor_id <> '" + BatchingWriter.MIXED + "' and a.performance_score <"
                    + " (select max(b.performance_score) from versions b where b.model_id = m.model_id)"))
                    .as("registration-only models whose active version is not their best").isZero();
            assertThat(RegistryInvariants.check(connection).violations()).isEmpty();
            assertThat(count(sql, "select count(*) from models")).isEqualTo(MODELS + 1);
        }
    }

    /** The writers' lines that name one of {@code ids}, in the order printed (kills marked). */
    private static List<String> linesNaming(Set<String> ids, List<String> printed) {
        return printed.stream().filter(line -> line.startsWith("--")
                || ids.stream().anyMatch(line::contains)).toList();
    }

    private static int count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }
}
