package dev.modelregistry.app;

import java.util.Locale;

/**
 * The calls of {@link ModelRegistry} a {@link RegistryListener} hears about, named as their
 * methods ({@link #methodName()}: {@code registerModel}, {@code getActiveModel}, ...): the tag a
 * metric or a log line carries. The three lookups of the active model are {@link #isLookup()}.
 */
public enum RegistryOperation {
    REGISTER_MODEL,
    PROMOTE_VERSION,
    HOLD_ACTIVE_VERSION,
    RELEASE_HOLD,
    DELETE_VERSION,
    ARCHIVE_VERSION,
    UNARCHIVE_VERSION,
    CLEANUP_OLD_VERSIONS,
    PREVIEW_CLEANUP,
    GET_ACTIVE_MODEL_VERSION,
    GET_ACTIVE_MODEL,
    RESOLVE,
    SET_ALIAS,
    REMOVE_ALIAS,
    GET_VERSION_BY_ALIAS,
    LIST_ALIASES,
    GET_MODEL_METADATA,
    GET_DATA_LINEAGE,
    LIST_MODELS,
    LIST_VERSIONS,
    LIST_VERSIONS_OF_SENSOR,
    LIST_VERSIONS_SCORED_AT_LEAST,
    SEARCH_VERSIONS,
    GET_REGISTRY_STATS,
    GET_ACTIVATION_HISTORY,
    GET_ACTIVE_VERSION_AT,
    ACTIVATION_CHANGES_SINCE,
    ON_ACTIVATION_CHANGE,
    SET_MODEL_TAG,
    REMOVE_MODEL_TAG,
    SET_VERSION_TAG,
    REMOVE_VERSION_TAG,
    UPDATE_MODEL_DESCRIPTION,
    UPDATE_VERSION_DESCRIPTION;

    private final String methodName = camelCase(name());

    /** The method's name on {@link ModelRegistry}, e.g. {@code getActiveModelVersion}. */
    public String methodName() {
        return methodName;
    }

    /** Whether this is a lookup of a model's active version: {@code getActiveModelVersion}, {@code getActiveModel}, {@code resolve}. */
    public boolean isLookup() {
        return this == GET_ACTIVE_MODEL_VERSION || this == GET_ACTIVE_MODEL || this == RESOLVE;
    }

    private static String camelCase(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return name.toString();
    }
}
