package dev.modelregistry.app;

/**
 * What a cleanup (R9) does with the versions it does not keep: {@link #DELETE} them (with their
 * lineage), or {@link #ARCHIVE} them (R15: kept with their lineage and history, out of elections
 * and of default listings). Either way it keeps the same versions: the active one, the aliased
 * ones and the newest N of every model.
 */
public enum CleanupMode {
    DELETE,
    ARCHIVE
}
