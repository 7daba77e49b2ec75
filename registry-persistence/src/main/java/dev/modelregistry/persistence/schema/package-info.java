/**
 * The schema: the Liquibase runner over the packaged changelog, the read-only comparison of a
 * database's {@code DATABASECHANGELOG} with it, and the locks that keep two processes from
 * changing a schema at once (the SQLite folder's OS lock, PostgreSQL's advisory lock).
 */
package dev.modelregistry.persistence.schema;
