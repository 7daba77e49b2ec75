package dev.modelregistry.persistence.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The strict rule for the names a host may choose for the registry's schema and its Liquibase
 * tables (README, "Settings"): ASCII letters, digits and underscores, starting with a letter or
 * an underscore, at most 63 characters (PostgreSQL's limit), in one case. Such a name means the
 * same quoted or not (PostgreSQL folds it to lower case, as Liquibase creates it), so nothing a
 * caller passes can end a statement, open a quote or name another object than it reads.
 */
public final class SqlIdentifier {

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1). */
    public static final int MAX_LENGTH = 63;

    private static final Pattern LOWER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern UPPER = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private SqlIdentifier() {
    }

    /**
     * A schema name: lower case only ({@code model_registry}); never {@code pg_*} nor
     * {@code information_schema}, which belong to the server.
     *
     * @throws IllegalArgumentException naming the setting and the value
     */
    public static String schema(String setting, String value) {
        requireShape(setting, value, LOWER, "lower-case letters, digits and underscores, starting with a letter or an underscore");
        if (value.startsWith("pg_") || value.equals("information_schema")) {
            throw new IllegalArgumentException(setting + " '" + value + "' is reserved by PostgreSQL (pg_* and information_schema)");
        }
        return value;
    }

    /**
     * A table name: letters, digits and underscores in one case ({@code registry_changelog} or
     * {@code REGISTRY_CHANGELOG}, never {@code Registry_Changelog}).
     *
     * @throws IllegalArgumentException naming the setting and the value
     */
    public static String table(String setting, String value) {
        requireShape(setting, value, value != null && UPPER.matcher(value).matches() ? UPPER : LOWER,
                "letters, digits and underscores in one case, starting with a letter or an underscore");
        return value;
    }

    /** The name as PostgreSQL keeps an unquoted identifier (and as a quoted one must be written). */
    static String folded(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** The identifier double-quoted, folded to lower case: the same object as the name unquoted, even for a reserved word. */
    public static String quoted(String identifier) {
        return '"' + folded(identifier) + '"';
    }

    private static void requireShape(String setting, String value, Pattern shape, String rule) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(setting + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(setting + " '" + value + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (!shape.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " '" + value + "' is not a plain SQL identifier: use only " + rule);
        }
    }
}
