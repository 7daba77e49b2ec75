package dev.modelregistry.persistence.jpa;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What sqlite-jdbc's result codes mean for the registry: which end the transaction, and how to
 * say what happened in words (https://www.sqlite.org/rescode.html).
 *
 * <p>After {@code SQLITE_FULL}, {@code SQLITE_IOERR*}, {@code SQLITE_NOMEM} (and a few more)
 * SQLite may roll the whole transaction back by itself and go on in autocommit mode, while the
 * JDBC connection still believes a transaction is open: any further statement would commit on
 * its own. {@link TransactionGuard} stops the unit of work at the first such error.
 */
final class SqliteErrors {

    private SqliteErrors() {
    }

    /** The sqlite-jdbc exception in {@code failure}'s cause chain, or null. */
    static SQLiteException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return sqlite;
            }
            if (t instanceof SQLException sql && sql.getNextException() instanceof SQLiteException next) {
                return next;
            }
        }
        return null;
    }

    /** Whether SQLite may have ended (rolled back) the transaction on this error, or the connection is unusable. */
    static boolean endsTransaction(SQLException failure) {
        if (!(failure instanceof SQLiteException sqlite)) {
            return false;
        }
        return switch (primary(sqlite)) {
            case SQLITE_ABORT, SQLITE_NOMEM, SQLITE_INTERRUPT, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL,
                 SQLITE_CANTOPEN, SQLITE_PROTOCOL, SQLITE_NOTADB -> true;
            default -> false;
        };
    }

    /** The failure in words, or null when it is not one the registry reports as unavailability. */
    static String inWords(SQLiteException failure) {
        SQLiteErrorCode code = failure.getResultCode();
        return switch (primary(failure)) {
            case SQLITE_FULL -> "disk full (no space left on device): the database file could not grow";
            case SQLITE_IOERR -> "input/output error on the database file (" + code.name()
                    + ": the disk or file system failed to read or write)";
            case SQLITE_NOMEM -> "out of memory in SQLite";
            case SQLITE_CORRUPT -> "the database file is corrupt (" + code.name() + ")";
            case SQLITE_NOTADB -> "the database file is not a SQLite database (overwritten or corrupt)";
            case SQLITE_CANTOPEN -> "the database file cannot be opened (" + code.name() + ")";
            case SQLITE_READONLY -> "the database is read-only (" + code.name()
                    + ": file permissions, a read-only file system or a read-only connection)";
            case SQLITE_PERM -> "access to the database file was denied";
            case SQLITE_ABORT, SQLITE_INTERRUPT, SQLITE_PROTOCOL -> "the transaction was aborted (" + code.name() + ")";
            default -> null;
        };
    }

    private static SQLiteErrorCode primary(SQLiteException failure) {
        return SQLiteErrorCode.getErrorCode(failure.getResultCode().code & 0xFF);
    }
}
