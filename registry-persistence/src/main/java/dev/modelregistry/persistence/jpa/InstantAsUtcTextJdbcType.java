package dev.modelregistry.persistence.jpa;

import dev.modelregistry.persistence.format.UtcText;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * SQLite only: binds {@code Instant} (Hibernate's TIMESTAMP_UTC) as readable UTC text with
 * microseconds ({@link UtcText}) instead of letting sqlite-jdbc turn it into milliseconds.
 */
final class InstantAsUtcTextJdbcType implements JdbcType {

    static final InstantAsUtcTextJdbcType INSTANCE = new InstantAsUtcTextJdbcType();

    @Override
    public int getJdbcTypeCode() {
        return Types.VARCHAR;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return SqlTypes.TIMESTAMP_UTC;
    }

    @Override
    public String getFriendlyName() {
        return "TIMESTAMP_UTC_AS_TEXT";
    }

    @Override
    public Class<?> getPreferredJavaTypeClass(WrapperOptions options) {
        return Instant.class;
    }

    @Override
    public boolean isTemporal() {
        return true;
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) -> {
            appender.appendSql('\'');
            appender.appendSql(UtcText.format(javaType.unwrap(value, Instant.class, options)));
            appender.appendSql('\'');
        };
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setString(index, UtcText.format(javaType.unwrap(value, Instant.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setString(name, UtcText.format(javaType.unwrap(value, Instant.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int position, WrapperOptions options) throws SQLException {
                return wrap(rs.getString(position), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int position, WrapperOptions options)
                    throws SQLException {
                return wrap(statement.getString(position), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return wrap(statement.getString(name), options);
            }

            private X wrap(String text, WrapperOptions options) {
                return text == null ? null : javaType.wrap(UtcText.parse(text), options);
            }
        };
    }
}
