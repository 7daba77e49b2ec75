package dev.modelregistry.app;

import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The registry's public port: what a backend or the CLI asks of it. Every method runs in its
 * own transaction; rule violations are thrown as subclasses of
 * {@link dev.modelregistry.domain.RegistryException}; lookups return {@link Optional}; results
 * are immutable views, never live entities.
 *
 * <p>Python names, for readers of the old guide: {@code register_model} is
 * {@link #registerModel}, {@code get_model_metadata} {@link #getModelMetadata},
 * {@code get_data_lineage} {@link #getDataLineage}, {@code get_active_model_version}
 * {@link #getActiveModelVersion}, {@code list_models} {@link #listModels()},
 * {@code list_versions} {@link #listVersions}, {@code promote_version} {@link #promoteVersion},
 * {@code delete_version} {@link #deleteVersion}, {@code cleanup_old_versions}
 * {@link #cleanupOldVersions}, {@code get_registry_stats} {@link #getRegistryStats}.
 *
 * <p>Who and why (README, "Who and why"): every change of an active version or an alias made by
 * hand ({@link #promoteVersion(String, ChangeNote)}, {@link #deleteVersion(String, boolean, boolean, ChangeNote)},
 * {@link #setAlias(String, String, ChangeNote)}, {@link #removeAlias(String, String, String, ChangeNote)})
 * records a {@link ChangeNote} in its history entries. The methods without a note, and a
 * {@code null} note, record the registry's default one: the actor
 * {@link RegistrySettings#defaultActor()} ({@value RegistrySettings#DEFAULT_ACTOR} unless set),
 * without reason or reference.
 */
public interface ModelRegistry extends AutoCloseable {

    /**
     * Registers a new version and returns its id (12 lowercase hex characters). The artifact at
     * the model path is fingerprinted first (size, SHA-256); a path that is neither a regular
     * file nor a folder (a device, a FIFO), or that cannot be read, is refused with
     * {@link dev.modelregistry.domain.InvalidArtifactException} and nothing is written.
     */
    String registerModel(ModelRegistration registration);

    Optional<ModelVersionDetails> getModelMetadata(String versionId);

    Optional<DataLineageDetails> getDataLineage(String versionId);

    Optional<String> getActiveModelVersion(String sensorId, String modelType);

    /**
     * What a service needs to load the active model, in one call and one query: the active
     * version's details with its lineage ({@link ModelVersionDetails#dataLineage()}) and since
     * when it is active ({@link ModelVersionDetails#activeSince()}); empty when the model does not
     * exist or has no versions.
     */
    Optional<ModelVersionDetails> getActiveModel(String sensorId, String modelType);

    /**
     * {@link #getVersionByAlias} by a URI for configuration files:
     * {@code models:/{modelType}/{sensorId}@{alias}}, reserved characters percent-encoded
     * ({@code models:/telemanom/pump%207@active}); {@code @active} is {@link #getActiveModel}.
     *
     * @throws dev.modelregistry.domain.InvalidModelUriException   a malformed URI
     * @throws dev.modelregistry.domain.InvalidIdentifierException an id or alias that breaks its rule
     */
    Optional<ModelVersionDetails> resolve(String uri);

    /**
     * Makes {@code alias} name the version (R13; README "Governance"): {@code challenger},
     * {@code shadow}, {@code last-known-good}, ... An alias names at most one version of its model:
     * one that named another version of it now names this one (one step). Setting it on the
     * version it already names changes nothing.
     *
     * @throws dev.modelregistry.domain.ReservedAliasException     for {@code active}, which always names the active version
     * @throws dev.modelregistry.domain.InvalidIdentifierException an alias that breaks the alias rule
     * @throws dev.modelregistry.domain.VersionNotFoundException   an unknown version
     */
    default void setAlias(String versionId, String alias) {
        setAlias(versionId, alias, null);
    }

    /** {@link #setAlias(String, String)}, its history entry carrying {@code note} (null: the default note). */
    void setAlias(String versionId, String alias, ChangeNote note);

    /**
     * Removes the model's alias (R13); the version it named stays.
     *
     * @throws dev.modelregistry.domain.ReservedAliasException for {@code active}
     * @throws dev.modelregistry.domain.AliasNotFoundException the model has no such alias
     * @throws dev.modelregistry.domain.ModelNotFoundException no such model
     */
    default void removeAlias(String sensorId, String modelType, String alias) {
        removeAlias(sensorId, modelType, alias, null);
    }

    /** {@link #removeAlias(String, String, String)}, its history entry carrying {@code note} (null: the default note). */
    void removeAlias(String sensorId, String modelType, String alias, ChangeNote note);

    /**
     * The details of the version the model's {@code alias} names ({@code active}: the active
     * version, as {@link #getActiveModel}); empty when there is no such model or alias.
     */
    Optional<ModelVersionDetails> getVersionByAlias(String sensorId, String modelType, String alias);

    /**
     * The model's aliases and the version ids they name, ordered by alias, without the reserved
     * {@code active} ({@link #getActiveModelVersion}).
     *
     * @throws dev.modelregistry.domain.ModelNotFoundException no such model
     */
    Map<String, String> listAliases(String sensorId, String modelType);

    List<ModelSummary> listModels();

    List<ModelSummary> listModels(String modelType);

    /** The models the filter selects (by type and/or sensor), ordered by model id. */
    List<ModelSummary> listModels(ModelFilter filter);

    /** Versions of a model that are not archived (R15), newest first; empty when the model does not exist. */
    List<VersionSummary> listVersions(String sensorId, String modelType);

    /** Versions of a model, newest first, the archived ones (R15) too when {@code includeArchived}. */
    List<VersionSummary> listVersions(String sensorId, String modelType, boolean includeArchived);

    /**
     * Versions of every model of the sensor (all types) that are not archived (R15), by model id, each model's newest first;
     * throws {@link dev.modelregistry.domain.SensorNotFoundException} when no model has this sensor.
     */
    List<VersionSummary> listVersionsOfSensor(String sensorId);

    /** Versions of all models scored at least {@code minimumScore}, best first; not the archived ones (R15). */
    List<VersionSummary> listVersionsScoredAtLeast(double minimumScore);

    /**
     * One page of the versions the query selects, in its order (README "Searching versions"):
     * filters by sensor, model type, tag, score range, creation time range, data hash, data
     * source, training-data period and active only, archived versions (R15) only when asked
     * ({@link VersionQuery.Builder#includeArchived()}); by creation time or score, either direction,
     * ties by version id. Continue with {@link VersionPage#nextPageToken()}; paging is by keyset,
     * so versions registered meanwhile never make a page skip or repeat one.
     *
     * @throws dev.modelregistry.domain.InvalidPageTokenException the token is garbage or belongs to another search
     */
    VersionPage searchVersions(VersionQuery query);

    /** Makes the version active (R6), recording the default note. */
    default void promoteVersion(String versionId) {
        promoteVersion(versionId, null);
    }

    /**
     * Makes the version active (R6); the PROMOTED entry carries {@code note} (null: the default
     * note). Promoting the active version records nothing (during a hold, R14,
     * the hold stays, on the promoted version).
     */
    void promoteVersion(String versionId, ChangeNote note);

    /**
     * Holds the model's active version (R14; README "Holds"): until {@link #releaseHold}, a
     * registration that would have become active is stored without taking over (the history
     * records {@code WOULD_HAVE_BECOME_ACTIVE}). A promotion keeps the hold, on the promoted
     * version; a forced delete of the held version ends it. The details and listings show it
     * ({@link ModelVersionDetails#heldSince()}, {@link ModelSummary#heldSince()}).
     *
     * The {@code HOLD_STARTED} entry carries {@code note} (who and why; null: the default note).
     *
     * @return false, changing nothing, when the model was already held
     * @throws dev.modelregistry.domain.NothingToHoldException the model has no versions
     * @throws dev.modelregistry.domain.ModelNotFoundException no such model
     */
    boolean holdActiveVersion(String sensorId, String modelType, ChangeNote note);

    /** {@link #holdActiveVersion(String, String, ChangeNote)}, recording the default note. */
    default boolean holdActiveVersion(String sensorId, String modelType) {
        return holdActiveVersion(sensorId, modelType, null);
    }

    /**
     * Releases the model's hold (R14): the version that would be active without the hold (the
     * rules applied to everything that happened during it) becomes active. Its entries
     * ({@code HOLD_RELEASED}, {@code RELEASE_REELECTED}) carry {@code note} (null: the default note).
     *
     * @return the version held, the one active now and whether that changed
     * @throws dev.modelregistry.domain.HoldNotFoundException  the model is not held
     * @throws dev.modelregistry.domain.ModelNotFoundException no such model
     */
    HoldReleaseResult releaseHold(String sensorId, String modelType, ChangeNote note);

    /** {@link #releaseHold(String, String, ChangeNote)}, recording the default note. */
    default HoldReleaseResult releaseHold(String sensorId, String modelType) {
        return releaseHold(sensorId, modelType, null);
    }

    /**
     * Deletes a version (R7); with {@code deleteArtifacts} also its files, after the commit and
     * only when they lie inside the artifact root, are none of the registry's own files
     * (database, registry folder, legacy registries, migration backups) and share nothing with
     * another version's artifact, compared as file system objects (R8; README "Artifact deletion
     * guarantees"). A refused or failed removal is reported in the {@link DeletionReport}; the
     * deletion in the database stays committed. Records the default note.
     */
    default DeletionReport deleteVersion(String versionId, boolean force, boolean deleteArtifacts) {
        return deleteVersion(versionId, force, deleteArtifacts, null);
    }

    /**
     * {@link #deleteVersion(String, boolean, boolean)}; every entry the delete records (the
     * re-election or last-version entry, the removal of each of the version's aliases) carries
     * {@code note} (null: the default note).
     */
    DeletionReport deleteVersion(String versionId, boolean force, boolean deleteArtifacts, ChangeNote note);

    /**
     * Archives a version instead of deleting it (R15, README "Governance", "Archive"): it keeps
     * its row, lineage and history, leaves the elections (a registration is compared with the
     * versions that are not archived; re-elections never choose it), loses its aliases and is left
     * out of default listings and searches; {@link #getModelMetadata} still finds it. The active
     * version needs {@code force}: the best other version in elections takes over (REELECTED);
     * the last version in elections is never archived. Every history entry it writes carries
     * {@code note} (null: none). Archiving an archived version changes nothing
     * ({@link ArchiveReport#archived()} false).
     *
     * @throws dev.modelregistry.domain.ActiveVersionArchiveException the active version without
     *         force, or no other version in elections
     * @throws dev.modelregistry.domain.VersionNotFoundException      no such version
     */
    ArchiveReport archiveVersion(String versionId, boolean force, ChangeNote note);

    /** {@link #archiveVersion(String, boolean, ChangeNote)} without a note. */
    default ArchiveReport archiveVersion(String versionId, boolean force) {
        return archiveVersion(versionId, force, null);
    }

    /**
     * Puts an archived version back into elections (R15, UNARCHIVED; {@code note} null: none): it
     * does not take over, unless its model had no active version. Returns false when it was not
     * archived.
     */
    boolean unarchiveVersion(String versionId, ChangeNote note);

    /** Keeps the active and the newest {@code keepLastN} versions of every model (R9); returns how many were deleted. */
    int cleanupOldVersions(int keepLastN);

    /**
     * Keeps the active and the newest {@code keepLastN} versions of every model (R9), one model
     * per transaction; with {@code deleteArtifacts} also the deleted versions' files, after each
     * model's commit and only when no remaining version uses them (R8).
     */
    CleanupReport cleanupOldVersions(int keepLastN, boolean deleteArtifacts, CleanupProgress progress);

    /**
     * A cleanup (R9) that deletes ({@link CleanupMode#DELETE}, without artifacts) or archives
     * ({@link CleanupMode#ARCHIVE}, R15) the versions it does not keep; either way it keeps the
     * active, the aliased and the newest {@code keepLastN} versions of every model (archived ones
     * count among the newest and are not archived again).
     */
    CleanupReport cleanupOldVersions(int keepLastN, CleanupMode mode, CleanupProgress progress);

    /** What {@link #cleanupOldVersions(int)} would delete now, deleting nothing. */
    CleanupReport previewCleanup(int keepLastN);

    /** What a cleanup in {@code mode} would delete or archive now, changing nothing. */
    CleanupReport previewCleanup(int keepLastN, CleanupMode mode);

    /**
     * Sets tag {@code key} of the (sensor, type) model to {@code value} (README, "Governance"):
     * a new key is added last, a present one takes the new value. The key: 1 to 256 characters,
     * not blank, without {@code =} or control characters; the value: at most 5000 characters,
     * empty allowed, no control characters but tab and line breaks; at most 128 tags. Refused with
     * {@link dev.modelregistry.domain.InvalidVersionDataException} naming the field and value,
     * {@link dev.modelregistry.domain.ModelNotFoundException} when there is no such model. The
     * active version and the history stay; {@code updated_at} advances.
     */
    void setModelTag(String sensorId, String modelType, String key, String value);

    /** Removes tag {@code key} of the model; nothing changes when it has none. */
    void removeModelTag(String sensorId, String modelType, String key);

    /**
     * Sets tag {@code key} of the version to {@code value}, under the rules of
     * {@link #setModelTag}; today's list-of-strings tags are keys without a value and can be
     * given one. Searchable at once ({@link VersionQuery.Builder#tag(String, String)}).
     *
     * @throws dev.modelregistry.domain.VersionNotFoundException no such version
     */
    void setVersionTag(String versionId, String key, String value);

    /** Removes tag {@code key} of the version (with or without a value); nothing changes when it has none. */
    void removeVersionTag(String versionId, String key);

    /** Replaces the model's description; null or blank clears it. Free text within the value limits. */
    void updateModelDescription(String sensorId, String modelType, String text);

    /** Replaces the version's description; null or blank clears it. */
    void updateVersionDescription(String versionId, String text);

    RegistryStats getRegistryStats();

    /** Every change of the model's active version, oldest first (R10). */
    List<ActivationEntry> getActivationHistory(String sensorId, String modelType);

    /** The version that was active for the model at {@code instant} (R10); empty when none was or it is unknown. */
    Optional<String> getActiveModelVersionAt(String sensorId, String modelType, Instant instant);

    /**
     * Which version was active for the model at {@code instant} (R10): a version, none, or
     * unknown because the instant lies before the model's history was migrated from a registry
     * that kept none (with the time of the migration).
     */
    ActiveVersionAt getActiveVersionAt(String sensorId, String modelType, Instant instant);

    /**
     * Up to {@code limit} (1..1000) changes of active versions with a cursor above {@code cursor}
     * ({@code 0}: from the first), in commit order (README, "Change feed"). To read on, pass the
     * last cursor returned; cursors survive restarts and grow, though not by one.
     *
     * @throws dev.modelregistry.domain.InvalidFeedRequestException a negative cursor or a limit outside 1..1000
     */
    List<ActivationEvent> activationChangesSince(long cursor, int limit);

    /**
     * Calls {@code listener} with every change of an active version committed from now on, by
     * this process (at once after the commit) or by another (SQLite: within about 0.1 s,
     * PostgreSQL: within milliseconds, at most 0.25 s when a notification is lost), each once and
     * in commit order, on the registry's feed thread ({@code registry-activation-feed}). A
     * listener that throws is logged and keeps receiving; closing the returned handle stops
     * delivery to it; closing the registry stops the thread.
     */
    AutoCloseable onActivationChange(Consumer<ActivationEvent> listener);

    /**
     * As {@link #onActivationChange(Consumer)}, starting after {@code afterCursor}: the changes
     * already committed after it come first (to resume where a previous run stopped).
     *
     * @throws dev.modelregistry.domain.InvalidFeedRequestException a negative cursor
     */
    AutoCloseable onActivationChange(long afterCursor, Consumer<ActivationEvent> listener);

    /**
     * Adds a listener that hears every call from now on: registrations, activations by reason,
     * lookups of the active model with their latency, failures by operation, group-commit batch
     * sizes (README, "Observability"). It is called on the caller's thread after the call's
     * outcome is known; one that throws is logged and never changes a call's outcome. Closing the
     * returned handle removes it.
     */
    AutoCloseable addListener(RegistryListener listener);

    ScoringWeights scoringWeights();

    @Override
    void close();
}
