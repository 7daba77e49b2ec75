package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.legacy.LegacyVersion;
import dev.modelregistry.domain.ShownValue;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.ModelVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a stored version is compared with the legacy file it came from (for idempotent re-runs, M5, and verification, M6).
 */
final class LegacyVersions {

    private LegacyVersions() {
    }

    /** Every field where the stored version differs from the legacy file, as sentences; empty when equal. */
    static List<String> differences(ModelVersion stored, LegacyVersion legacy) {
        List<String> differences = new ArrayList<>();
        String where = "version " + legacy.versionId() + " (" + legacy.sourceFile() + ")";
        compare(differences, where, "model_id", stored.modelId().value(), legacy.modelId());
        compare(differences, where, "created_at", stored.createdAt(), legacy.createdAt());
        if (Double.compare(stored.performanceScore(), legacy.performanceScore()) != 0) {
            differences.add(where + ": performance_score is " + stored.performanceScore() + " in the database but "
                    + legacy.performanceScore() + " in the legacy file");
        }
        compare(differences, where, "model_hash", stored.modelHash().orElse(null), legacy.modelHash());
        compare(differences, where, "data_hash", stored.dataHash().orElse(null), legacy.dataHash());
        compare(differences, where, "lineage data_hash", stored.lineage().map(DataLineage::dataHash).orElse(null), legacy.dataHash());
        compare(differences, where, "description", stored.description().orElse(null), legacy.description());
        compare(differences, where, "tags", stored.tags().keys(), legacy.tags());
        compare(differences, where, "model_size_bytes", stored.modelSizeBytes(), legacy.modelSizeBytes());
        compare(differences, where, "training_time_seconds", stored.trainingTimeSeconds().orElse(null), legacy.trainingTimeSeconds());
        compare(differences, where, "model_path", stored.modelPath().orElse(null), legacy.modelPath());
        compareJson(differences, where, "training_config", stored.trainingConfig().asMap(), legacy.trainingConfig());
        compareJson(differences, where, "training_metrics", stored.trainingMetrics().asMap(), legacy.trainingMetrics());
        compareJson(differences, where, "validation_metrics", stored.validationMetrics().asMap(), legacy.validationMetrics());
        return differences;
    }

    private static void compare(List<String> differences, String where, String field, Object stored, Object legacy) {
        if (!Objects.equals(stored, legacy)) {
            differences.add(where + ": " + field + " is " + ShownValue.of(stored) + " in the database but "
                    + ShownValue.of(legacy) + " in the legacy file");
        }
    }

    private static void compareJson(List<String> differences, String where, String field, Object stored, Object legacy) {
        if (!sameJson(stored, legacy)) {
            differences.add(where + ": " + field + " differs: " + ShownValue.of(stored) + " in the database, "
                    + ShownValue.of(legacy) + " in the legacy file");
        }
    }

    /** JSON equality: numbers by value (1 equals 1.0, NaN equals NaN), maps by key and value, lists in order. */
    static boolean sameJson(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!sameJson(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!sameJson(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
