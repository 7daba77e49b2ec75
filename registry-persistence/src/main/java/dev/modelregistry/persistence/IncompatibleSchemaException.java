package dev.modelregistry.persistence;

import dev.modelregistry.domain.RegistryException;
import java.nio.file.Path;
import java.util.List;

/**
 * A database file that looks like a registry written outside Liquibase (registry tables, no
 * {@code DATABASECHANGELOG}) but whose tables do not have the release-1.0 shape, or whose data
 * the upgrade cannot repair. Nothing was changed.
 */
public class IncompatibleSchemaException extends RegistryException {

    private final Path database;
    private final List<String> problems;

    public IncompatibleSchemaException(Path database, String what, List<String> problems) {
        super(what + " " + database + ": " + String.join("; ", problems) + "; the file was not changed");
        this.database = database;
        this.problems = List.copyOf(problems);
    }

    public Path database() {
        return database;
    }

    public List<String> problems() {
        return problems;
    }
}
