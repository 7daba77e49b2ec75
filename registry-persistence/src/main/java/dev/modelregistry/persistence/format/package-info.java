/**
 * How values are stored as text, shared by everything that reads or writes the tables: JSON
 * columns ({@link dev.modelregistry.persistence.format.Json}) and instants as fixed-width UTC
 * text on SQLite ({@link dev.modelregistry.persistence.format.UtcText}).
 */
package dev.modelregistry.persistence.format;
