package dev.modelregistry.app.transfer;

import java.util.List;
import java.util.Map;

/** The lines of an export file, field by field (snake_case in the file; docs/export-format.md). */
final class ExportRecords {

    private ExportRecords() {
    }

    /** Line 1. */
    record Header(String format, int formatVersion) {
    }

    /** The last line: how many models and versions the file holds. */
    record End(Counts end) {
    }

    record Counts(long models, long versions) {
    }

    /**
     * One model with everything it owns; versions oldest first (ties by id), history in order;
     * its tags key to value in key order (format 2).
     */
    record ModelLine(String modelId, String sensorId, String modelType, String createdAt, String updatedAt,
                     String activeVersion, String description, Map<String, String> tags, List<VersionLine> versions,
                     List<ActivationLine> history) {
    }

    /** @param archivedAt when the version was archived (R15); null (or absent, in older exports) when it is not */
    record VersionLine(String versionId, String createdAt, String modelPath, Map<String, Object> trainingConfig,
                       Map<String, Object> trainingMetrics, Map<String, Object> validationMetrics,
                       long modelSizeBytes, Double trainingTimeSeconds, String dataHash, String modelHash,
                       String description, List<String> tags, Map<String, String> tagValues, boolean isActive,
                       double performanceScore, LineageLine lineage, String archivedAt) {
    }

    /** The lineage row of a version (its data hash is the version's). */
    record LineageLine(String dataSource, String dataStartDate, String dataEndDate, Long numSamples,
                       String recordedAt) {
    }

    /**
     * @param alias         the alias of an alias entry (R13); null (or absent, in older exports) for every other entry
     * @param actor         the change note's actor; null (or absent, in older exports) for an entry without a note,
     *                      and then so are {@code noteReason} and {@code noteReference}
     * @param noteReason    the change note's reason; null when it has none
     * @param noteReference the change note's external reference; null when it has none
     */
    record ActivationLine(int sequenceNo, String versionId, String previousVersionId, String reason, Double score,
                          Double previousScore, String changedAt, String alias, String actor, String noteReason,
                          String noteReference) {
    }
}
