package dev.modelregistry.app;

/** Hears how a cleanup advances: called after each model whose versions were looked at. */
public interface CleanupProgress {

    CleanupProgress SILENT = (modelsDone, modelsTotal, versionsRemoved) -> {
    };

    /**
     * @param modelsDone      models finished so far
     * @param modelsTotal     models with more versions than kept (the ones the cleanup visits)
     * @param versionsRemoved versions deleted so far
     */
    void advanced(long modelsDone, long modelsTotal, long versionsRemoved);
}
