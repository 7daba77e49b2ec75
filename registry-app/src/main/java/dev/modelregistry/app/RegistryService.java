package dev.modelregistry.app;

import dev.modelregistry.app.query.RegistryQueries;
import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.artifact.ArtifactStore;
import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionIdGenerator;
import dev.modelregistry.domain.scoring.ScoringPolicy;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link ModelRegistry} as two sets of use cases (CQRS): the writes ({@link RegistryWrites})
 * change data only through the aggregate, its repository and a unit of work; the reads
 * ({@link RegistryReads}) answer from the query ports alone. The rules live in the domain.
 * Every call is observed by the {@link RegistryListener}s added ({@link RegistryListeners}).
 */
public final class RegistryService implements ModelRegistry {

    private final RegistryWrites writes;
    private final RegistryReads reads;
    private final ScoringPolicy scoring;
    private final String location;
    private final AutoCloseable resources;
    private final RegistryFeed feed;
    private final RegistryListeners listeners = new RegistryListeners();

    /**
     * @param repository and {@code unitOfWork}: the aggregate's side, for the writes
     * @param queries    the read side, for every read
     * @param location   shown in statistics (the database file or URL)
     * @param resources  closed by {@link #close()} (the database), may be null
     */
    public RegistryService(ModelRepository repository, UnitOfWork unitOfWork, RegistryQueries queries,
                           ArtifactStore artifacts, ScoringWeights weights, VersionIdGenerator versionIds, Clock clock,
                           String location, AutoCloseable resources) {
        this(repository, unitOfWork, queries, artifacts, weights, versionIds, clock, location, resources, null);
    }

    /** @param changeFeed the change feed; null: a registry without one (its feed methods fail) */
    public RegistryService(ModelRepository repository, UnitOfWork unitOfWork, RegistryQueries queries,
                           ArtifactStore artifacts, ScoringWeights weights, VersionIdGenerator versionIds, Clock clock,
                           String location, AutoCloseable resources, ChangeFeed changeFeed) {
        this(repository, unitOfWork, queries, artifacts, weights, versionIds, clock, location, resources, changeFeed,
                RegistrySettings.defaults().defaultNote());
    }

    /**
     * @param defaultNote the note of a promotion, delete or alias change made without one
     *                    ({@link RegistrySettings#defaultNote()})
     */
    public RegistryService(ModelRepository repository, UnitOfWork unitOfWork, RegistryQueries queries,
                           ArtifactStore artifacts, ScoringWeights weights, VersionIdGenerator versionIds, Clock clock,
                           String location, AutoCloseable resources, ChangeFeed changeFeed, ChangeNote defaultNote) {
        this.feed = new RegistryFeed(changeFeed, location);
        this.scoring = new ScoringPolicy(weights);
        this.writes = new RegistryWrites(repository, unitOfWork, artifacts, scoring, versionIds, clock, listeners,
                changeFeed == null ? (sensorId, modelType) -> { } : changeFeed::ownEditCommitted,
                Objects.requireNonNull(defaultNote, "defaultNote"));
        unitOfWork.observeCommits(listeners::committedTogether);
        this.reads = new RegistryReads(queries, location);
        this.location = location;
        this.resources = resources;
    }

    @Override
    public String registerModel(ModelRegistration registration) {
        return listeners.call(RegistryOperation.REGISTER_MODEL, () -> writes.registerModel(registration));
    }

    @Override
    public Optional<ModelVersionDetails> getModelMetadata(String versionId) {
        return listeners.call(RegistryOperation.GET_MODEL_METADATA, () -> reads.getModelMetadata(versionId));
    }

    @Override
    public Optional<DataLineageDetails> getDataLineage(String versionId) {
        return listeners.call(RegistryOperation.GET_DATA_LINEAGE, () -> reads.getDataLineage(versionId));
    }

    @Override
    public Optional<String> getActiveModelVersion(String sensorId, String modelType) {
        return listeners.lookup(RegistryOperation.GET_ACTIVE_MODEL_VERSION,
                () -> reads.getActiveModelVersion(sensorId, modelType));
    }

    @Override
    public Optional<ModelVersionDetails> getActiveModel(String sensorId, String modelType) {
        return listeners.lookup(RegistryOperation.GET_ACTIVE_MODEL, () -> reads.getActiveModel(sensorId, modelType));
    }

    @Override
    public Optional<ModelVersionDetails> resolve(String uri) {
        return listeners.lookup(RegistryOperation.RESOLVE, () -> reads.resolve(uri));
    }

    @Override
    public void setAlias(String versionId, String alias, ChangeNote note) {
        listeners.run(RegistryOperation.SET_ALIAS, () -> writes.setAlias(versionId, alias, note));
    }

    @Override
    public void removeAlias(String sensorId, String modelType, String alias, ChangeNote note) {
        listeners.run(RegistryOperation.REMOVE_ALIAS, () -> writes.removeAlias(sensorId, modelType, alias, note));
    }

    @Override
    public Optional<ModelVersionDetails> getVersionByAlias(String sensorId, String modelType, String alias) {
        return listeners.call(RegistryOperation.GET_VERSION_BY_ALIAS,
                () -> reads.getVersionByAlias(sensorId, modelType, alias));
    }

    @Override
    public Map<String, String> listAliases(String sensorId, String modelType) {
        return listeners.call(RegistryOperation.LIST_ALIASES, () -> reads.listAliases(sensorId, modelType));
    }

    @Override
    public List<ModelSummary> listModels() {
        return listModels(ModelFilter.all());
    }

    @Override
    public List<ModelSummary> listModels(String modelType) {
        return listModels(ModelFilter.all().type(modelType));
    }

    @Override
    public List<ModelSummary> listModels(ModelFilter filter) {
        return listeners.call(RegistryOperation.LIST_MODELS, () -> reads.listModels(filter));
    }

    @Override
    public List<VersionSummary> listVersions(String sensorId, String modelType) {
        return listVersions(sensorId, modelType, false);
    }

    @Override
    public List<VersionSummary> listVersions(String sensorId, String modelType, boolean includeArchived) {
        return listeners.call(RegistryOperation.LIST_VERSIONS,
                () -> reads.listVersions(sensorId, modelType, includeArchived));
    }

    @Override
    public List<VersionSummary> listVersionsOfSensor(String sensorId) {
        return listeners.call(RegistryOperation.LIST_VERSIONS_OF_SENSOR, () -> reads.listVersionsOfSensor(sensorId));
    }

    @Override
    public List<VersionSummary> listVersionsScoredAtLeast(double minimumScore) {
        return listeners.call(RegistryOperation.LIST_VERSIONS_SCORED_AT_LEAST,
                () -> reads.listVersionsScoredAtLeast(minimumScore));
    }

    @Override
    public VersionPage searchVersions(VersionQuery query) {
        return listeners.call(RegistryOperation.SEARCH_VERSIONS, () -> reads.searchVersions(query));
    }

    @Override
    public void promoteVersion(String versionId, ChangeNote note) {
        listeners.run(RegistryOperation.PROMOTE_VERSION, () -> writes.promoteVersion(versionId, note));
    }

    @Override
    public boolean holdActiveVersion(String sensorId, String modelType, ChangeNote note) {
        return listeners.call(RegistryOperation.HOLD_ACTIVE_VERSION,
                () -> writes.holdActiveVersion(sensorId, modelType, note));
    }

    @Override
    public HoldReleaseResult releaseHold(String sensorId, String modelType, ChangeNote note) {
        return listeners.call(RegistryOperation.RELEASE_HOLD, () -> writes.releaseHold(sensorId, modelType, note));
    }

    @Override
    public DeletionReport deleteVersion(String versionId, boolean force, boolean deleteArtifacts, ChangeNote note) {
        return listeners.call(RegistryOperation.DELETE_VERSION,
                () -> writes.deleteVersion(versionId, force, deleteArtifacts, note));
    }

    @Override
    public ArchiveReport archiveVersion(String versionId, boolean force, ChangeNote note) {
        return listeners.call(RegistryOperation.ARCHIVE_VERSION, () -> writes.archiveVersion(versionId, force, note));
    }

    @Override
    public boolean unarchiveVersion(String versionId, ChangeNote note) {
        return listeners.call(RegistryOperation.UNARCHIVE_VERSION, () -> writes.unarchiveVersion(versionId, note));
    }

    @Override
    public int cleanupOldVersions(int keepLastN) {
        return listeners.call(RegistryOperation.CLEANUP_OLD_VERSIONS, () -> writes.cleanupOldVersions(keepLastN));
    }

    @Override
    public CleanupReport cleanupOldVersions(int keepLastN, boolean deleteArtifacts, CleanupProgress progress) {
        return listeners.call(RegistryOperation.CLEANUP_OLD_VERSIONS,
                () -> writes.cleanupOldVersions(keepLastN, CleanupMode.DELETE, deleteArtifacts, progress));
    }

    @Override
    public CleanupReport cleanupOldVersions(int keepLastN, CleanupMode mode, CleanupProgress progress) {
        return listeners.call(RegistryOperation.CLEANUP_OLD_VERSIONS,
                () -> writes.cleanupOldVersions(keepLastN, mode, false, progress));
    }

    @Override
    public CleanupReport previewCleanup(int keepLastN) {
        return previewCleanup(keepLastN, CleanupMode.DELETE);
    }

    @Override
    public CleanupReport previewCleanup(int keepLastN, CleanupMode mode) {
        return listeners.call(RegistryOperation.PREVIEW_CLEANUP, () -> writes.previewCleanup(keepLastN, mode));
    }

    @Override
    public void setModelTag(String sensorId, String modelType, String key, String value) {
        listeners.run(RegistryOperation.SET_MODEL_TAG, () -> writes.editModel(sensorId, modelType,
                (model, at) -> model.tag(key, value, at)));
    }

    @Override
    public void removeModelTag(String sensorId, String modelType, String key) {
        listeners.run(RegistryOperation.REMOVE_MODEL_TAG, () -> writes.editModel(sensorId, modelType,
                (model, at) -> model.untag(key, at)));
    }

    @Override
    public void setVersionTag(String versionId, String key, String value) {
        listeners.run(RegistryOperation.SET_VERSION_TAG, () -> writes.editVersion(versionId,
                (model, id, at) -> model.tagVersion(id, key, value, at)));
    }

    @Override
    public void removeVersionTag(String versionId, String key) {
        listeners.run(RegistryOperation.REMOVE_VERSION_TAG, () -> writes.editVersion(versionId,
                (model, id, at) -> model.untagVersion(id, key, at)));
    }

    @Override
    public void updateModelDescription(String sensorId, String modelType, String text) {
        listeners.run(RegistryOperation.UPDATE_MODEL_DESCRIPTION, () -> writes.editModel(sensorId, modelType,
                (model, at) -> model.describe(text, at)));
    }

    @Override
    public void updateVersionDescription(String versionId, String text) {
        listeners.run(RegistryOperation.UPDATE_VERSION_DESCRIPTION, () -> writes.editVersion(versionId,
                (model, id, at) -> model.describeVersion(id, text, at)));
    }

    @Override
    public RegistryStats getRegistryStats() {
        return listeners.call(RegistryOperation.GET_REGISTRY_STATS, reads::getRegistryStats);
    }

    @Override
    public List<ActivationEntry> getActivationHistory(String sensorId, String modelType) {
        return listeners.call(RegistryOperation.GET_ACTIVATION_HISTORY,
                () -> reads.getActivationHistory(sensorId, modelType));
    }

    @Override
    public Optional<String> getActiveModelVersionAt(String sensorId, String modelType, Instant instant) {
        return getActiveVersionAt(sensorId, modelType, instant).versionId().map(VersionId::value);
    }

    @Override
    public ActiveVersionAt getActiveVersionAt(String sensorId, String modelType, Instant instant) {
        return listeners.call(RegistryOperation.GET_ACTIVE_VERSION_AT,
                () -> reads.getActiveVersionAt(sensorId, modelType, instant));
    }

    @Override
    public List<ActivationEvent> activationChangesSince(long cursor, int limit) {
        return listeners.call(RegistryOperation.ACTIVATION_CHANGES_SINCE,
                () -> feed.activationChangesSince(cursor, limit));
    }

    @Override
    public AutoCloseable onActivationChange(Consumer<ActivationEvent> listener) {
        return listeners.call(RegistryOperation.ON_ACTIVATION_CHANGE, () -> feed.onActivationChange(listener));
    }

    @Override
    public AutoCloseable onActivationChange(long afterCursor, Consumer<ActivationEvent> listener) {
        return listeners.call(RegistryOperation.ON_ACTIVATION_CHANGE,
                () -> feed.onActivationChange(afterCursor, listener));
    }

    @Override
    public AutoCloseable addListener(RegistryListener listener) {
        return listeners.add(listener);
    }

    @Override
    public ScoringWeights scoringWeights() {
        return scoring.weights();
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new RegistryUnavailableException("could not close the registry at " + location + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
