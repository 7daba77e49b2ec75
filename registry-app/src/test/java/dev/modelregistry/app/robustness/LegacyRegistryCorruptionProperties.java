package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.modelregistry.app.migration.DatabaseMigrationTarget;
import dev.modelregistry.app.migration.InMemoryMigrationTarget;
import dev.modelregistry.app.migration.LegacyMigration;
import dev.modelregistry.app.migration.MigrationListener;
import dev.modelregistry.app.migration.MigrationOutcome;
import dev.modelregistry.app.migration.MigrationReport;
import dev.modelregistry.app.migration.MigrationRequest;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import dev.modelregistry.domain.model.InMemoryModelRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the legacy registry ("malformed legacy input"): a generated registry
 * with one corruption in its metadata or index files (truncation, a wrong type, huge numbers,
 * 10,000 levels of nesting, invalid UTF-8, a duplicate or missing key, a 1 MB string). Every case
 * ends in a successful migration or a refusal whose problems name the damaged file; never an
 * unexpected exception, a hang, a partial write, or a change to the legacy folder.
 */
class LegacyRegistryCorruptionProperties {

    private static final List<String> FILES = List.of("models_index.json", "versions_index.json", "metadata");
    private static final Set<MigrationOutcome> ACCEPTABLE =
            Set.of(MigrationOutcome.MIGRATED, MigrationOutcome.REFUSED, MigrationOutcome.NOTHING_TO_MIGRATE);
    private static final Set<MigrationOutcome> REFUSALS = Set.of(MigrationOutcome.REFUSED, MigrationOutcome.NOTHING_TO_MIGRATE);

    @TempDir
    static Path tmp;

    private static Path pristine;
    private static final AtomicInteger CASES = new AtomicInteger();

    @BeforeAll
    static void generateARegistry() throws IOException {
        pristine = tmp.resolve("pristine/registry");
        new LegacyRegistryGenerator(5).generate(pristine, 3, 2);
    }

    @Test
    void everyCorruptionEndsInAMigrationOrAProblemNamingTheFile() {
        qt().withExamples(250).withFixedSeed(20260115L)
                .forAll(integers().between(0, Corruption.values().length - 1), integers().between(0, FILES.size() - 1),
                        integers().between(0, 1_000_000))
                .checkAssert((kind, file, where) -> assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> migrateInMemory(Corruption.values()[kind], file, where)));
    }

    @Test
    void intoSqliteACorruptRegistryWritesNothingOrEverything() throws Exception {
        int where = 0;
        for (Corruption corruption : Corruption.values()) {
            where += 7919;
            int file = where % FILES.size();
            Path legacy = corruptCopy(corruption, file, where);
            Map<String, String> before = LegacyFixtures.hashTree(legacy);
            MigrationReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    new LegacyMigration(DatabaseMigrationTarget.sqlite(), Clock.systemUTC(), MigrationListener.SILENT)
                            .migrate(request(legacy)));
            checkReport(report, corruption);
            long stored = versionsIn(report.databasePath());
            assertThat(stored).as(corruption + ": versions in the database").isIn(0L, (long) report.versions());
            if (REFUSALS.contains(report.outcome())) {
                assertThat(stored).isZero();
            }
            assertThat(LegacyFixtures.hashTree(legacy)).isEqualTo(before);
        }
    }

    private void migrateInMemory(Corruption corruption, int file, int where) {
        Path legacy = corruptCopy(corruption, file, where);
        Map<String, String> before = LegacyFixtures.hashTree(legacy);
        InMemoryMigrationTarget target = new InMemoryMigrationTarget();
        InMemoryModelRepository repository = target.repository();
        MigrationReport report = new LegacyMigration(target.opener(), Clock.systemUTC(), MigrationListener.SILENT)
                .migrate(request(legacy));
        checkReport(report, corruption);
        int stored = repository.all().stream().mapToInt(m -> m.versions().size()).sum();
        if (REFUSALS.contains(report.outcome())) {
            assertThat(stored).as(corruption + ": nothing written on a refusal").isZero();
        } else {
            assertThat(stored).as(corruption + ": everything written").isEqualTo(report.versions());
        }
        assertThat(LegacyFixtures.hashTree(legacy)).as("the legacy folder is never modified").isEqualTo(before);
    }

    private static void checkReport(MigrationReport report, Corruption corruption) {
        assertThat(report.outcome()).as(corruption + ": " + report.failure().orElse("") + " " + report.problems())
                .isIn(ACCEPTABLE);
        if (REFUSALS.contains(report.outcome())) {
            List<LegacyProblem> blocking = report.problems().stream().filter(LegacyProblem::blocking).toList();
            if (blocking.isEmpty()) {
                assertThat(report.failure()).as(corruption + ": a refusal says why").isPresent();
                assertThat(report.failure().get()).as("the failure names the file").containsPattern("\\.json|registry");
            }
            for (LegacyProblem problem : blocking) {
                assertThat(problem.file()).as(corruption + ": the problem names its file: " + problem).isNotNull();
                assertThat(problem.toString()).as("the message names the file").contains(problem.file().getFileName().toString());
            }
        }
    }

    private static MigrationRequest request(Path legacy) {
        return new MigrationRequest(legacy, legacy.resolveSibling("registry_sqlite"), legacy.getParent(), ZoneId.of("UTC"),
                false, false);
    }

    private static long versionsIn(Path database) throws Exception {
        if (!Files.exists(database)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             ResultSet rows = c.createStatement().executeQuery(
                     "select count(*) from sqlite_master where type = 'table' and name = 'versions'")) {
            rows.next();
            if (rows.getInt(1) == 0) {
                return 0;
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             ResultSet rows = c.createStatement().executeQuery("select count(*) from versions")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A fresh copy of the pristine registry with one corruption applied to one of its files. */
    private static Path corruptCopy(Corruption corruption, int fileChoice, int where) {
        try {
            Path legacy = tmp.resolve("case-" + CASES.incrementAndGet()).resolve("registry");
            copy(pristine, legacy);
            Path file = legacy.resolve(FILES.get(fileChoice));
            if (Files.isDirectory(file)) {
                try (var entries = Files.list(file)) {
                    List<Path> metadata = entries.sorted().toList();
                    file = metadata.get(where % metadata.size());
                }
            }
            byte[] damaged = corruption.apply(Files.readAllBytes(file), where);
            Files.write(file, damaged);
            return legacy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** The kinds of damage, each applied at a position chosen by {@code where}. */
    enum Corruption {
        TRUNCATED {
            @Override
            byte[] apply(byte[] json, int where) {
                return java.util.Arrays.copyOf(json, where % Math.max(1, json.length));
            }
        },
        WRONG_TYPE {
            @Override
            String edit(String json, Member m, int where) {
                String[] wrong = {"[]", "{}", "\"text\"", "true", "null", "12", "-3.5", "[1, \"a\", null]"};
                return replaceValue(json, m, wrong[where % wrong.length]);
            }
        },
        HUGE_NUMBER {
            @Override
            String edit(String json, Member m, int where) {
                String[] huge = {"1e400", "-1e400", "1180591620717411303424", "-1180591620717411303424", "1e-400",
                        "123456789012345678901234567890.5", "9223372036854775808", "Infinity", "NaN"};
                return replaceValue(json, m, huge[where % huge.length]);
            }
        },
        DEEP_NESTING {
            @Override
            String edit(String json, Member m, int where) {
                String deep = where % 2 == 0 ? "[".repeat(10_000) + "]".repeat(10_000)
                        : "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
                return replaceValue(json, m, deep);
            }
        },
        INVALID_UTF8 {
            @Override
            byte[] apply(byte[] json, int where) {
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
                byte[] insert = bad[where % bad.length];
                int at = where % Math.max(1, json.length);
                byte[] out = new byte[json.length + insert.length];
                System.arraycopy(json, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(json, at, out, at + insert.length, json.length - at);
                return out;
            }
        },
        DUPLICATE_KEY {
            @Override
            String edit(String json, Member m, int where) {
                return json.substring(0, m.keyStart()) + json.substring(m.keyStart(), m.valueEnd()) + ", "
                        + json.substring(m.keyStart());
            }
        },
        MISSING_KEY {
            @Override
            String edit(String json, Member m, int where) {
                int end = m.valueEnd();
                int after = skipWhitespace(json, end);
                if (after < json.length() && json.charAt(after) == ',') {
                    return json.substring(0, m.keyStart()) + json.substring(skipWhitespace(json, after + 1));
                }
                int before = m.keyStart() - 1;
                while (before >= 0 && Character.isWhitespace(json.charAt(before))) {
                    before--;
                }
                int from = before >= 0 && json.charAt(before) == ',' ? before : m.keyStart();
                return json.substring(0, from) + json.substring(end);
            }
        },
        HUGE_STRING {
            @Override
            String edit(String json, Member m, int where) {
                return replaceValue(json, m, "\"" + "x\\u00e9y".repeat(1 << 17) + "\"");
            }
        };

        /** Damages one member chosen by {@code where}; byte-level kinds override this. */
        byte[] apply(byte[] json, int where) {
            String text = new String(json, StandardCharsets.UTF_8);
            List<Member> members = new JsonMembers(text).all();
            if (members.isEmpty()) {
                return java.util.Arrays.copyOf(json, json.length / 2);
            }
            return edit(text, members.get(where % members.size()), where).getBytes(StandardCharsets.UTF_8);
        }

        String edit(String json, Member member, int where) {
            return json;
        }

        static String replaceValue(String json, Member m, String value) {
            return json.substring(0, m.valueStart()) + value + json.substring(m.valueEnd());
        }

        static int skipWhitespace(String s, int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** An object member of a JSON text: where its key starts and its value starts and ends. */
    record Member(int keyStart, int valueStart, int valueEnd) {
    }

    /** A small scanner over well-formed JSON (with Python's NaN/Infinity) listing every object member. */
    static final class JsonMembers {
        private final String s;
        private final List<Member> members = new ArrayList<>();

        JsonMembers(String s) {
            this.s = s;
        }

        List<Member> all() {
            value(ws(0));
            return members;
        }

        private int ws(int i) {
            return Corruption.skipWhitespace(s, i);
        }

        private int value(int i) {
            char c = s.charAt(i);
            if (c == '{') {
                i = ws(i + 1);
                if (s.charAt(i) == '}') {
                    return i + 1;
                }
                while (true) {
                    int key = i;
                    i = ws(string(i));
                    i = ws(i + 1); // ':'
                    int start = i;
                    i = value(i);
                    members.add(new Member(key, start, i));
                    i = ws(i);
                    if (s.charAt(i) == ',') {
                        i = ws(i + 1);
                    } else {
                        return i + 1; // '}'
                    }
                }
            }
            if (c == '[') {
                i = ws(i + 1);
                if (s.charAt(i) == ']') {
                    return i + 1;
                }
                while (true) {
                    i = ws(value(i));
                    if (s.charAt(i) == ',') {
                        i = ws(i + 1);
                    } else {
                        return i + 1;
                    }
                }
            }
            if (c == '"') {
                return string(i);
            }
            while (i < s.length() && ",]} \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return i;
        }

        private int string(int i) {
            i++;
            while (s.charAt(i) != '"') {
                i += s.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }
    }
}
