package dev.modelregistry.app.migration.legacy;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.ValidationGate;
import dev.modelregistry.domain.scoring.ScoringPolicy;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic legacy JSON registry of N models x M versions, byte-for-byte in the
 * format of the platform's Python {@code ModelRegistry}: {@code json.dump(..., indent=2)}
 * (ASCII with {@code \\uXXXX} escapes, Python float repr), naive isoformat timestamps, random
 * 8-hex version ids, Windows paths in versions_index.json, metadata keys in the Python order.
 *
 * <p>Models alternate between {@code telemanom} (validation metrics with {@code anomaly_rate})
 * and {@code transformer} (with {@code r2_score} and {@code mape}). About one version in seven is
 * unvalidated ({@code validation_performed} false or absent), one in eleven has
 * {@code "tags": null}; validation and scores come from the domain ({@code ValidationGate},
 * {@code ScoringPolicy} with default weights) and active_version is chosen as registration
 * chooses it (R5, docs/rules.md). Test data only: it lives in the test code (and registry-app's
 * test-jar, for registry-bench), never in the production jar. The output is deterministic for a given seed
 * and reads without any problem.
 *
 * <p>Command line: {@code LegacyRegistryGenerator DIR MODELS VERSIONS_PER_MODEL [SEED]}.
 */
public final class LegacyRegistryGenerator {

    private static final String[] SUBSYSTEMS = {"PWR", "COM", "ATT", "THM", "PAY", "SYS", "NAV", "SCI", "ENV", "MOB"};
    private static final String[] SUBSYSTEM_NAMES = {"Power System", "Communication", "Attitude Control",
            "Thermal Control", "Payload", "System Health", "Navigation System", "Science Instruments",
            "Environmental Monitoring", "Mobility System"};
    private static final ScoringPolicy SCORING = ScoringPolicy.defaults();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** What was written. */
    public record Summary(Path registryDir, int models, int versions, int unvalidated) {
    }

    private final long seed;
    private final LocalDateTime start;

    /** A generator with seed 42 whose first version is created at 2025-01-01T08:00. */
    public LegacyRegistryGenerator() {
        this(42L);
    }

    public LegacyRegistryGenerator(long seed) {
        this(seed, LocalDateTime.of(2025, 1, 1, 8, 0));
    }

    public LegacyRegistryGenerator(long seed, LocalDateTime start) {
        this.seed = seed;
        this.start = start;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: LegacyRegistryGenerator DIR MODELS VERSIONS_PER_MODEL [SEED]");
            System.exit(2);
        }
        long seed = args.length == 4 ? Long.parseLong(args[3]) : 42L;
        long t0 = System.nanoTime();
        Summary s = new LegacyRegistryGenerator(seed)
                .generate(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.printf("wrote %d models, %d versions (%d unvalidated) to %s in %d ms%n",
                s.models(), s.versions(), s.unvalidated(), s.registryDir(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Writes the registry into {@code registryDir}, which must not exist or be empty.
     *
     * @throws FileAlreadyExistsException if {@code registryDir} holds files already
     */
    public Summary generate(Path registryDir, int models, int versionsPerModel) throws IOException {
        if (models < 0 || versionsPerModel < 0) {
            throw new IllegalArgumentException("models and versionsPerModel must be >= 0");
        }
        if (Files.isDirectory(registryDir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(registryDir)) {
                if (entries.iterator().hasNext()) {
                    throw new FileAlreadyExistsException(registryDir.toString(), null,
                            "refusing to generate a registry into a non-empty folder");
                }
            }
        }
        Path metadataDir = Files.createDirectories(registryDir.resolve(LegacyRegistryReader.METADATA_DIR));
        Random random = new Random(seed);
        Set<String> usedIds = new HashSet<>();
        Map<String, Object> modelsIndex = new LinkedHashMap<>();
        Map<String, Object> versionsIndex = new LinkedHashMap<>();
        LocalDateTime clock = start;
        int unvalidated = 0;
        int versionCounter = 0;

        for (int i = 0; i < models; i++) {
            int k = i / 2;
            String modelType = i % 2 == 0 ? "telemanom" : "transformer";
            String sensorId = String.format("%s-%s-%03d", k % 2 == 0 ? "SMAP" : "MSL",
                    SUBSYSTEMS[k % SUBSYSTEMS.length], k + 1);
            String subsystemName = SUBSYSTEM_NAMES[k % SUBSYSTEMS.length];
            String modelId = modelType + "_" + sensorId;
            List<Object> indexVersions = new ArrayList<>();
            String active = null;
            double best = Double.NEGATIVE_INFINITY;

            for (int j = 0; j < versionsPerModel; j++, versionCounter++) {
                String versionId;
                do {
                    versionId = String.format("%08x", random.nextInt());
                } while (!usedIds.add(versionId));
                clock = clock.plusSeconds(30 + random.nextInt(600)).withNano(random.nextInt(1_000_000) * 1000);
                String createdAt = pythonIsoformat(clock);

                boolean telemanom = modelType.equals("telemanom");
                Map<String, Object> validation = new LinkedHashMap<>();
                int mode = versionCounter % 7 == 3 ? 1 : versionCounter % 7 == 5 && versionCounter % 2 == 0 ? 2 : 0;
                if (mode == 0) {
                    validation.put("validation_performed", true);
                } else if (mode == 1) {
                    validation.put("validation_performed", false);
                } // mode 2: an older file without validation_performed
                boolean validated = ValidationGate.passes(Attributes.of(validation));
                Double anomalyRate = null;
                Double r2 = null;
                Double mape = null;
                if (telemanom) {
                    anomalyRate = random.nextInt(10) == 0 ? 0.0 : random.nextDouble() * 0.15;
                    validation.put("validation_samples", 500 + random.nextInt(5000));
                    validation.put("anomalies_detected", (int) Math.round(anomalyRate * 1000));
                    validation.put("anomaly_rate", anomalyRate);
                    validation.put("mean_error", random.nextDouble());
                    validation.put("threshold", 0.5 + random.nextDouble() * 2);
                } else {
                    r2 = random.nextDouble() * 1.2 - 0.2;
                    mape = random.nextDouble() * 150;
                    validation.put("validation_sequences", 1 + random.nextInt(20));
                    double mae = random.nextDouble();
                    double mse = mae * mae * (1 + random.nextDouble());
                    validation.put("mae", mae);
                    validation.put("mse", mse);
                    validation.put("rmse", Math.sqrt(mse));
                    validation.put("mape", mape);
                    validation.put("r2_score", r2);
                    validation.put("forecast_horizon_tested", 12);
                    validation.put("validation_quality", r2 > 0.5 ? "good" : "needs_improvement");
                }
                double score = SCORING.score(Attributes.of(validation));
                if (!validated) {
                    unvalidated++;
                }
                boolean wins = active == null || score > best; // R5: strictly better than every earlier version
                if (wins) {
                    active = versionId;
                    best = score;
                }

                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("model_id", modelId);
                meta.put("sensor_id", sensorId);
                meta.put("model_type", modelType);
                meta.put("version", versionId);
                meta.put("created_at", createdAt);
                meta.put("training_config", trainingConfig(telemanom, random));
                Map<String, Object> trainingMetrics = new LinkedHashMap<>();
                trainingMetrics.put("sensor_id", sensorId);
                trainingMetrics.put("training_samples", 1000 + random.nextInt(9000));
                trainingMetrics.put("model_parameters", telemanom ? 80_000 + random.nextInt(20_000) : 219_276);
                trainingMetrics.put("final_loss", random.nextDouble());
                trainingMetrics.put("final_val_loss", random.nextDouble() * 1.5);
                meta.put("training_metrics", trainingMetrics);
                meta.put("validation_metrics", validation);
                meta.put("model_size_bytes", 100_000L + random.nextInt(5_000_000));
                meta.put("training_time_seconds", 10 + random.nextDouble() * 300);
                meta.put("data_hash", String.format("%08x", random.nextInt()));
                meta.put("model_hash", String.format("%016x%016x", random.nextLong(), random.nextLong()));
                meta.put("description", (telemanom ? "Telemanom anomaly detector for " : "Transformer forecaster for ")
                        + subsystemName + (j % 13 == 7 ? " \u2013 r\u00e9entra\u00eenement \u0394" : ""));
                meta.put("tags", versionCounter % 11 == 4 ? null : telemanom
                        ? List.of("telemanom", "anomaly_detection", "lstm", subsystemName.split(" ")[0].toLowerCase())
                        : List.of("transformer", "forecasting", "time_series", subsystemName.split(" ")[0].toLowerCase()));
                meta.put("is_active", wins);
                meta.put("performance_score", score);
                writeJson(metadataDir.resolve(versionId + ".json"), meta);

                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("version_id", versionId);
                entry.put("created_at", createdAt);
                entry.put("performance_score", score);
                entry.put("is_active", true);
                indexVersions.add(entry);
                versionsIndex.put(versionId, "data\\models\\registry\\metadata\\" + versionId + ".json");
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("sensor_id", sensorId);
            model.put("model_type", modelType);
            model.put("active_version", active);
            model.put("versions", indexVersions);
            modelsIndex.put(modelId, model);
        }
        writeJson(registryDir.resolve(LegacyRegistryReader.MODELS_INDEX), modelsIndex);
        writeJson(registryDir.resolve(LegacyRegistryReader.VERSIONS_INDEX), versionsIndex);
        return new Summary(registryDir, models, models * versionsPerModel, unvalidated);
    }

    private static Map<String, Object> trainingConfig(boolean telemanom, Random random) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (telemanom) {
            c.put("sequence_length", 250);
            c.put("lstm_units", List.of(80, 80));
            c.put("dropout_rate", 0.3);
            c.put("epochs", 35);
            c.put("batch_size", 70);
            c.put("learning_rate", 0.001);
            c.put("validation_split", 0.2);
            c.put("error_smoothing_window", 30);
            c.put("threshold_percentile", 99.5);
        } else {
            c.put("sequence_length", 48);
            c.put("forecast_horizon", 12);
            c.put("d_model", 64);
            c.put("num_heads", 4);
            c.put("num_layers", 2);
            c.put("dff", 256);
            c.put("dropout_rate", 0.1);
            c.put("epochs", 10 + random.nextInt(3) * 10);
            c.put("batch_size", 16);
            c.put("learning_rate", 0.001);
            c.put("validation_split", 0.1);
            c.put("patience", 5);
        }
        return c;
    }

    /** Python's {@code datetime.isoformat()} of a naive datetime: 6 fraction digits, none when 0. */
    static String pythonIsoformat(LocalDateTime t) {
        String s = t.format(SECONDS);
        int micros = t.getNano() / 1000;
        return micros == 0 ? s : s + String.format(".%06d", micros);
    }

    // ------------------------------------------------------------------ Python json.dumps(indent=2)

    private static void writeJson(Path file, Object value) throws IOException {
        StringBuilder sb = new StringBuilder(2048);
        appendJson(sb, value, 0);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write(sb.toString());
        }
    }

    private static void appendJson(StringBuilder sb, Object value, int level) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            appendString(sb, s);
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            sb.append(pythonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            sb.append(n);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, level + 1);
                appendString(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                appendJson(sb, e.getValue(), level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, level + 1);
                appendJson(sb, o, level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void indent(StringBuilder sb, int level) {
        for (int i = 0; i < level; i++) {
            sb.append("  ");
        }
    }

    /** Python's ensure_ascii escaping: everything outside space..~ becomes an escape. */
    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Python's float repr: NaN/Infinity literals, fixed notation for 1e-4 <= |x| < 1e16, else 1e-05 style. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - bd.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return String.format("%s%se%s%02d", sign, mantissa, exponent < 0 ? "-" : "+", Math.abs(exponent));
    }
}
