package dev.modelregistry.persistence.jpa;

import java.sql.SQLException;
import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;

/**
 * The community SQLite dialect, adjusted to the schema Liquibase creates and to what the
 * registry needs:
 * <ul>
 *   <li>instants are stored as readable UTC text with microseconds ({@link InstantAsUtcTextJdbcType});</li>
 *   <li>{@code validate} accepts the SQLite storage classes: every integer type (INTEGER
 *       autoincrement keys, INTEGER booleans) is one type, and TEXT holds timestamps;</li>
 *   <li>SQLITE_CONSTRAINT becomes a {@link ConstraintViolationException} (with the constraint
 *       text, e.g. {@code UNIQUE constraint failed: versions.version_id}), SQLITE_BUSY and
 *       SQLITE_LOCKED (extended codes included) a {@link LockAcquisitionException}.</li>
 * </ul>
 */
public class RegistrySQLiteDialect extends SQLiteDialect {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;

    public RegistrySQLiteDialect() {
        super();
    }

    public RegistrySQLiteDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        var registry = typeContributions.getTypeConfiguration().getJdbcTypeRegistry();
        registry.addDescriptor(SqlTypes.TIMESTAMP_UTC, InstantAsUtcTextJdbcType.INSTANCE);
    }

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2)
                || isSqliteInteger(typeCode1) && isSqliteInteger(typeCode2)
                || isTimestamp(typeCode1) && isText(typeCode2)
                || isText(typeCode1) && isTimestamp(typeCode2);
    }

    private static boolean isSqliteInteger(int code) {
        return code == Types.TINYINT || code == Types.SMALLINT || code == Types.INTEGER || code == Types.BIGINT
                || code == Types.BOOLEAN || code == Types.BIT;
    }

    private static boolean isTimestamp(int code) {
        return code == Types.TIMESTAMP || code == Types.TIMESTAMP_WITH_TIMEZONE || code == SqlTypes.TIMESTAMP_UTC;
    }

    private static boolean isText(int code) {
        return code == Types.VARCHAR || code == Types.LONGVARCHAR || code == Types.CLOB || code == Types.NVARCHAR
                || code == Types.CHAR;
    }

    @Override
    public SQLExceptionConversionDelegate buildSQLExceptionConversionDelegate() {
        SQLExceptionConversionDelegate standard = super.buildSQLExceptionConversionDelegate();
        return (sqlException, message, sql) -> {
            int primaryCode = primaryCode(sqlException);
            if (primaryCode == SQLITE_CONSTRAINT) {
                return new ConstraintViolationException(message, sqlException, sql, constraintOf(sqlException));
            }
            if (primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED) {
                return new LockAcquisitionException(message, sqlException, sql);
            }
            return standard.convert(sqlException, message, sql);
        };
    }

    /** {@code "versions.version_id"} from "... UNIQUE constraint failed: versions.version_id)". */
    static String constraintOf(SQLException e) {
        String text = String.valueOf(e.getMessage());
        int at = text.indexOf("constraint failed: ");
        if (at < 0) {
            return null;
        }
        String rest = text.substring(at + "constraint failed: ".length());
        int end = rest.indexOf(')');
        return (end < 0 ? rest : rest.substring(0, end)).trim();
    }

    static int primaryCode(SQLException e) {
        return e.getErrorCode() & 0xFF;
    }
}
