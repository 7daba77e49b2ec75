/**
 * The adoption of SQLite files written by the Python {@code ModelRegistrySQLite}: recognising
 * them, checking their shape, counting their defects, and the backed-up, verified upgrade on a
 * copy. The Liquibase custom change that rewrites their timestamps stays in the root package,
 * {@link dev.modelregistry.persistence.NormaliseLegacyTimestamps}, since a released changelog names it.
 */
package dev.modelregistry.persistence.adoption;
