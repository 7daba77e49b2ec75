package dev.modelregistry.app.transfer;

import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an export file back into a registry, all or nothing.
 *
 * <ol>
 *   <li>{@link #check}: the whole file is read and every model restored through the domain
 *       ({@code Model.restore}), without a database: format, truncation, every rule of the
 *       aggregate, and ids unique across the file. Nothing is opened or written.</li>
 *   <li>{@link #into}: the file is read again inside one transaction; models are added
 *       {@value #MODELS_PER_BATCH} at a time (flushed and forgotten, so memory stays bounded).
 *       A model or version id the target already has stops the import and rolls everything
 *       back: an import only adds models the target lacks, it never merges.</li>
 * </ol>
 * Memory grows with the number of ids in the file (to find duplicates), not with their content.
 */
public final class RegistryImport {

    static final int MODELS_PER_BATCH = 200;

    private final Path file;
    private final int maxLineBytes;

    public RegistryImport(Path file) {
        this(file, ExportFormat.DEFAULT_MAX_LINE_BYTES);
    }

    RegistryImport(Path file, int maxLineBytes) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads and checks the whole file without a database. */
    public TransferSummary check() {
        Map<String, Long> modelLines = new HashMap<>();
        Map<String, Long> versionLines = new HashMap<>();
        return new ExportReader(file, maxLineBytes).read((model, line) -> {
            Long earlier = modelLines.putIfAbsent(model.id().value(), line);
            if (earlier != null) {
                throw twice("model " + model.id(), line, earlier);
            }
            for (ModelVersion version : model.versions()) {
                Long before = versionLines.putIfAbsent(version.id().value(), line);
                if (before != null) {
                    throw twice("version " + version.id(), line, before);
                }
            }
        });
    }

    /**
     * Adds the file's models to the registry in one transaction. The file is read and checked
     * again inside it (it may have changed since {@link #check}); a problem rolls everything back.
     * Call {@link #check} first to refuse a bad file before opening (or creating) the registry.
     */
    public TransferSummary into(ModelRepository repository, UnitOfWork unitOfWork) {
        return unitOfWork.execute(() -> {
            Batch batch = new Batch(repository, unitOfWork);
            TransferSummary summary = new ExportReader(file, maxLineBytes).read(batch::add);
            batch.flush();
            return summary;
        });
    }

    private ExportFileException twice(String what, long line, long earlier) {
        return new ExportFileException(file, line, what + " appears twice (first on line " + earlier + ")", null);
    }

    /** Models waiting to be saved, checked against the target a batch at a time (a few queries, not one per model). */
    private final class Batch {
        private final ModelRepository repository;
        private final UnitOfWork unitOfWork;
        private final Map<Model, Long> pending = new LinkedHashMap<>();

        Batch(ModelRepository repository, UnitOfWork unitOfWork) {
            this.repository = repository;
            this.unitOfWork = unitOfWork;
        }

        void add(Model model, long line) {
            Long earlier = pending.putIfAbsent(model, line);
            if (earlier != null) {
                throw twice("model " + model.id(), line, earlier);
            }
            if (pending.size() >= MODELS_PER_BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            refuseExisting();
            pending.keySet().forEach(repository::save);
            unitOfWork.checkpoint();
            pending.clear();
        }

        private void refuseExisting() {
            Map<ModelId, Long> modelLines = new HashMap<>();
            Map<VersionId, Long> versionLines = new HashMap<>();
            pending.forEach((model, line) -> {
                modelLines.put(model.id(), line);
                model.versions().forEach(version -> {
                    if (versionLines.putIfAbsent(version.id(), line) != null) {
                        throw twice("version " + version.id(), line, versionLines.get(version.id()));
                    }
                });
            });
            List<Model> existingModels = repository.findAllWithVersions(modelLines.keySet());
            if (!existingModels.isEmpty()) {
                ModelId first = existingModels.get(0).id();
                throw new ImportConflictException("model " + first, modelLines.get(first));
            }
            Set<VersionId> existingVersions = repository.findExistingVersionIds(versionLines.keySet());
            if (!existingVersions.isEmpty()) {
                VersionId first = existingVersions.stream().min(Comparator.comparing(VersionId::value)).orElseThrow();
                throw new ImportConflictException("version " + first, versionLines.get(first));
            }
        }
    }
}
