package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Registrations like the platform's training jobs send (telemanom detectors, validated, with lineage). */
final class Workload {

    private final Random random;

    Workload(long seed) {
        random = new Random(seed);
    }

    /** A registration and the score the registry's default weights give it. */
    record Item(ModelRegistration registration, double score) {
    }

    Item next(String sensorId) {
        double anomalyRate = random.nextInt(10) == 0 ? 0.0 : random.nextDouble() * 0.15;
        ModelRegistration registration = ModelRegistration.builder()
                .sensorId(sensorId).modelType("telemanom")
                .trainingConfig(Map.of("sequence_length", 250, "lstm_units", List.of(80, 80), "dropout_rate", 0.3,
                        "epochs", 35, "batch_size", 70, "learning_rate", 0.001))
                .trainingMetrics(Map.of("training_samples", 1000 + random.nextInt(9000), "final_loss", random.nextDouble(),
                        "final_val_loss", random.nextDouble()))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate,
                        "validation_samples", 500 + random.nextInt(5000), "mean_error", random.nextDouble()))
                .trainingTimeSeconds(10 + random.nextDouble() * 300)
                .dataHash(String.format("%016x", random.nextLong())).dataSource("nasa_smap")
                .dataStartDate("2024-01-01").dataEndDate("2024-03-01").numSamples(10_000)
                .description("Telemanom anomaly detector for " + sensorId).tags(List.of("telemanom", "anomaly"))
                .build();
        return new Item(registration, score(anomalyRate));
    }

    /** The registry's formula for an anomaly rate with the default weights. */
    static double score(double r) {
        double min = 0.01;
        double max = 0.1;
        if (r >= min && r <= max) {
            return 0.8 + (max - r) / (max - min) * 0.2;
        }
        return r == 0 ? 0.3 : Math.max(0.1, 1 - r);
    }

    /** A version row for bulk loading, with JSON blobs of the usual size. */
    BulkLoader.Row row(String versionId, java.time.Instant createdAt, double score) {
        return new BulkLoader.Row(versionId, createdAt,
                "{\"sequence_length\":250,\"lstm_units\":[80,80],\"dropout_rate\":0.3,\"epochs\":35,\"batch_size\":70}",
                "{\"training_samples\":" + (1000 + random.nextInt(9000)) + ",\"final_loss\":" + random.nextDouble() + "}",
                "{\"validation_performed\":true,\"anomaly_rate\":" + random.nextDouble() * 0.15 + "}",
                123_456L, 42.0, String.format("%016x", random.nextLong()), null, null, "bulk-loaded version",
                "[\"telemanom\",\"anomaly\"]", score);
    }

    Random random() {
        return random;
    }
}
