package dev.modelregistry.persistence;

/**
 * A SQLite {@code DataSource} handed to the opening on a host's data source, which is for
 * database servers: a SQLite registry is opened by its folder, in a file of its own. Its own type,
 * so that a caller (the Spring Boot starter) can tell it from every other wrong argument.
 */
public final class SqliteDataSourceException extends IllegalArgumentException {

    SqliteDataSourceException() {
        super("the data source is a SQLite database: open a SQLite registry by its folder"
                + " (ModelRegistrySQLite.open(registryDir, settings))");
    }
}
