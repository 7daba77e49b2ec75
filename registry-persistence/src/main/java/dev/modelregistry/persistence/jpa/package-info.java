/**
 * The Hibernate adapter: the aggregate's repository and the unit of work over a session factory
 * that validates (never generates) the schema, the SQLite dialect and column types, the JSON
 * converters, and the translation of database failures into the registry's exceptions.
 * {@link dev.modelregistry.persistence.RegistryDatabase} wires it.
 */
package dev.modelregistry.persistence.jpa;
