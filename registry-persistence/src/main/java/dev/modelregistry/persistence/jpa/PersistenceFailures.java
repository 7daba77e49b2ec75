package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.domain.model.Model;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.sqlite.SQLiteException;

/** Sorts database failures into what the unit of work does about them. */
public final class PersistenceFailures {

    enum Kind {
        /** Another writer changed the same data: run the work again. */
        CONFLICT,
        /** The database was locked for too long: run the work again, then give up as unavailable. */
        BUSY,
        /** The version id already exists. */
        DUPLICATE_VERSION,
        /** The connection failed, the disk is full, the file unreadable: the database cannot do the work now. */
        UNAVAILABLE,
        /** Anything else (rule violations of the domain included): passed on as it is. */
        OTHER
    }

    private static final Pattern PG_KEY_VALUE = Pattern.compile("Key \\(version_id\\)=\\(([^)]*)\\)");

    private PersistenceFailures() {
    }

    static Kind classify(Throwable failure) {
        if (failure instanceof RegistryException) {
            return Kind.OTHER;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Kind.CONFLICT;
            }
            if (t instanceof ConstraintViolationException violation) {
                return classifyConstraint(violation);
            }
            if (t instanceof LockAcquisitionException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException) {
                return isSqliteBusy(t) ? Kind.BUSY : Kind.CONFLICT;
            }
            if (t instanceof JDBCConnectionException) {
                return Kind.UNAVAILABLE;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return Kind.CONFLICT;
                }
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("58"))) {
                    return Kind.UNAVAILABLE; // connection, insufficient resources (disk full), system error
                }
                if ("23505".equals(state)) {
                    return classifyConstraintName(constraintFromPostgres(sql));
                }
                if (sql.getClass().getName().startsWith("org.sqlite.")) {
                    int code = RegistrySQLiteDialect.primaryCode(sql);
                    if (code == 5 || code == 6) {
                        return Kind.BUSY;
                    }
                    if (sql instanceof SQLiteException sqlite && SqliteErrors.inWords(sqlite) != null) {
                        return Kind.UNAVAILABLE;
                    }
                    if (code == 19) {
                        return classifyConstraintName(RegistrySQLiteDialect.constraintOf(sql));
                    }
                }
            }
        }
        return Kind.OTHER;
    }

    /** Whether the failure came from Hibernate, JPA or JDBC (rather than from a rule or a programming error). */
    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.PersistenceException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static Kind classifyConstraint(ConstraintViolationException violation) {
        String name = violation.getConstraintName();
        if (name == null && violation.getSQLException() != null) {
            name = RegistrySQLiteDialect.constraintOf(violation.getSQLException());
        }
        return classifyConstraintName(name);
    }

    /**
     * Constraint names: PostgreSQL reports the index/constraint name, SQLite the columns
     * ({@code versions.version_id}).
     */
    private static Kind classifyConstraintName(String constraint) {
        if (constraint == null) {
            return Kind.OTHER;
        }
        String name = constraint.toLowerCase(Locale.ROOT);
        if (name.equals("pk_versions") || name.equals("versions_pkey") || name.equals("versions.version_id")) {
            return Kind.DUPLICATE_VERSION;
        }
        if (name.equals("pk_models") || name.equals("models_pkey") || name.equals("uq_models_sensor_type")
                || name.startsWith("models.")                                       // concurrent creation of one model
                || name.equals("uq_versions_one_active") || name.equals("versions.model_id") // concurrent activation
                || name.equals("uq_activation_history_model_seq") || name.startsWith("activation_history.model_id")) {
            return Kind.CONFLICT;
        }
        return Kind.OTHER;
    }

    private static String constraintFromPostgres(SQLException sql) {
        Matcher matcher = Pattern.compile("constraint \"([^\"]+)\"").matcher(String.valueOf(sql.getMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean isSqliteBusy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getClass().getName().startsWith("org.sqlite.")) {
                int code = RegistrySQLiteDialect.primaryCode(sql);
                return code == 5 || code == 6;
            }
        }
        return false;
    }

    /** The clashing version id when the database says it (PostgreSQL's detail line). */
    static String duplicateKeyValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher matcher = PG_KEY_VALUE.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    static String modelIdOf(Throwable failure, Collection<String> touchedModelIds) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException optimistic && optimistic.getEntity() instanceof Model model) {
                return model.id().value();
            }
            if (t instanceof org.hibernate.StaleObjectStateException stale && stale.getIdentifier() != null) {
                return String.valueOf(stale.getIdentifier());
            }
        }
        return touchedModelIds.isEmpty() ? null : String.join(",", touchedModelIds);
    }

    /**
     * What went wrong, in words, for {@link dev.modelregistry.domain.RegistryUnavailableException}:
     * "disk full (no space left on device) ..." rather than a driver's code. Never longer than
     * {@value #MAX_MESSAGE} characters from the driver (messages may quote data).
     */
    static String inWords(Throwable failure) {
        SQLiteException sqlite = SqliteErrors.find(failure);
        String words = sqlite == null ? null : SqliteErrors.inWords(sqlite);
        if (words != null) {
            return words;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "53100" -> {
                        return "disk full (no space left on device) on the database server";
                    }
                    case "53200" -> {
                        return "the database server is out of memory";
                    }
                    case "53300" -> {
                        return "the database server has too many connections";
                    }
                    default -> {
                        if (sql.getSQLState().startsWith("08")) {
                            return "the connection to the database failed (" + bounded(sql.getMessage()) + ")";
                        }
                    }
                }
            }
        }
        return bounded(rootMessage(failure));
    }

    private static final int MAX_MESSAGE = 300;

    private static String bounded(String message) {
        String text = String.valueOf(message);
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }

    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
