package dev.modelregistry.app;

import dev.modelregistry.domain.InvalidRetentionException;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.artifact.ArtifactFingerprint;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.artifact.ArtifactStore;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.HoldRelease;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionIdGenerator;
import dev.modelregistry.domain.model.VersionSpec;
import dev.modelregistry.domain.scoring.ScoringPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The write use cases (register, promote, delete, archive, cleanup): each loads the aggregate through
 * {@link ModelRepository} inside one unit of work, asks it to act, and returns what changed. They
 * never use the read side's query ports: every change goes through the aggregate. After the
 * commit they tell the {@link RegistryListeners} what was registered and which active versions
 * changed, and why.
 */
final class RegistryWrites {

    private final ModelRepository repository;
    private final UnitOfWork unitOfWork;
    private final ArtifactStore artifacts;
    private final ScoringPolicy scoring;
    private final VersionIdGenerator versionIds;
    private final Clock clock;
    private final RegistryListeners listeners;
    private final BiConsumer<String, String> edited;
    private final ChangeNote defaultNote;

    /** @param defaultNote the note of a promotion, delete or alias change made without one (null) */
    RegistryWrites(ModelRepository repository, UnitOfWork unitOfWork, ArtifactStore artifacts, ScoringPolicy scoring,
                   VersionIdGenerator versionIds, Clock clock, RegistryListeners listeners,
                   BiConsumer<String, String> edited, ChangeNote defaultNote) {
        this.repository = repository;
        this.unitOfWork = unitOfWork;
        this.artifacts = artifacts;
        this.scoring = scoring;
        this.versionIds = versionIds;
        this.clock = clock;
        this.listeners = listeners;
        this.edited = edited;
        this.defaultNote = defaultNote;
    }

    private ChangeNote orDefault(ChangeNote note) {
        return note == null ? defaultNote : note;
    }

    String registerModel(ModelRegistration registration) {
        long started = System.nanoTime();
        SensorId sensorId = SensorId.of(registration.sensorId());
        ModelType modelType = ModelType.of(registration.modelType());
        String modelPath = registration.modelPath() == null ? null
                : artifacts.storedForm(registration.modelPath().toString());
        ArtifactFingerprint fingerprint = modelPath == null ? ArtifactFingerprint.ABSENT : artifacts.fingerprint(modelPath);
        VersionSpec spec = new VersionSpec(modelPath, Attributes.of("training_config", registration.trainingConfig()),
                Attributes.of("training_metrics", registration.trainingMetrics()),
                Attributes.of("validation_metrics", registration.validationMetrics()),
                fingerprint.sizeBytes(), registration.trainingTimeSeconds(), fingerprint.sha256(),
                registration.description(), Tags.of(registration.tags()), lineageOf(registration));
        VersionId versionId = versionIds.nextId();
        boolean won = unitOfWork.execute(() -> {
            Instant now = now();
            Model model = Model.forPair(sensorId, modelType, repository.findById(ModelId.of(sensorId, modelType)), now);
            model.register(versionId, spec, scoring, now);
            repository.save(model);
            return model.activeVersionId().filter(versionId::equals).isPresent();
        });
        listeners.registered(versionId.value(), sensorId.value(), modelType.value(), started);
        if (won) {
            listeners.activated(RegistryOperation.REGISTER_MODEL, sensorId.value(), modelType.value(), versionId.value(),
                    ActivationReason.REGISTERED, null);
        }
        return versionId.value();
    }

    private static DataLineage lineageOf(ModelRegistration registration) {
        if (registration.dataHash() == null) {
            return null;
        }
        return DataLineage.of(registration.dataHash(), registration.dataSource(), registration.dataStartDate(),
                registration.dataEndDate(), registration.numSamples());
    }

    void promoteVersion(String versionId, ChangeNote note) {
        VersionId id = VersionId.of(versionId);
        ChangeNote recorded = orDefault(note);
        Optional<Model> changed = unitOfWork.execute(() -> {
            Model model = owner(id);
            return model.promote(id, recorded, now()) ? Optional.of(model) : Optional.<Model>empty();
        });
        changed.ifPresent(model -> listeners.activated(RegistryOperation.PROMOTE_VERSION, model.sensorId().value(),
                model.modelType().value(), versionId, ActivationReason.PROMOTED, recorded));
    }

    /** An edit of the version's model (R13): the cache of active versions forgets the model after the commit. */
    void setAlias(String versionId, String alias, ChangeNote note) {
        Alias name = Alias.of(alias);
        ChangeNote recorded = orDefault(note);
        editVersion(versionId, (model, id, at) -> model.assignAlias(name, id, recorded, at));
    }

    /** An edit of the model (R13), as {@link #setAlias}. */
    void removeAlias(String sensorId, String modelType, String alias, ChangeNote note) {
        Alias name = Alias.of(alias);
        ChangeNote recorded = orDefault(note);
        editModel(sensorId, modelType, (model, at) -> model.removeAlias(name, recorded, at));
    }

    /** An edit of a model's own description or tags. */
    interface ModelEdit {
        void apply(Model model, Instant at);
    }

    /** An edit of one version's description or tags, made by its model. */
    interface VersionEdit {
        void apply(Model model, VersionId versionId, Instant at);
    }

    /**
     * Edits the (sensor, type) model in one unit of work; never changes its active version. After
     * the commit, {@code edited} hears of the model (the cache of active versions forgets it).
     */
    void editModel(String sensorId, String modelType, ModelEdit edit) {
        changeModel(sensorId, modelType, (model, at) -> {
            edit.apply(model, at);
            return null;
        });
    }

    /** Changes the (sensor, type) model in one unit of work, as {@link #editModel}, and returns what the change answered. */
    private <T> T changeModel(String sensorId, String modelType, BiFunction<Model, Instant, T> change) {
        SensorId sensor = SensorId.of(sensorId);
        ModelType type = ModelType.of(modelType);
        T answer = unitOfWork.execute(() -> {
            Model model = repository.findByPair(sensor, type)
                    .orElseThrow(() -> new ModelNotFoundException(ModelId.of(sensor, type).value()));
            return change.apply(model, now());
        });
        edited.accept(sensor.value(), type.value());
        return answer;
    }

    /** Holds the model's active version (R14), with {@code note} (or the default) on the entry; false when it was held already. */
    boolean holdActiveVersion(String sensorId, String modelType, ChangeNote note) {
        ChangeNote recorded = orDefault(note);
        return changeModel(sensorId, modelType, (model, at) -> model.holdActiveVersion(recorded, at));
    }

    /** Releases the model's hold (R14); listeners hear of the change of its active version, if any. */
    HoldReleaseResult releaseHold(String sensorId, String modelType, ChangeNote note) {
        ChangeNote recorded = orDefault(note);
        HoldRelease release = changeModel(sensorId, modelType, (model, at) -> model.releaseHold(recorded, at));
        if (release.changed()) {
            listeners.activated(RegistryOperation.RELEASE_HOLD, sensorId, modelType, release.activeVersion().value(),
                    ActivationReason.RELEASE_REELECTED, recorded);
        }
        return new HoldReleaseResult(ModelId.of(SensorId.of(sensorId), ModelType.of(modelType)).value(),
                release.heldVersion().value(), release.activeVersion().value(), release.changed());
    }

    /** Edits one version through its model in one unit of work, as {@link #editModel}. */
    void editVersion(String versionId, VersionEdit edit) {
        VersionId id = VersionId.of(versionId);
        Model model = unitOfWork.execute(() -> {
            Model owner = owner(id);
            edit.apply(owner, id, now());
            return owner;
        });
        edited.accept(model.sensorId().value(), model.modelType().value());
    }

    DeletionReport deleteVersion(String versionId, boolean force, boolean deleteArtifacts, ChangeNote note) {
        VersionId id = VersionId.of(versionId);
        ChangeNote recorded = orDefault(note);
        record Deleted(Optional<String> modelPath, Optional<String> activeAfter, boolean wasActive, SensorId sensorId,
                       ModelType modelType) {
        }
        Deleted deleted = unitOfWork.execute(() -> {
            Model model = owner(id);
            boolean wasActive = model.activeVersionId().filter(id::equals).isPresent();
            ModelVersion removed = model.deleteVersion(id, force, recorded, now());
            return new Deleted(removed.modelPath(), model.activeVersionId().map(VersionId::value), wasActive,
                    model.sensorId(), model.modelType());
        });
        if (deleted.wasActive()) {
            listeners.activated(RegistryOperation.DELETE_VERSION, deleted.sensorId().value(), deleted.modelType().value(),
                    deleted.activeAfter().orElse(null), deleted.activeAfter().isPresent()
                            ? ActivationReason.REELECTED : ActivationReason.LAST_VERSION_DELETED, recorded);
        }
        Optional<ArtifactRemoval> removal = deleteArtifacts
                ? deleted.modelPath().map(path -> removeArtifactsUnlessShared(List.of(path)).get(0))
                : Optional.empty();
        return new DeletionReport(versionId, deleted.activeAfter(), removal);
    }

    /**
     * Archives a version (R15) through its model, its entries carrying {@code note} (null: the
     * default note); after a forced archive of the active version the listeners hear of the
     * re-election (REELECTED).
     */
    ArchiveReport archiveVersion(String versionId, boolean force, ChangeNote note) {
        VersionId id = VersionId.of(versionId);
        ChangeNote recorded = orDefault(note);
        record Archived(boolean changed, boolean wasActive, Optional<String> activeAfter, SensorId sensorId,
                        ModelType modelType) {
        }
        Archived archived = unitOfWork.execute(() -> {
            Model model = owner(id);
            boolean wasActive = model.activeVersionId().filter(id::equals).isPresent();
            boolean changed = model.archive(id, force, recorded, now());
            return new Archived(changed, wasActive, model.activeVersionId().map(VersionId::value), model.sensorId(),
                    model.modelType());
        });
        if (archived.wasActive()) {
            listeners.activated(RegistryOperation.ARCHIVE_VERSION, archived.sensorId().value(),
                    archived.modelType().value(), archived.activeAfter().orElseThrow(), ActivationReason.REELECTED,
                    recorded);
        }
        return new ArchiveReport(versionId, archived.changed(), archived.activeAfter(), archived.wasActive());
    }

    /**
     * Puts an archived version back into elections (R15); when its model had no active version it
     * becomes active and the listeners hear of it (REELECTED). Returns false when it was not archived.
     */
    boolean unarchiveVersion(String versionId, ChangeNote note) {
        VersionId id = VersionId.of(versionId);
        ChangeNote recorded = orDefault(note);
        record Unarchived(boolean changed, boolean activated, SensorId sensorId, ModelType modelType) {
        }
        Unarchived unarchived = unitOfWork.execute(() -> {
            Model model = owner(id);
            boolean hadActive = model.activeVersionId().isPresent();
            boolean changed = model.unarchive(id, recorded, now());
            return new Unarchived(changed, changed && !hadActive, model.sensorId(), model.modelType());
        });
        if (unarchived.activated()) {
            listeners.activated(RegistryOperation.UNARCHIVE_VERSION, unarchived.sensorId().value(),
                    unarchived.modelType().value(), versionId, ActivationReason.REELECTED, recorded);
        }
        return unarchived.changed();
    }

    /**
     * R8: files go only after the commit, and only when they are none of the registry's own
     * and no remaining version's artifact is the same object, contains them or lies inside them.
     */
    private List<ArtifactRemoval> removeArtifactsUnlessShared(List<String> modelPaths) {
        if (modelPaths.isEmpty()) {
            return List.of();
        }
        Set<String> stillReferenced = unitOfWork.read(repository::findDistinctModelPaths); // once per commit
        return modelPaths.stream().map(path -> artifacts.remove(path, stillReferenced)).toList();
    }

    int cleanupOldVersions(int keepLastN) {
        return cleanupOldVersions(keepLastN, CleanupMode.DELETE, false, CleanupProgress.SILENT).removedCount();
    }

    /** What a cleanup in {@code mode} would delete or archive: in archive mode, not the versions archived already. */
    CleanupReport previewCleanup(int keepLastN, CleanupMode mode) {
        List<ModelId> candidates = cleanupCandidates(keepLastN);
        List<VersionSummary> victims = unitOfWork.read(() -> repository.findAllWithVersions(candidates).stream()
                .flatMap(model -> model.retentionVictims(keepLastN).stream())
                .filter(version -> mode == CleanupMode.DELETE || !version.isArchived()).map(Views::summary).toList());
        long models = victims.stream().map(VersionSummary::modelId).distinct().count();
        return new CleanupReport(keepLastN, true, Math.toIntExact(models), victims, List.of(), mode);
    }

    /**
     * Keeps the active, the aliased and the newest {@code keepLastN} versions of every model and
     * deletes or archives ({@code mode}) the rest, one model per transaction; {@code deleteArtifacts}
     * only with {@link CleanupMode#DELETE} (the port never asks an archiving cleanup for it).
     */
    CleanupReport cleanupOldVersions(int keepLastN, CleanupMode mode, boolean deleteArtifacts, CleanupProgress progress) {
        List<ModelId> candidates = cleanupCandidates(keepLastN);
        List<VersionSummary> removed = new ArrayList<>();
        List<ArtifactRemoval> artifactRemovals = new ArrayList<>();
        int models = 0;
        for (int i = 0; i < candidates.size(); i++) {
            ModelId modelId = candidates.get(i);
            List<VersionSummary> deleted = unitOfWork.execute(() -> repository.findById(modelId)
                    .map(model -> (mode == CleanupMode.ARCHIVE ? model.archiveAllButNewest(keepLastN, defaultNote, now())
                            : model.retainNewest(keepLastN, now())).stream().map(Views::summary).toList())
                    .orElse(List.of()));
            removed.addAll(deleted);
            models += deleted.isEmpty() ? 0 : 1;
            if (deleteArtifacts) {
                artifactRemovals.addAll(removeArtifactsUnlessShared(
                        deleted.stream().map(VersionSummary::modelPath).filter(Objects::nonNull).distinct().toList()));
            }
            progress.advanced(i + 1, candidates.size(), removed.size());
        }
        return new CleanupReport(keepLastN, false, models, removed, artifactRemovals, mode);
    }

    /** The models with more versions than kept: the only ones a cleanup can change. */
    private List<ModelId> cleanupCandidates(int keepLastN) {
        if (keepLastN < 1) {
            throw new InvalidRetentionException(keepLastN);
        }
        return unitOfWork.read(() -> repository.findIdsWithMoreVersionsThan(keepLastN));
    }

    private Model owner(VersionId versionId) {
        return repository.findByVersion(versionId).orElseThrow(() -> new VersionNotFoundException(versionId.value()));
    }

    /** Instants are kept to the microsecond, the precision both databases store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
