package dev.modelregistry.persistence.jpa;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.SqliteFaults;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A unit of work on a full disk (SQLite's {@code max_page_count}, see {@link SqliteFaults}).
 * After {@code SQLITE_FULL} SQLite rolls the transaction back by itself; before the
 * {@link TransactionGuard} the statements that followed ran in autocommit mode, each committed
 * on its own, and the connection went back to the pool believing a transaction was open, so the
 * next unit of work committed statement by statement too.
 */
class UnitOfWorkOnAFullDiskTest {

    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();
    private static final String LATER = "2031-01-01T00:00:00.000000Z";

    @TempDir
    Path registryDir;

    private SqliteFaults faults;
    private RegistryDatabase database;
    private JpaUnitOfWork unitOfWork;

    @BeforeEach
    void openWithThreeModels() {
        faults = SqliteFaults.open(registryDir);
        database = faults.database();
        unitOfWork = (JpaUnitOfWork) database.unitOfWork();
        for (String sensor : List.of("a", "b", "c")) {
            register(sensor, 500);
        }
    }

    @AfterEach
    void close() {
        faults.close();
    }

    @Test
    void aFailedStatementIsReportedByTheExceptionAloneWithoutHibernateLoggingItAndItsValues() {
        List<String> logged = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger hibernate = java.util.logging.Logger.getLogger("org.hibernate");
        hibernate.addHandler(capture);
        try {
            faults.fillDisk(0);
            assertThatThrownBy(() -> unitOfWork.execute(() -> registerUntilFull("b")))
                    .isInstanceOf(RegistryUnavailableException.class);
        } finally {
            hibernate.removeHandler(capture);
        }

        assertThat(logged).as("what Hibernate logged about the failed statement").isEmpty();
    }

    @Test
    void aUnitOfWorkThatFillsTheDiskFailsSayingDiskFullAndCommitsNothing() throws SQLException {
        String before = snapshot();
        faults.fillDisk(0);

        assertThatThrownBy(() -> unitOfWork.execute(() -> {
            touch("telemanom_a");
            return registerUntilFull("b");
        }))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("disk full (no space left on device)")
                .hasMessageContaining("nothing was written");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void noStatementRunsAfterTheDiskFilledUpEvenWhenTheWorkCarriesOn() throws SQLException {
        String before = snapshot();
        faults.fillDisk(0);
        AtomicReference<RuntimeException> full = new AtomicReference<>();
        AtomicReference<RuntimeException> afterwards = new AtomicReference<>();

        assertThatThrownBy(() -> unitOfWork.execute(() -> {
            touch("telemanom_a");
            try {
                registerUntilFull("b");
            } catch (RuntimeException e) {
                full.set(e);
            }
            try {
                touch("telemanom_c"); // would commit on its own: SQLite already left the transaction
            } catch (RuntimeException e) {
                afterwards.set(e);
            }
            return null;
        })).isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("disk full");

        assertThat(full.get()).as("the write that filled the disk").isNotNull();
        assertThat(afterwards.get()).as("the statement after it").isNotNull()
                .hasStackTraceContaining("no further statement of this unit of work runs");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theUnitOfWorkAfterADiskFullFailureIsStillOneTransaction() throws SQLException {
        faults.fillDisk(0);
        assertThatThrownBy(() -> unitOfWork.execute(() -> registerUntilFull("b")))
                .isInstanceOf(RegistryUnavailableException.class);
        String before = snapshot();

        // the next unit of work (same thread: the pool would hand it the same connection)
        assertThatThrownBy(() -> unitOfWork.execute(() -> {
            touch("telemanom_a");
            return registerUntilFull("c");
        })).isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("disk full");
        assertThat(snapshot()).as("the first statement was not committed on its own").isEqualTo(before);
    }

    @Test
    void onceThereIsSpaceAgainWritesSucceedAndKeepEveryInvariant() throws SQLException {
        faults.fillDisk(0);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> unitOfWork.execute(() -> registerUntilFull("a")))
                    .isInstanceOf(RegistryUnavailableException.class);
        }
        faults.freeDisk();

        VersionId id = register("a", 100);

        assertThat(database.readModels().activeVersions().activeVersionId(SensorId.of("a"), ModelType.of("telemanom")))
                .contains(id); // anomaly rate 0.01 beats 0.05
        assertThat(versionCount("telemanom_a")).isEqualTo(2);
        assertThat(brokenModels()).isEmpty();
    }

    @Test
    void everyErrorThatEndsATransactionIsReportedInWords() {
        assertThat(SqliteErrors.inWords(new SQLiteException("x", SQLiteErrorCode.SQLITE_FULL)))
                .startsWith("disk full (no space left on device)");
        assertThat(SqliteErrors.inWords(new SQLiteException("x", SQLiteErrorCode.SQLITE_IOERR_WRITE)))
                .contains("input/output error").contains("SQLITE_IOERR_WRITE");
        assertThat(SqliteErrors.inWords(new SQLiteException("x", SQLiteErrorCode.SQLITE_IOERR_FSYNC)))
                .contains("input/output error");
        assertThat(SqliteErrors.inWords(new SQLiteException("x", SQLiteErrorCode.SQLITE_NOMEM))).contains("out of memory");
        assertThat(SqliteErrors.inWords(new SQLiteException("x", SQLiteErrorCode.SQLITE_CORRUPT_INDEX))).contains("corrupt");
        assertThat(SqliteErrors.inWords(new SQLiteException("x", SQLiteErrorCode.SQLITE_NOTADB)))
                .contains("not a SQLite database");
        assertThat(SqliteErrors.inWords(new SQLiteException("x", SQLiteErrorCode.SQLITE_READONLY))).contains("read-only");
        for (SQLiteErrorCode code : List.of(SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_IOERR_WRITE,
                SQLiteErrorCode.SQLITE_NOMEM, SQLiteErrorCode.SQLITE_CORRUPT, SQLiteErrorCode.SQLITE_NOTADB)) {
            assertThat(SqliteErrors.endsTransaction(new SQLiteException("x", code))).as(code.name()).isTrue();
        }
        assertThat(SqliteErrors.endsTransaction(new SQLiteException("x", SQLiteErrorCode.SQLITE_BUSY))).isFalse();
        assertThat(SqliteErrors.endsTransaction(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)))
                .isFalse();
    }

    /** Registers versions with 3 KB descriptions into the model, flushing each, until the disk is full. */
    private Object registerUntilFull(String sensor) {
        Model model = loadOrCreate(sensor);
        for (int i = 0; i < 500; i++) {
            model.register(IDS.nextId(), spec(0.05, "x".repeat(3000)), SCORING, now());
            database.repository().save(model);
            unitOfWork.checkpoint();
            model = loadOrCreate(sensor);
        }
        throw new AssertionError("the disk never filled up");
    }

    private VersionId register(String sensor, int anomalyPerTenThousand) {
        VersionId id = IDS.nextId();
        unitOfWork.execute(() -> {
            Model model = loadOrCreate(sensor);
            model.register(id, spec(anomalyPerTenThousand / 10_000.0, "small"), SCORING, now());
            database.repository().save(model);
            return null;
        });
        return id;
    }

    private Model loadOrCreate(String sensor) {
        return database.repository().findById(ModelId.of(SensorId.of(sensor), ModelType.of("telemanom")))
                .orElseGet(() -> Model.create(SensorId.of(sensor), ModelType.of("telemanom"), now()));
    }

    private static VersionSpec spec(double anomalyRate, String description) {
        return new VersionSpec("data/models/telemanom/x", Attributes.of(Map.of("epochs", 10)),
                Attributes.of(Map.of("loss", 0.1)), Attributes.of(metricsWithAnomalyRate(anomalyRate)), 1024, 1.0,
                "abc", description, Tags.of(List.of("t")), DataLineage.of("sha256-of-data", null, null, null, null));
    }

    /** One plain statement on the model row (fits in its page: needs no space). */
    private void touch(String modelId) {
        unitOfWork.write(session -> session.createNativeMutationQuery(
                "update models set updated_at = '" + LATER + "' where model_id = :id")
                .setParameter("id", modelId).executeUpdate());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Every row of the registry's tables, as text. */
    private String snapshot() throws SQLException {
        StringBuilder text = new StringBuilder();
        for (String sql : List.of("select * from models order by model_id", "select * from versions order by version_id",
                "select * from activation_history order by model_id, sequence_no")) {
            try (Connection connection = faults.pooledConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        text.append(rows.getString(c)).append('|');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private long versionCount(String modelId) throws SQLException {
        try (Connection connection = faults.pooledConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from versions where model_id = '" + modelId + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Models whose active flags disagree with {@code models.active_version}. */
    private List<String> brokenModels() throws SQLException {
        List<String> broken = new ArrayList<>();
        try (Connection connection = faults.pooledConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select m.model_id from models m where"
                     + " (select count(*) from versions v where v.model_id = m.model_id and v.is_active)"
                     + " <> (case when m.active_version is null then 0 else 1 end)"
                     + " or exists (select 1 from versions v where v.model_id = m.model_id and v.is_active"
                     + " and v.version_id <> m.active_version)")) {
            while (rows.next()) {
                broken.add(rows.getString(1));
            }
        }
        return broken;
    }
}
