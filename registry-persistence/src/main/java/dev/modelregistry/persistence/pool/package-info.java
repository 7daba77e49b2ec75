/**
 * The registry's own connection pools (HikariCP's pool, started and shut down quietly).
 * {@link dev.modelregistry.persistence.RegistryDatabase} builds them; the SQLite unit of work
 * evicts through them.
 */
package dev.modelregistry.persistence.pool;
