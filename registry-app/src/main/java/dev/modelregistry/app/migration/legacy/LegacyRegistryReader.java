package dev.modelregistry.app.migration.legacy;

import dev.modelregistry.app.artifact.ArtifactPaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a legacy JSON registry folder (written by the platform's Python {@code ModelRegistry})
 * without ever writing to it.
 *
 * <pre>
 * &lt;registry&gt;/models_index.json     {model_id: {sensor_id, model_type, active_version, versions: [{version_id, ...}]}}
 * &lt;registry&gt;/versions_index.json   {version_id: "&lt;path, possibly Windows&gt;"}   (keys checked, paths never followed)
 * &lt;registry&gt;/metadata/&lt;version_id&gt;.json
 * </pre>
 *
 * <p>Bad data never throws: every problem becomes a {@link LegacyProblem} and the version it
 * concerns is left out of the models, so that a skip-mode import can take the rest. The only
 * exception is {@link LegacyRegistryNotFoundException}, when the folder itself is missing.
 *
 * <p>{@link #read(Path)} returns the whole registry in memory (compact: about 1 KB per
 * typical version); {@link #forEachModel(Path, Consumer)} and
 * {@link #forEachVersion(Path, Consumer)} stream it one model at a time for registries too big
 * for that. Instances are immutable and thread-safe.
 */
public final class LegacyRegistryReader {

    public static final String MODELS_INDEX = "models_index.json";
    public static final String VERSIONS_INDEX = "versions_index.json";
    public static final String METADATA_DIR = "metadata";

    /** Legacy metadata files are a few KB; anything this large is not one. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** Safe as a file name on every platform (no separators, no "..", no control characters), and at most 64 characters like the domain's VersionId. */
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final ZoneId legacyZone;
    private final Path modelsRoot;

    /**
     * @param legacyZone the zone the Python platform ran in: its naive {@code created_at}
     *                   timestamps are local times of this zone
     * @param modelsRoot where artifacts live by convention ({@code <modelsRoot>/<model_type>/<sensor_id>});
     *                   used for model_path when a metadata file has none, and the base of a
     *                   relative model_path (never the current folder). Usually the parent of
     *                   the registry folder ({@code data/models} for {@code data/models/registry}).
     *                   Every model path read is returned in the registry's stored form: absolute
     *                   and canonical ({@link ArtifactPaths#storedForm}), so it does not depend on
     *                   how the folders were spelled.
     */
    public LegacyRegistryReader(ZoneId legacyZone, Path modelsRoot) {
        this.legacyZone = Objects.requireNonNull(legacyZone, "legacyZone");
        this.modelsRoot = Objects.requireNonNull(modelsRoot, "modelsRoot");
    }

    /**
     * The conventional models root of a registry folder: the parent of its real path
     * ({@code /srv/platform/data/models} for {@code data/models/registry} read in
     * {@code /srv/platform}), so the model paths derived from it do not depend on how the
     * registry folder was spelled.
     */
    public static Path defaultModelsRoot(Path registryDir) {
        Path absolute = registryDir.toAbsolutePath();
        try {
            absolute = absolute.toRealPath();
        } catch (IOException missing) {
            absolute = absolute.normalize();
        }
        return absolute.getParent() != null ? absolute.getParent() : absolute;
    }

    public ZoneId legacyZone() {
        return legacyZone;
    }

    public Path modelsRoot() {
        return modelsRoot;
    }

    /**
     * Reads the whole registry.
     *
     * @throws LegacyRegistryNotFoundException if {@code registryDir} does not exist or is not a folder
     */
    public LegacyRegistry read(Path registryDir) {
        List<LegacyModel> models = new ArrayList<>();
        List<LegacyProblem> problems = forEachModel(registryDir, models::add);
        return new LegacyRegistry(registryDir, models, problems);
    }

    /**
     * Streams the registry one model at a time (with its readable versions), in
     * models_index.json order, and returns every problem found. Only one model's versions are
     * held at a time.
     *
     * @throws LegacyRegistryNotFoundException if {@code registryDir} does not exist or is not a folder
     */
    public List<LegacyProblem> forEachModel(Path registryDir, Consumer<? super LegacyModel> action) {
        Objects.requireNonNull(action, "action");
        return new Scan(registryDir).run(action);
    }

    /**
     * Streams every readable version, in models_index.json order, and returns every problem
     * found (including those of the versions that were not passed to {@code action}).
     *
     * @throws LegacyRegistryNotFoundException if {@code registryDir} does not exist or is not a folder
     */
    public List<LegacyProblem> forEachVersion(Path registryDir, Consumer<? super LegacyVersion> action) {
        Objects.requireNonNull(action, "action");
        return forEachModel(registryDir, model -> model.versions().forEach(action));
    }

    /** A model entry of models_index.json that is usable, reduced to what the scan needs. */
    private record IndexModel(String modelId, String sensorId, String modelType, String activeVersion,
                              boolean activeVersionInvalid, List<String> versionIds) {
    }

    /** The state of one read: not shared between threads. */
    private final class Scan {
        private final Path modelsIndex;
        private final Path versionsIndex;
        private final Path metadataDir;
        private final List<LegacyProblem> problems = new ArrayList<>();
        private final LegacyJson.Canonicalizer strings = new LegacyJson.Canonicalizer();
        private final ArtifactPaths artifactPaths = new ArtifactPaths();

        Scan(Path registryDir) {
            Objects.requireNonNull(registryDir, "registryDir");
            if (!Files.exists(registryDir)) {
                throw LegacyRegistryNotFoundException.missing(registryDir);
            }
            if (!Files.isDirectory(registryDir)) {
                throw LegacyRegistryNotFoundException.notAFolder(registryDir);
            }
            this.modelsIndex = registryDir.resolve(MODELS_INDEX);
            this.versionsIndex = registryDir.resolve(VERSIONS_INDEX);
            this.metadataDir = registryDir.resolve(METADATA_DIR);
        }

        List<LegacyProblem> run(Consumer<? super LegacyModel> action) {
            JsonNode modelsRootNode = readIndex(modelsIndex);
            if (modelsRootNode == null) {
                readIndex(versionsIndex);
                return List.copyOf(problems);
            }
            Map<String, Integer> listedCount = new HashMap<>();
            List<IndexModel> indexModels = parseModelsIndex(modelsRootNode, listedCount);
            modelsRootNode = null; // the tree is garbage from here on

            Set<String> duplicates = reportDuplicates(indexModels, listedCount);
            checkVersionsIndex(indexModels, listedCount);
            reportOrphans(listedCount.keySet());

            for (IndexModel m : indexModels) {
                action.accept(readModel(m, duplicates));
            }
            return List.copyOf(problems);
        }

        // ---------------------------------------------------------------- index files

        /** Reads and parses an index file; null (with a problem recorded) when unusable. */
        private JsonNode readIndex(Path file) {
            if (!Files.exists(file)) {
                problem(LegacyProblem.Kind.MISSING_INDEX, file, null, null,
                        file + " is missing: a legacy registry needs " + file.getFileName() + ".");
                return null;
            }
            byte[] bytes = readBytes(file, null, null);
            if (bytes == null) {
                return null;
            }
            JsonNode root = parseJson(file, bytes, null, null);
            if (root == null) {
                return null;
            }
            if (!root.isObject()) {
                problem(LegacyProblem.Kind.INVALID_FIELD, file, null, null,
                        file + " must hold a JSON object at its top level, but holds " + LegacyJson.show(root) + ".");
                return null;
            }
            return root;
        }

        private List<IndexModel> parseModelsIndex(JsonNode root, Map<String, Integer> listedCount) {
            List<IndexModel> result = new ArrayList<>(root.size());
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                String modelId = e.getKey();
                JsonNode entry = e.getValue();
                if (!entry.isObject()) {
                    invalidIndex(modelId, null, "model '" + modelId + "'", entry, "must be a JSON object");
                    continue;
                }
                String sensorId = indexIdentifier(modelId, entry, "sensor_id");
                String modelType = indexIdentifier(modelId, entry, "model_type");
                JsonNode versions = entry.get("versions");
                boolean usable = sensorId != null && modelType != null;
                if (versions == null || !versions.isArray()) {
                    invalidIndex(modelId, null, "versions of model '" + modelId + "'", versions, "must be a list");
                    usable = false;
                }
                if (usable && !modelId.equals(modelType + "_" + sensorId)) {
                    problem(LegacyProblem.Kind.INVALID_FIELD, modelsIndex, modelId, null,
                            modelsIndex + ": model key '" + modelId + "' is not model_type + '_' + sensor_id ('"
                                    + modelType + "_" + sensorId + "').");
                    usable = false;
                }
                List<String> versionIds = new ArrayList<>();
                if (versions != null && versions.isArray()) {
                    for (JsonNode v : versions) {
                        JsonNode id = v.isObject() ? v.get("version_id") : null;
                        if (id == null || !id.isTextual() || !VERSION_ID.matcher(id.textValue()).matches()) {
                            invalidIndex(modelId, null, "version_id in the versions of model '" + modelId + "'",
                                    id == null ? v : id, "must be a version id (letters, digits, '_', '.', '-')");
                            continue;
                        }
                        String versionId = id.textValue();
                        listedCount.merge(versionId, 1, Integer::sum);
                        versionIds.add(versionId);
                    }
                }
                if (!usable) {
                    continue;
                }
                JsonNode active = entry.get("active_version");
                boolean activeInvalid = false;
                String activeVersion = null;
                if (active != null && active.isTextual() && VERSION_ID.matcher(active.textValue()).matches()) {
                    activeVersion = active.textValue();
                } else if (active != null && !active.isNull()) {
                    invalidIndex(modelId, null, "active_version of model '" + modelId + "'", active,
                            "must be a version id or null");
                    activeInvalid = true;
                }
                result.add(new IndexModel(strings.of(modelId), strings.of(sensorId), strings.of(modelType),
                        activeVersion, activeInvalid, versionIds));
            }
            return result;
        }

        /** sensor_id / model_type: a string (whether the domain accepts it is ImportedVersion.of's decision, R1). */
        private String indexIdentifier(String modelId, JsonNode entry, String field) {
            JsonNode node = entry.get(field);
            if (node == null || !node.isTextual()) {
                invalidIndex(modelId, null, field + " of model '" + modelId + "'", node, "must be a string");
                return null;
            }
            return node.textValue();
        }

        private void invalidIndex(String modelId, String versionId, String what, JsonNode value, String rule) {
            problem(LegacyProblem.Kind.INVALID_FIELD, modelsIndex, modelId, versionId,
                    modelsIndex + ": " + what + " " + rule + ", but is " + LegacyJson.show(value) + ".");
        }

        private Set<String> reportDuplicates(List<IndexModel> models, Map<String, Integer> listedCount) {
            Set<String> duplicates = new HashSet<>();
            for (Map.Entry<String, Integer> e : listedCount.entrySet()) {
                if (e.getValue() > 1) {
                    duplicates.add(e.getKey());
                }
            }
            if (duplicates.isEmpty()) {
                return duplicates;
            }
            Map<String, List<String>> owners = new LinkedHashMap<>();
            for (IndexModel m : models) {
                for (String id : m.versionIds()) {
                    if (duplicates.contains(id)) {
                        owners.computeIfAbsent(id, k -> new ArrayList<>()).add(m.modelId());
                    }
                }
            }
            for (String id : duplicates) {
                owners.putIfAbsent(id, new ArrayList<>()); // listed twice only under unusable models
            }
            for (Map.Entry<String, List<String>> e : owners.entrySet()) {
                String id = e.getKey();
                List<String> in = e.getValue();
                problem(LegacyProblem.Kind.DUPLICATE_VERSION_ID, modelsIndex, in.isEmpty() ? null : in.get(0), id,
                        modelsIndex + ": version_id '" + id + "' is listed " + listedCount.get(id)
                                + " times (under " + (in.isEmpty() ? "unusable model entries" : String.join(", ", in))
                                + "); none of its entries is imported.");
            }
            return duplicates;
        }

        /** versions_index.json is only compared by key: its paths (often Windows paths) are never followed. */
        private void checkVersionsIndex(List<IndexModel> models, Map<String, Integer> listedCount) {
            JsonNode root = readIndex(versionsIndex);
            if (root == null) {
                return;
            }
            Set<String> indexed = new HashSet<>(root.size() * 2);
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                indexed.add(e.getKey());
                if (!listedCount.containsKey(e.getKey())) {
                    problem(LegacyProblem.Kind.VERSIONS_INDEX_MISMATCH, versionsIndex, null, e.getKey(),
                            versionsIndex + ": entry '" + e.getKey() + "' names a version that no model of "
                                    + MODELS_INDEX + " lists.");
                }
            }
            for (IndexModel m : models) {
                for (String id : m.versionIds()) {
                    if (!indexed.contains(id)) {
                        problem(LegacyProblem.Kind.VERSIONS_INDEX_MISMATCH, versionsIndex, m.modelId(), id,
                                versionsIndex + " has no entry for version '" + id + "' of model '" + m.modelId()
                                        + "', which " + MODELS_INDEX + " lists.");
                    }
                }
            }
        }

        private void reportOrphans(Set<String> listed) {
            if (!Files.isDirectory(metadataDir)) {
                return; // every listed version will be reported as MISSING_METADATA
            }
            List<Path> orphans = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(metadataDir, "*.json")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    String id = name.substring(0, name.length() - ".json".length());
                    if (!listed.contains(id)) {
                        orphans.add(file);
                    }
                }
            } catch (IOException | RuntimeException e) {
                problem(LegacyProblem.Kind.UNREADABLE_FILE, metadataDir, null, null,
                        "Folder " + metadataDir + " cannot be listed: " + describe(e) + ".");
                return;
            }
            orphans.sort(null);
            for (Path file : orphans) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                problem(LegacyProblem.Kind.ORPHAN_METADATA, file, null, id,
                        file + " is mentioned by no model of " + MODELS_INDEX + " (version '" + id + "').");
            }
        }

        // ---------------------------------------------------------------- models and versions

        private LegacyModel readModel(IndexModel m, Set<String> duplicates) {
            String derivedPath = null;
            List<LegacyVersion> versions = new ArrayList<>(m.versionIds().size());
            for (String id : m.versionIds()) {
                if (duplicates.contains(id)) {
                    continue;
                }
                if (derivedPath == null) {
                    derivedPath = derivedPath(m);
                }
                LegacyVersion v = readVersion(m, id, derivedPath);
                if (v != null) {
                    versions.add(v);
                }
            }
            checkActiveVersion(m, versions);
            return new LegacyModel(m.modelId(), m.sensorId(), m.modelType(), m.activeVersion(), versions);
        }

        /** {@code <modelsRoot>/<model_type>/<sensor_id>}; the raw strings when they do not form a path (the domain refuses such ids). */
        private String derivedPath(IndexModel m) {
            try {
                return artifactPaths.storedForm(modelsRoot, Path.of(m.modelType()).resolve(m.sensorId()).toString());
            } catch (java.nio.file.InvalidPathException notAPath) {
                return modelsRoot + "/" + m.modelType() + "/" + m.sensorId();
            }
        }

        private void checkActiveVersion(IndexModel m, List<LegacyVersion> versions) {
            String active = m.activeVersion();
            if (active == null) {
                if (!m.versionIds().isEmpty() || m.activeVersionInvalid()) {
                    problem(LegacyProblem.Kind.MISSING_ACTIVE_VERSION, modelsIndex, m.modelId(), null,
                            modelsIndex + ": model '" + m.modelId() + "' has no usable active_version; "
                                    + "the best imported version will be elected.");
                }
                return;
            }
            boolean readable = versions.stream().anyMatch(v -> v.versionId().equals(active));
            if (readable) {
                return;
            }
            String why = m.versionIds().contains(active)
                    ? "names version '" + active + "', whose metadata has a problem"
                    : "names version '" + active + "', which is not among the model's versions";
            problem(LegacyProblem.Kind.MISSING_ACTIVE_VERSION, modelsIndex, m.modelId(), active,
                    modelsIndex + ": active_version of model '" + m.modelId() + "' " + why
                            + "; the best imported version will be elected.");
        }

        /** Reads metadata/&lt;id&gt;.json; null (with every problem recorded) when it cannot be imported. */
        private LegacyVersion readVersion(IndexModel m, String versionId, String derivedPath) {
            Path file = metadataDir.resolve(versionId + ".json");
            if (!Files.exists(file)) {
                problem(LegacyProblem.Kind.MISSING_METADATA, file, m.modelId(), versionId,
                        file + " is missing: version '" + versionId + "' of model '" + m.modelId()
                                + "' is listed in " + MODELS_INDEX + " but has no metadata file.");
                return null;
            }
            byte[] bytes = readBytes(file, m.modelId(), versionId);
            if (bytes == null) {
                return null;
            }
            JsonNode root = parseJson(file, bytes, m.modelId(), versionId);
            if (root == null) {
                return null;
            }
            return new MetadataFile(file, m, versionId, root).toVersion(derivedPath);
        }

        /** Field-by-field reading of one metadata file, collecting every problem before giving up. */
        private final class MetadataFile {
            private final Path file;
            private final IndexModel model;
            private final String versionId;
            private final JsonNode root;
            private boolean broken;

            MetadataFile(Path file, IndexModel model, String versionId, JsonNode root) {
                this.file = file;
                this.model = model;
                this.versionId = versionId;
                this.root = root;
            }

            LegacyVersion toVersion(String derivedPath) {
                if (!root.isObject()) {
                    invalid("(top level)", root, "must be a JSON object");
                    return null;
                }
                agrees("version", versionId);
                agrees("model_id", model.modelId());
                agrees("sensor_id", model.sensorId());
                agrees("model_type", model.modelType());
                Instant createdAt = createdAt();
                Map<String, Object> trainingConfig = object("training_config");
                Map<String, Object> trainingMetrics = object("training_metrics");
                Map<String, Object> validationMetrics = object("validation_metrics");
                long size = modelSizeBytes();
                Double trainingTime = optionalNumber("training_time_seconds");
                String dataHash = optionalText("data_hash");
                String modelHash = optionalText("model_hash");
                String description = strings.of(optionalText("description"));
                List<String> tags = tags();
                double score = performanceScore();
                String modelPath = modelPath(derivedPath);
                if (broken) {
                    return null;
                }
                return new LegacyVersion(versionId, model.modelId(), model.sensorId(), model.modelType(), createdAt,
                        trainingConfig, trainingMetrics, validationMetrics, size, trainingTime, dataHash, modelHash,
                        description, tags, score, modelPath, file);
            }

            private void agrees(String field, String expected) {
                JsonNode node = root.get(field);
                if (node == null || !node.isTextual()) {
                    invalid(field, node, "must be the string '" + expected + "'");
                } else if (!node.textValue().equals(expected)) {
                    broken = true;
                    problem(LegacyProblem.Kind.METADATA_CONTRADICTS_INDEX, file, model.modelId(), versionId,
                            file + ": field '" + field + "' is " + LegacyJson.show(node) + " but " + MODELS_INDEX
                                    + " says '" + expected + "'.");
                }
            }

            private Instant createdAt() {
                JsonNode node = root.get("created_at");
                if (node == null || !node.isTextual()) {
                    invalid("created_at", node, "must be an ISO-8601 date-time string");
                    return null;
                }
                String text = node.textValue();
                if (text.length() <= 26 && text.indexOf('Z') < 0 && text.indexOf('+') < 0 && text.lastIndexOf('-') < 10) {
                    try { // the usual naive Python timestamp: one strict parse instead of parseBest's two queries
                        return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(legacyZone).toInstant();
                    } catch (DateTimeException notLocal) {
                        // fall through: parseBest reports it as before
                    }
                }
                try {
                    TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                            text, ZonedDateTime::from, LocalDateTime::from);
                    if (t instanceof ZonedDateTime z) {
                        return z.toInstant();
                    }
                    return ((LocalDateTime) t).atZone(legacyZone).toInstant();
                } catch (DateTimeException e) {
                    invalid("created_at", node, "must be an ISO-8601 date-time like 2025-09-30T00:14:30.682965");
                    return null;
                }
            }

            private Map<String, Object> object(String field) {
                JsonNode node = root.get(field);
                if (node == null || node.isNull()) {
                    return JsonObjectMap.empty();
                }
                if (!node.isObject()) {
                    invalid(field, node, "must be a JSON object");
                    return null;
                }
                return LegacyJson.toMap(node, strings);
            }

            private long modelSizeBytes() {
                JsonNode node = root.get("model_size_bytes");
                if (node == null || node.isNull()) {
                    return 0L;
                }
                if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
                    return node.longValue();
                }
                if (node.isFloatingPointNumber()) {
                    double d = node.doubleValue();
                    if (d >= 0 && d <= Long.MAX_VALUE && d == Math.rint(d)) {
                        return (long) d;
                    }
                }
                invalid("model_size_bytes", node, "must be a whole number of bytes >= 0");
                return 0L;
            }

            private Double optionalNumber(String field) {
                JsonNode node = root.get(field);
                if (node == null || node.isNull()) {
                    return null;
                }
                if (!node.isNumber()) {
                    invalid(field, node, "must be a number or null");
                    return null;
                }
                return node.doubleValue();
            }

            private String optionalText(String field) {
                JsonNode node = root.get(field);
                if (node == null || node.isNull()) {
                    return null;
                }
                if (!node.isTextual()) {
                    invalid(field, node, "must be a string or null");
                    return null;
                }
                return node.textValue();
            }

            private List<String> tags() {
                JsonNode node = root.get("tags");
                if (node == null || node.isNull()) {
                    return List.of();
                }
                if (!node.isArray()) {
                    invalid("tags", node, "must be a list of strings or null");
                    return List.of();
                }
                String[] tags = new String[node.size()];
                for (int i = 0; i < tags.length; i++) {
                    JsonNode tag = node.get(i);
                    if (!tag.isTextual()) {
                        invalid("tags", node, "must be a list of strings or null");
                        return List.of();
                    }
                    tags[i] = strings.of(tag.textValue());
                }
                return List.of(tags);
            }

            private double performanceScore() {
                JsonNode node = root.get("performance_score");
                if (node == null || !node.isNumber()) {
                    invalid("performance_score", node, "must be a number");
                    return Double.NaN;
                }
                return node.doubleValue();
            }

            private String modelPath(String derivedPath) {
                JsonNode node = root.get("model_path");
                if (node == null || node.isNull()) {
                    return derivedPath;
                }
                if (!node.isTextual() || node.textValue().isBlank()) {
                    invalid("model_path", node, "must be a non-blank string or null");
                    return derivedPath;
                }
                try {
                    return artifactPaths.storedForm(modelsRoot, node.textValue());
                } catch (InvalidPathException e) {
                    invalid("model_path", node, "must be a path");
                    return derivedPath;
                }
            }

            private void invalid(String field, JsonNode value, String rule) {
                broken = true;
                problem(LegacyProblem.Kind.INVALID_FIELD, file, model.modelId(), versionId,
                        file + ": field '" + field + "' " + rule + ", but is " + LegacyJson.show(value) + ".");
            }
        }

        // ---------------------------------------------------------------- files

        private byte[] readBytes(Path file, String modelId, String versionId) {
            try {
                if (Files.isDirectory(file)) {
                    problem(LegacyProblem.Kind.UNREADABLE_FILE, file, modelId, versionId,
                            file + " cannot be read: it is a folder, not a file.");
                    return null;
                }
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    problem(LegacyProblem.Kind.UNREADABLE_FILE, file, modelId, versionId,
                            file + " cannot be read: it is " + size + " bytes, more than the "
                                    + MAX_FILE_BYTES + " a registry file may have.");
                    return null;
                }
                return Files.readAllBytes(file);
            } catch (IOException | RuntimeException e) {
                problem(LegacyProblem.Kind.UNREADABLE_FILE, file, modelId, versionId,
                        file + " cannot be read: " + describe(e) + ".");
                return null;
            }
        }

        private JsonNode parseJson(Path file, byte[] bytes, String modelId, String versionId) {
            try {
                JsonNode root = LegacyJson.parse(bytes);
                if (root == null) {
                    problem(LegacyProblem.Kind.MALFORMED_JSON, file, modelId, versionId,
                            file + " is not valid JSON: it is empty.");
                }
                return root;
            } catch (JsonProcessingException e) {
                problem(LegacyProblem.Kind.MALFORMED_JSON, file, modelId, versionId,
                        file + " is not valid JSON: " + LegacyJson.describe(e) + ".");
                return null;
            } catch (IOException | RuntimeException e) {
                problem(LegacyProblem.Kind.MALFORMED_JSON, file, modelId, versionId,
                        file + " is not valid JSON: " + describe(e) + ".");
                return null;
            }
        }

        private String describe(Exception e) {
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            String msg = e.getMessage();
            return e.getClass().getSimpleName() + (msg == null ? "" : " (" + msg + ")");
        }

        private void problem(LegacyProblem.Kind kind, Path file, String modelId, String versionId, String message) {
            problems.add(new LegacyProblem(kind, file, modelId, versionId, message));
        }
    }
}
