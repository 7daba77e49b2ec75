package dev.modelregistry.app.migration.legacy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a legacy registry, found while reading it.
 *
 * <p>{@link #message()} is one sentence naming the file, the field and the offending value;
 * {@link #toString()} returns exactly that sentence, so problems can be printed as they are.
 * {@link #blocking()} tells whether a real migration must refuse to start (unless told to
 * skip): every kind blocks except {@link Kind#MISSING_ACTIVE_VERSION} (the migration
 * re-elects) and {@link Kind#VERSIONS_INDEX_MISMATCH} (versions_index.json is never followed,
 * so a stale entry in it cannot change what is imported). A version that has a blocking
 * problem is not part of {@link LegacyRegistry#models()}.
 *
 * @param kind      what went wrong
 * @param file      the file (or folder) the problem concerns
 * @param modelId   the model id from models_index.json, when known (else null)
 * @param versionId the version id, when known (else null)
 * @param message   one sentence naming file, field and offending value
 */
public record LegacyProblem(Kind kind, Path file, String modelId, String versionId, String message) {

    /** The kinds of problem the reader reports. */
    public enum Kind {
        /** models_index.json or versions_index.json does not exist. */
        MISSING_INDEX(true),
        /** A version listed in models_index.json has no metadata/&lt;version_id&gt;.json. */
        MISSING_METADATA(true),
        /** A file exists but cannot be read (permissions, it is a folder, I/O error). */
        UNREADABLE_FILE(true),
        /** A file is not valid JSON (syntax error, duplicate key, empty, trailing garbage). */
        MALFORMED_JSON(true),
        /** A field has the wrong type or an unusable value. */
        INVALID_FIELD(true),
        /** A metadata file's version, model_id, sensor_id or model_type differs from the index. */
        METADATA_CONTRADICTS_INDEX(true),
        /** The same version id is listed more than once in models_index.json. */
        DUPLICATE_VERSION_ID(true),
        /** A metadata/*.json file that no model of models_index.json mentions. */
        ORPHAN_METADATA(true),
        /** A model's active_version is absent, unknown, or names a version that cannot be read. */
        MISSING_ACTIVE_VERSION(false),
        /**
         * versions_index.json and models_index.json disagree: an entry of versions_index.json
         * whose id is in no model, or a model version that versions_index.json lacks.
         */
        VERSIONS_INDEX_MISMATCH(false);

        private final boolean blocking;

        Kind(boolean blocking) {
            this.blocking = blocking;
        }

        /** Whether problems of this kind stop a real migration (unless skipping). */
        public boolean blocking() {
            return blocking;
        }
    }

    public LegacyProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** Whether this problem stops a real migration (see {@link Kind#blocking()}). */
    public boolean blocking() {
        return kind.blocking();
    }

    /** The one-sentence message. */
    @Override
    public String toString() {
        return message;
    }
}
