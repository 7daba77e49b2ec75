package dev.modelregistry.domain.model;

import dev.modelregistry.domain.ActiveVersionArchiveException;
import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.AliasNotFoundException;
import dev.modelregistry.domain.ArchivedVersionException;
import dev.modelregistry.domain.DuplicateVersionException;
import dev.modelregistry.domain.HoldNotFoundException;
import dev.modelregistry.domain.InconsistentModelException;
import dev.modelregistry.domain.InvalidRetentionException;
import dev.modelregistry.domain.MissingDataHashException;
import dev.modelregistry.domain.InvalidVersionDataException;
import dev.modelregistry.domain.ModelIdConflictException;
import dev.modelregistry.domain.NothingToHoldException;
import dev.modelregistry.domain.ReservedAliasException;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.scoring.ScoringPolicy;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aggregate root: the model of one sensor and model type, with all its versions, their
 * lineage and the history of its active version.
 *
 * <p>Invariants, kept by every method of this class and by nothing else:
 * <ul>
 *   <li>It is identified by its (sensor, type) pair; its id is {@code "{model_type}_{sensor_id}"}
 *       (R1, the Python format). A pair whose derived id already belongs to another pair gets
 *       no model: {@link #forPair} refuses it, so no model ever holds two pairs' versions.</li>
 *   <li>A model with versions in elections (versions that are not archived, R15) has exactly
 *       one active version, and it is one of them; a model without versions, or whose versions are
 *       all archived, has none (R5-R7). The choice has one home, this model's {@code active_version}: a version's
 *       {@link ModelVersion#isActive()} is read from it, and the database keeps the
 *       {@code versions.is_active} column equal to it (triggers of the changelog, README
 *       "The active flag and the write path"); the active version's score and since when it is
 *       active (the time of the history entry that chose it) are kept with the choice, so moving
 *       the active version neither loads nor writes a version row, and reading it never searches
 *       the history.</li>
 *   <li>A registered version was validated ({@code validation_performed} is boolean true, R2)
 *       and carries the training pipeline's data hash (R3).</li>
 *   <li>A newly registered version becomes active only when its score is strictly greater
 *       than the best score among ALL other versions of the model in elections (ties keep the
 *       incumbent); the first version, or the first after the last one in elections went, always
 *       becomes active (R5). The best score is kept with the model, so this decision never has to
 *       walk the versions.</li>
 *   <li>The active version is never deleted without force; a forced delete re-elects the
 *       {@link Reelection} winner among the remaining versions in elections (R7), or, for the last
 *       of them, records {@link ActivationReason#LAST_VERSION_DELETED} and leaves the model without
 *       an active version (and without versions, unless archived ones remain).</li>
 *   <li>An archived version ({@link #archive}, R15) keeps its row, lineage and history but is out
 *       of elections: never active, never the best score, never chosen by a re-election, a
 *       migration or a hold's release, never promoted and never named by an alias
 *       ({@link ArchivedVersionException}) until {@link #unarchive}d. The active version is archived
 *       only when forced, and only when another version in elections can take over (REELECTED;
 *       archiving the held version ends the hold as its forced delete does); archiving the last
 *       version in elections is refused, so archiving never leaves a model without an active
 *       version. Archiving records ARCHIVED and removes the version's aliases
 *       (ALIAS_REMOVED_WITH_VERSION); replaying the history's archive entries yields the archived
 *       versions ({@link ArchiveReplay}).</li>
 *   <li>Imported versions belong to this model, have finite recorded scores and ids not yet
 *       present; an import previewed with {@link #previewImport} does exactly what
 *       {@link #importVersions} then does (M4).</li>
 *   <li>Every alias names exactly one existing, not archived version of this model, or nothing
 *       (R13, R15): setting it on a version of another model, an unknown or an archived version is
 *       refused, moving it to
 *       another version is one change, deleting a version removes its aliases, and a cleanup
 *       keeps every aliased version. Every alias change is a history entry beside the active
 *       version (ALIAS_SET, ALIAS_REMOVED, ALIAS_REMOVED_WITH_VERSION), so replaying the history's
 *       alias entries yields the aliases ({@link AliasReplay}). The reserved {@link Alias#ACTIVE} is never stored: it always
 *       names the active version, and setting or removing it is refused.</li>
 *   <li>A hold freezes the active version (R14, {@link #holdActiveVersion}): while it is in place a
 *       registration that would have won (R5) is stored and recorded as
 *       {@link ActivationReason#WOULD_HAVE_BECOME_ACTIVE} but does not take over, and the active
 *       version changes only by a promotion (which keeps the hold, now on the promoted version)
 *       or a forced delete of the held version (which ends the hold, recorded as
 *       {@link ActivationReason#HOLD_ENDED_WITH_VERSION} after the re-election). Whenever a hold
 *       ends, the version active afterwards is exactly the one the rules would have made active
 *       without the hold: the version the last {@code WOULD_HAVE_BECOME_ACTIVE} entry since the
 *       last change of the active version names (a deleted one is re-elected in its place, R7),
 *       or the held one ({@link Hold#releaseWinner()}). A cleanup keeps that version too. Only a
 *       model with an active version can be held; holding a held model changes nothing. The hold
 *       ({@code held_since}) is what the history replays to ({@link HoldReplay}).</li>
 *   <li>Every change of the active version is appended to the history, numbered in order (R10);
 *       entries that change nothing ({@link ActivationReason#changesActiveVersion()} false, the
 *       alias, hold and archive entries) may stand between the changes, and replaying the changes alone yields the
 *       active version.
 *       A history that begins with anything but {@code REGISTERED} was taken over from a registry
 *       that kept none: before its first entry, the active version is unknown.</li>
 *   <li>Every entry of a change made by hand (a promotion, a delete, setting or removing an
 *       alias) carries the {@link ChangeNote} given with it, if any: who made it, why, under which
 *       reference; every entry a delete records carries the delete's note. A note is checked when
 *       it is made and never changes; entries recorded by the rules alone (a registration, an
 *       import) and those written before notes existed carry none.</li>
 *   <li>Descriptions and tags (of the model and of its versions) are edited only here
 *       ({@link #describe}, {@link #tag}, {@link #describeVersion}, {@link #tagVersion}, ...):
 *       an edit never changes the active version or the history; it advances {@code updated_at}
 *       (and so the optimistic lock: two concurrent edits of one model never lose one). Tags keep
 *       the {@link Tags} rules; a description is free text ({@link ValueLimits#requireText}),
 *       null or blank clearing it.</li>
 *   <li>A model handed back whole ({@link #restore}, from an export) must already satisfy all of
 *       these; it is checked, never repaired.</li>
 * </ul>
 * Times are passed in by the caller (UTC instants), so the aggregate stays deterministic.
 * The rules R1-R15 and M1-M8 are written down in {@code docs/rules.md}.
 */
@Entity
@Table(name = "models")
@Access(AccessType.FIELD)
public class Model {

    @Id
    @Column(name = "model_id", nullable = false, updatable = false)
    private String id;

    @Column(name = "sensor_id", nullable = false, updatable = false)
    private String sensorId;

    @Column(name = "model_type", nullable = false, updatable = false)
    private String modelType;

    /** The active version's id: the one home of the choice (compared without loading a version). */
    @Column(name = "active_version")
    private String activeVersionId;

    /**
     * The active version's score, kept with the choice: the history records it as the replaced
     * score when another version takes over, so no change of the active version loads the
     * version it replaces.
     */
    @Column(name = "active_score")
    private Double activeScore;

    /**
     * Since when the active version is active: the time of the history entry that made it
     * active, kept with the choice (null without an active version), so the active version's
     * details never search the history for it.
     */
    @Column(name = "active_since")
    private Instant activeSince;

    @Column(name = "best_score")
    private Double bestScore;

    /** Since when the active version is held (R14); null when the model is not held. */
    @Column(name = "held_since")
    private Instant heldSince;

    @Column(name = "activation_count", nullable = false)
    private int activationCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "description")
    private String description;

    @Embedded
    private TagColumns tags;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @OneToMany(mappedBy = "model", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt ASC")
    private List<ModelVersion> versions = new ArrayList<>();

    @OneToMany(mappedBy = "model", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sequenceNo ASC")
    private List<ActivationChange> history = new ArrayList<>();

    /** The aliases (R13): alias name to the id of the version of this model it names. */
    @ElementCollection
    @CollectionTable(name = "model_aliases", joinColumns = @JoinColumn(name = "model_id"))
    @MapKeyColumn(name = "alias")
    @Column(name = "version_id", nullable = false)
    private Map<String, String> aliases = new HashMap<>();

    /** For JPA only. */
    protected Model() {
    }

    private Model(SensorId sensorId, ModelType modelType, Instant at) {
        this.id = ModelId.of(sensorId, modelType).value();
        this.sensorId = sensorId.value();
        this.modelType = modelType.value();
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** A new model without versions. */
    public static Model create(SensorId sensorId, ModelType modelType, Instant at) {
        return new Model(sensorId, modelType, at);
    }

    /**
     * The model to register the pair's versions into (R1). {@code holderOfId} is the stored
     * model that has the pair's derived id, if any: it is returned when it is this pair's
     * model, and refused with {@link ModelIdConflictException} when it belongs to another pair
     * ({@code "x_a"} + {@code "b"} and {@code "x"} + {@code "a_b"} both derive {@code x_a_b});
     * without one, a new model is created.
     */
    public static Model forPair(SensorId sensorId, ModelType modelType, Optional<Model> holderOfId, Instant at) {
        if (holderOfId.isEmpty()) {
            return create(sensorId, modelType, at);
        }
        Model holder = holderOfId.get();
        if (!holder.isIdentifiedBy(sensorId, modelType)) {
            throw new ModelIdConflictException(ModelId.of(sensorId, modelType).value(), sensorId.value(),
                    modelType.value(), holder.sensorId, holder.modelType);
        }
        return holder;
    }

    /** Whether this is the model of exactly this (sensor, type) pair. */
    public boolean isIdentifiedBy(SensorId sensorId, ModelType modelType) {
        return this.sensorId.equals(sensorId.value()) && this.modelType.equals(modelType.value());
    }

    /**
     * Registers a new version (R2, R3, R5): it must be validated and carry a data hash; its
     * score comes from {@code scoring}; it becomes active when it is the first version or beats
     * the best score of all other versions in elections (archived ones take no part, R15), except
     * during a hold (R14): then the history records that it would have become active.
     */
    public ModelVersion register(VersionId versionId, VersionSpec spec, ScoringPolicy scoring, Instant at) {
        ValidationGate.require(id(), spec.validationMetrics());
        if (spec.lineage() == null) {
            throw new MissingDataHashException(id);
        }
        double score = scoring.score(spec.validationMetrics());
        ModelVersion version = new ModelVersion(this, versionId, spec, score, at, at);
        boolean wins = activeVersionId == null || bestScore == null || score > bestScore;
        add(version);
        if (wins && heldSince != null) {
            recordBeside(version, ActivationReason.WOULD_HAVE_BECOME_ACTIVE, null, at);
        } else if (wins) {
            activate(version, ActivationReason.REGISTERED, null, at);
        }
        updatedAt = at;
        return version;
    }

    /**
     * Takes over versions from a legacy registry as recorded (ids, times, scores; validated or
     * not), then makes {@code recordedActive} the active version (MIGRATED). When that version
     * is not among this model's versions, the {@link Reelection} winner becomes active instead
     * (REELECTED), unless one already is; archived versions (R15) are never chosen. Returns what was done: exactly what
     * {@link #previewImport} announced for the same arguments.
     *
     * @throws InvalidVersionDataException if a version belongs to another model
     * @throws DuplicateVersionException   if a version id is already in this model or given twice
     */
    public ImportPreview importVersions(Collection<ImportedVersion> imported, VersionId recordedActive, Instant at) {
        PlannedImport plan = planImport(imported, recordedActive, at);
        plan.added().forEach(this::add);
        if (plan.preview().activation().isPresent()) {
            activate(plan.activated(), plan.preview().activation().get(), null, at);
        }
        updatedAt = at;
        return plan.preview();
    }

    /**
     * What {@link #importVersions} would do with these arguments, changing nothing: the same
     * checks (the same exceptions) and the same choice of active version (M1, M4).
     */
    public ImportPreview previewImport(Collection<ImportedVersion> imported, VersionId recordedActive) {
        return planImport(imported, recordedActive, updatedAt).preview();
    }

    private record PlannedImport(List<ModelVersion> added, ModelVersion activated, ImportPreview preview) {
    }

    private PlannedImport planImport(Collection<ImportedVersion> imported, VersionId recordedActive, Instant at) {
        Set<VersionId> known = new HashSet<>();
        versions.forEach(version -> known.add(version.id()));
        List<ModelVersion> added = new ArrayList<>();
        for (ImportedVersion source : imported) {
            if (!source.modelId().equals(id())) {
                throw new InvalidVersionDataException("model_id", source.modelId().value(),
                        "of version " + source.id() + " must be " + id + " to be imported into it");
            }
            if (!known.add(source.id())) {
                throw new DuplicateVersionException(source.id().value());
            }
            added.add(new ModelVersion(this, source.id(), source.spec(), source.recordedScore(), source.createdAt(), at));
        }
        List<ModelVersion> after = new ArrayList<>(versions);
        after.addAll(added);
        List<ModelVersion> electable = after.stream().filter(version -> !version.isArchived()).toList();
        Optional<ModelVersion> named = recordedActive == null ? Optional.empty()
                : electable.stream().filter(version -> version.id().equals(recordedActive)).findFirst();
        ModelVersion activated = null;
        ActivationReason reason = null;
        if (named.isPresent()) {
            if (!isActive(named.get())) {
                activated = named.get();
                reason = ActivationReason.MIGRATED;
            }
        } else if (activeVersionId == null && !electable.isEmpty()) {
            activated = Reelection.winner(electable).orElseThrow();
            reason = ActivationReason.REELECTED;
        }
        Optional<VersionId> activeAfter = activated != null ? Optional.of(activated.id()) : activeVersionId();
        return new PlannedImport(List.copyOf(added), activated,
                new ImportPreview(added.size(), activeAfter, Optional.ofNullable(reason)));
    }

    /** Makes any version of this model the active one by hand (R6), without a note: {@link #promote(VersionId, ChangeNote, Instant)}. */
    public boolean promote(VersionId versionId, Instant at) {
        return promote(versionId, null, at);
    }

    /**
     * Makes any version of this model the active one by hand (R6); the PROMOTED entry carries
     * {@code note} (null: none). During a hold (R14) the hold stays, on the promoted version;
     * promoting the held version itself while another would take over on release records, with the
     * note, that it would have become active (the release then keeps it). Returns false (and records
     * nothing) if it already was active and would stay so.
     *
     * @throws ArchivedVersionException when the version is archived (R15)
     */
    public boolean promote(VersionId versionId, ChangeNote note, Instant at) {
        ModelVersion version = electableVersion(versionId, "be promoted");
        if (isActive(version)) {
            if (hold().filter(Hold::releaseChangesActiveVersion).isEmpty()) {
                return false;
            }
            recordBeside(version, ActivationReason.WOULD_HAVE_BECOME_ACTIVE, note, at);
            updatedAt = at;
            return true;
        }
        activate(version, ActivationReason.PROMOTED, note, at);
        updatedAt = at;
        return true;
    }

    /**
     * Deletes a version with its lineage (R7). The active version is refused unless forced; a
     * forced delete re-elects the {@link Reelection} winner among the remaining versions
     * (REELECTED) or, when none remain, records that the last version went (LAST_VERSION_DELETED).
     * During a hold (R14) the forced delete of the held version ends the hold: the version that
     * would have been active without the hold takes over (REELECTED, then HOLD_ENDED_WITH_VERSION);
     * the delete of that version re-elects, in the history, the one that would be active in its place.
     * Re-elections choose among the versions in elections (R15); an archived version is deleted
     * like any inactive one.
     * Returns the deleted version. Records no note.
     */
    public ModelVersion deleteVersion(VersionId versionId, boolean force, Instant at) {
        return deleteVersion(versionId, force, null, at);
    }

    /**
     * {@link #deleteVersion(VersionId, boolean, Instant)}, with {@code note} (null: none) on every
     * entry the delete records: the re-election or last-version entry and the removal of each of
     * the version's aliases. A delete that records nothing (a version neither active nor aliased)
     * keeps no note.
     */
    public ModelVersion deleteVersion(VersionId versionId, boolean force, ChangeNote note, Instant at) {
        ModelVersion version = version(versionId);
        boolean wasActive = isActive(version);
        if (wasActive && !force) {
            boolean othersArchived = versions.stream().allMatch(other -> other == version || other.isArchived());
            throw new ActiveVersionDeletionException(versionId.value(), id, versions.size() == 1, othersArchived);
        }
        Optional<Hold> hold = hold();
        List<Alias> named = remove(List.of(version)).getOrDefault(version, List.of());
        if (wasActive) {
            Optional<ModelVersion> successor = successor(hold, versionId);
            activate(successor.orElse(null), successor.isPresent() ? ActivationReason.REELECTED
                    : ActivationReason.LAST_VERSION_DELETED, note, at);
        } else if (hold.map(Hold::releaseWinner).filter(versionId::equals).isPresent()) {
            recordBeside(successor(hold, versionId).orElseThrow(), ActivationReason.WOULD_HAVE_BECOME_ACTIVE, note, at);
        }
        if (wasActive && hold.isPresent()) {
            heldSince = null;
            recordBeside(version, ActivationReason.HOLD_ENDED_WITH_VERSION, note, at);
        }
        named.forEach(alias -> recordAlias(alias, version, ActivationReason.ALIAS_REMOVED_WITH_VERSION, note, at));
        updatedAt = at;
        return version;
    }

    /**
     * The version that would be active without the hold once {@code deleted} is gone (deleted, or
     * archived: out of elections, R15): the one a release would make active, unless that is the
     * deleted one, else the {@link Reelection} winner among the other versions in elections (R7,
     * R14); empty when none remains.
     */
    private Optional<ModelVersion> successor(Optional<Hold> hold, VersionId deleted) {
        return hold.map(Hold::releaseWinner).filter(winner -> !winner.equals(deleted)).flatMap(this::findVersion)
                .or(() -> Reelection.winner(electable().stream().filter(other -> !other.id().equals(deleted)).toList()));
    }

    /** Holds the active version without a note: {@link #holdActiveVersion(ChangeNote, Instant)}. */
    public boolean holdActiveVersion(Instant at) {
        return holdActiveVersion(null, at);
    }

    /**
     * Holds the active version (R14): from now on a registration that would win is stored without
     * taking over, until {@link #releaseHold}. The HOLD_STARTED entry carries {@code note} (null:
     * none). Returns false, changing nothing, when the model is already held.
     *
     * @throws NothingToHoldException when the model has no versions
     */
    public boolean holdActiveVersion(ChangeNote note, Instant at) {
        if (activeVersionId == null) {
            throw new NothingToHoldException(id);
        }
        if (heldSince != null) {
            return false;
        }
        recordBeside(activeVersion().orElseThrow(), ActivationReason.HOLD_STARTED, note, at);
        heldSince = at;
        updatedAt = at;
        return true;
    }

    /** Releases the hold without a note: {@link #releaseHold(ChangeNote, Instant)}. */
    public HoldRelease releaseHold(Instant at) {
        return releaseHold(null, at);
    }

    /**
     * Releases the hold (R14): the version that would be active without it ({@link Hold#releaseWinner()},
     * the rules R5-R7 applied to everything that happened during the hold) becomes active
     * (HOLD_RELEASED, then RELEASE_REELECTED when that is another version than the held one; both
     * carry {@code note}, null: none).
     *
     * @throws HoldNotFoundException when the model is not held
     */
    public HoldRelease releaseHold(ChangeNote note, Instant at) {
        Hold hold = hold().orElseThrow(() -> new HoldNotFoundException(id));
        recordBeside(version(hold.heldVersion()), ActivationReason.HOLD_RELEASED, note, at);
        heldSince = null;
        if (hold.releaseChangesActiveVersion()) {
            activate(version(hold.releaseWinner()), ActivationReason.RELEASE_REELECTED, note, at);
        }
        updatedAt = at;
        return new HoldRelease(hold.heldVersion(), hold.releaseWinner());
    }

    /** The hold in place (R14), replayed from the history; empty when the model is not held. */
    public Optional<Hold> hold() {
        return heldSince == null ? Optional.empty() : HoldReplay.of(history);
    }

    /**
     * Retention (R9): the versions a cleanup keeping the newest {@code keepLastN} would delete,
     * newest first: every version older than the newest {@code keepLastN}, except the active
     * one, those an alias names (R13) and, during a hold, the one a release would make active
     * (R14). Changes nothing; {@link #retainNewest} deletes exactly these.
     */
    public List<ModelVersion> retentionVictims(int keepLastN) {
        if (keepLastN < 1) {
            throw new InvalidRetentionException(keepLastN);
        }
        if (versions.size() <= keepLastN) {
            return List.of();
        }
        List<ModelVersion> newestFirst = newestFirst();
        Optional<VersionId> releaseWinner = hold().map(Hold::releaseWinner);
        List<ModelVersion> victims = new ArrayList<>();
        for (ModelVersion candidate : newestFirst.subList(keepLastN, newestFirst.size())) {
            if (!isActive(candidate) && !aliases.containsValue(candidate.id().value())
                    && releaseWinner.filter(candidate.id()::equals).isEmpty()) {
                victims.add(candidate);
            }
        }
        return List.copyOf(victims);
    }

    /**
     * Retention (R9): keeps the active version, the aliased ones and the newest {@code keepLastN}
     * versions and deletes the rest ({@link #retentionVictims}). Returns the deleted versions, newest first.
     */
    public List<ModelVersion> retainNewest(int keepLastN, Instant at) {
        List<ModelVersion> victims = retentionVictims(keepLastN);
        if (!victims.isEmpty()) {
            remove(victims);
            updatedAt = at;
        }
        return victims;
    }

    /**
     * Retention by archiving (R9, R15): archives the versions {@link #retainNewest} would delete
     * ({@link #retentionVictims}: never the active, an aliased or, during a hold, the waiting one),
     * except those already archived, each recorded ARCHIVED with {@code note} (null: none).
     * Returns the archived versions, newest first.
     */
    public List<ModelVersion> archiveAllButNewest(int keepLastN, ChangeNote note, Instant at) {
        List<ModelVersion> archived = retentionVictims(keepLastN).stream().filter(version -> !version.isArchived())
                .toList();
        archived.forEach(version -> archive(version.id(), false, note, at));
        return archived;
    }

    /** {@link #archive(VersionId, boolean, ChangeNote, Instant)} without a note. */
    public boolean archive(VersionId versionId, boolean force, Instant at) {
        return archive(versionId, force, null, at);
    }

    /**
     * Archives a version (R15): it keeps its row, lineage and history, leaves the elections (the
     * best score no longer counts it) and loses its aliases (each recorded
     * ALIAS_REMOVED_WITH_VERSION after the ARCHIVED entry). The active version is refused unless
     * forced; forced, the version that takes over is the one a forced delete would choose (the
     * {@link Reelection} winner among the other versions in elections, or during a hold the one
     * its release would make active: the hold then ends, HOLD_ENDED_WITH_VERSION after the
     * REELECTED entry). Archiving the version a hold's release would make active records, like
     * its delete, the one that would take its place (WOULD_HAVE_BECOME_ACTIVE). Every entry it
     * records carries {@code note} (null: none). Returns false (and changes nothing) when it
     * already was archived.
     *
     * @throws ActiveVersionArchiveException for the active version without force, or when no other
     *                                       version is in elections to take over
     * @throws VersionNotFoundException      when the version is not one of this model's
     */
    public boolean archive(VersionId versionId, boolean force, ChangeNote note, Instant at) {
        ModelVersion version = version(versionId);
        if (version.isArchived()) {
            return false;
        }
        boolean wasActive = isActive(version);
        Optional<Hold> hold = hold();
        Optional<ModelVersion> successor = successor(hold, versionId);
        if (wasActive && (!force || successor.isEmpty())) {
            throw new ActiveVersionArchiveException(versionId.value(), id, successor.isEmpty());
        }
        version.archive(at);
        List<Alias> named = dropAliases(version);
        bestScore = bestElectableScore();
        if (wasActive) {
            activate(successor.orElseThrow(), ActivationReason.REELECTED, note, at);
        } else if (hold.map(Hold::releaseWinner).filter(versionId::equals).isPresent()) {
            recordBeside(successor.orElseThrow(), ActivationReason.WOULD_HAVE_BECOME_ACTIVE, note, at);
        }
        if (wasActive && hold.isPresent()) {
            heldSince = null;
            recordBeside(version, ActivationReason.HOLD_ENDED_WITH_VERSION, note, at);
        }
        recordBeside(version, ActivationReason.ARCHIVED, note, at);
        named.forEach(alias -> recordAlias(alias, version, ActivationReason.ALIAS_REMOVED_WITH_VERSION, note, at));
        updatedAt = at;
        return true;
    }

    /** {@link #unarchive(VersionId, ChangeNote, Instant)} without a note. */
    public boolean unarchive(VersionId versionId, Instant at) {
        return unarchive(versionId, null, at);
    }

    /**
     * Puts an archived version back into the elections (R15, UNARCHIVED): its score counts for the
     * best score again, but it does not take over, unless the model has no active version (all its
     * other versions are archived or gone), when it becomes active (REELECTED: the only version in
     * elections). Its entries carry {@code note} (null: none). Returns false (and changes nothing)
     * when it was not archived.
     */
    public boolean unarchive(VersionId versionId, ChangeNote note, Instant at) {
        ModelVersion version = version(versionId);
        if (!version.isArchived()) {
            return false;
        }
        version.unarchive();
        bestScore = bestElectableScore();
        recordBeside(version, ActivationReason.UNARCHIVED, note, at);
        if (activeVersionId == null) {
            activate(version, ActivationReason.REELECTED, note, at);
        }
        updatedAt = at;
        return true;
    }

    /**
     * Makes {@code alias} name this model's version {@code versionId} (R13), in one step: an
     * alias that named another version now names this one. Returns false (and changes nothing)
     * when it already did.
     *
     * @throws ReservedAliasException   for {@link Alias#ACTIVE}
     * @throws VersionNotFoundException when the version is not one of this model's
     * @throws ArchivedVersionException when the version is archived (R15)
     */
    public boolean assignAlias(Alias alias, VersionId versionId, Instant at) {
        return assignAlias(alias, versionId, null, at);
    }

    /** {@link #assignAlias(Alias, VersionId, Instant)}; its ALIAS_SET entry carries {@code note} (null: none). */
    public boolean assignAlias(Alias alias, VersionId versionId, ChangeNote note, Instant at) {
        requireNotReserved(alias);
        ModelVersion version = electableVersion(versionId, "be named by alias " + alias.value());
        String previous = aliases.put(alias.value(), version.id().value());
        if (version.id().value().equals(previous)) {
            return false;
        }
        recordAlias(alias, version, ActivationReason.ALIAS_SET, note, at);
        updatedAt = at;
        return true;
    }

    /** Sets the model's tag {@code key} to {@code value} ({@link Tags#with}); the active version stays. */
    public void tag(String key, String value, Instant at) {
        tags = new TagColumns(tags().with(key, value));
        updatedAt = at;
    }

    /** Removes the model's tag {@code key}; returns false (and changes nothing) when it has none. */
    public boolean untag(String key, Instant at) {
        Tags before = tags();
        Tags after = before.without(key);
        if (after == before) {
            return false;
        }
        tags = new TagColumns(after);
        updatedAt = at;
        return true;
    }

    /**
     * Removes {@code alias} (R13) and returns the version it named.
     *
     * @throws ReservedAliasException for {@link Alias#ACTIVE}
     * @throws AliasNotFoundException when this model has no such alias
     */
    public VersionId removeAlias(Alias alias, Instant at) {
        return removeAlias(alias, null, at);
    }

    /** {@link #removeAlias(Alias, Instant)}; its ALIAS_REMOVED entry carries {@code note} (null: none). */
    public VersionId removeAlias(Alias alias, ChangeNote note, Instant at) {
        requireNotReserved(alias);
        String named = aliases.get(alias.value());
        if (named == null) {
            throw new AliasNotFoundException(id, alias.value());
        }
        ModelVersion version = version(new VersionId(named));
        aliases.remove(alias.value());
        recordAlias(alias, version, ActivationReason.ALIAS_REMOVED, note, at);
        updatedAt = at;
        return version.id();
    }

    private void requireNotReserved(Alias alias) {
        if (alias.isReserved()) {
            throw new ReservedAliasException(alias.value(), id);
        }
    }

    /** The version {@code alias} names: for {@link Alias#ACTIVE} the active version; empty when none. */
    public Optional<VersionId> versionByAlias(Alias alias) {
        return alias.isReserved() ? activeVersionId() : Optional.ofNullable(aliases.get(alias.value())).map(VersionId::new);
    }

    /** The aliases (without the reserved {@code active}) and the versions they name, ordered by alias. */
    public Map<Alias, VersionId> aliases() {
        Map<Alias, VersionId> named = new TreeMap<>(Comparator.comparing(Alias::value));
        aliases.forEach((alias, version) -> named.put(new Alias(alias), new VersionId(version)));
        return Collections.unmodifiableMap(named);
    }

    /** Sets tag {@code key} of one of this model's versions to {@code value}; the active version stays. */
    public void tagVersion(VersionId versionId, String key, String value, Instant at) {
        ModelVersion version = version(versionId);
        version.storeTags(version.tags().with(key, value));
        updatedAt = at;
    }

    /** Removes tag {@code key} of one of this model's versions; returns false (and changes nothing) when it has none. */
    public boolean untagVersion(VersionId versionId, String key, Instant at) {
        ModelVersion version = version(versionId);
        Tags before = version.tags();
        Tags after = before.without(key);
        if (after == before) {
            return false;
        }
        version.storeTags(after);
        updatedAt = at;
        return true;
    }

    /** Replaces the model's description; null or blank clears it. */
    public void describe(String text, Instant at) {
        description = ValueLimits.description(text);
        updatedAt = at;
    }

    /** Replaces the description of one of this model's versions; null or blank clears it. */
    public void describeVersion(VersionId versionId, String text, Instant at) {
        version(versionId).describe(text);
        updatedAt = at;
    }

    /** The model's tags (none until set). */
    public Tags tags() {
        return TagColumns.of(tags);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The history entry in force at {@code instant}: the last change made at or before it (R10). */
    public Optional<ActivationChange> activationAt(Instant instant) {
        return ActivationRecord.inForceAt(history, instant);
    }

    /**
     * Which version was active at {@code instant} (R10): a version, none, or unknown when the
     * instant lies before this model's history was taken over from a registry that kept none.
     */
    public ActiveVersionAt activeAt(Instant instant) {
        return ActivationRecord.activeAt(history, instant);
    }

    /** The version that was active at {@code instant}; empty when none was or it is unknown (R10). */
    public Optional<VersionId> activeVersionAt(Instant instant) {
        return activeAt(instant).versionId();
    }

    /**
     * A model handed back whole, as a registry recorded it (an export being imported): its
     * versions with their scores and flags, its active version and its history. Every invariant
     * of this class is checked, none repaired: the versions have distinct ids; a model with
     * versions in elections has exactly one active version, among them (never an archived one,
     * R15), and it is the one flagged active in the record (the flags are checked, then the restored versions read theirs from the model);
     * the history is numbered 1..n, each entry after the first replaces the version the one before
     * made active, times never go back, and the last entry names the active version; the aliases,
     * the hold and the archived versions with the times they were archived (R13-R15) are what the
     * history replays to (aliases only on versions in elections).
     *
     * @throws InconsistentModelException when the parts contradict each other
     * @throws DuplicateVersionException  when two versions share an id
     */
    public static Model restore(SensorId sensorId, ModelType modelType, Instant createdAt, Instant updatedAt,
                                List<RestoredVersion> versions, VersionId activeVersion,
                                List<RestoredActivation> history) {
        Model model = new Model(sensorId, modelType, Objects.requireNonNull(createdAt, "createdAt"));
        model.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        Set<VersionId> ids = new HashSet<>();
        for (RestoredVersion restored : versions) {
            if (!ids.add(restored.id())) {
                throw new DuplicateVersionException(restored.id().value());
            }
            ModelVersion version = new ModelVersion(model, restored);
            model.add(version);
            if (restored.id().equals(activeVersion)) {
                model.choose(version, null); // since the last history entry's time, once the history is checked
            }
        }
        if (activeVersion != null && model.activeVersionId == null) {
            throw model.inconsistent("active version " + activeVersion + " is not among its versions");
        }
        long electable = versions.stream().filter(version -> version.archivedAt() == null).count();
        if (activeVersion == null && electable > 0) {
            throw model.inconsistent("it has " + electable + " version(s) and no active version"
                    + (electable < versions.size() ? " (archived versions not counted)" : ""));
        }
        versions.forEach(version -> model.requireFlagAgrees(version, activeVersion));
        model.restoreHistory(history, activeVersion);
        model.restoreArchived();
        model.restoreAliases();
        model.restoreHold();
        return model;
    }

    /** The hold the restored history replays to (R14): on the active version, a release winner among the versions. */
    private void restoreHold() {
        Optional<Hold> hold;
        try {
            hold = HoldReplay.of(history);
        } catch (IllegalArgumentException misplaced) {
            throw inconsistent(misplaced.getMessage());
        }
        if (hold.isEmpty()) {
            return;
        }
        if (!hold.get().heldVersion().value().equals(activeVersionId)) {
            throw inconsistent("its history leaves a hold on version " + hold.get().heldVersion()
                    + " but the active version is " + activeVersionId);
        }
        if (findVersion(hold.get().releaseWinner()).isEmpty()) {
            throw inconsistent("its history leaves a hold whose release would make version "
                    + hold.get().releaseWinner() + " active, which is not among its versions");
        }
        heldSince = hold.get().since();
    }

    /**
     * Checks the restored versions' archive times against the archive entries of the restored
     * history (R15, {@link ArchiveReplay}): archived exactly when the history leaves them archived,
     * since its last ARCHIVED entry, and never the active version.
     */
    private void restoreArchived() {
        Map<VersionId, Instant> replayed = ArchiveReplay.of(history);
        for (ModelVersion version : versions) {
            Instant recorded = version.archivedAt().orElse(null);
            Instant expected = replayed.get(version.id());
            if (!Objects.equals(recorded, expected)) {
                throw inconsistent("version " + version.id() + (recorded == null
                        ? " is not archived but its history archives it at " + expected
                        : expected == null ? " is archived at " + recorded + " but its history does not archive it"
                        : " is archived at " + recorded + " but its history archives it at " + expected));
            }
            if (recorded != null && isActive(version)) {
                throw inconsistent("its active version " + version.id() + " is archived");
            }
        }
    }

    /** The aliases the restored history replays to (R13); each must name one of the restored versions in elections. */
    private void restoreAliases() {
        AliasReplay.of(history).forEach((alias, version) -> {
            Optional<ModelVersion> named = findVersion(version);
            if (named.isEmpty() || named.get().isArchived()) {
                throw inconsistent("its history leaves alias " + alias + " on version " + version
                        + (named.isEmpty() ? ", which is not among its versions" : ", which is archived"));
            }
            aliases.put(alias.value(), version.value());
        });
    }

    private void requireFlagAgrees(RestoredVersion version, VersionId chosen) {
        if (version.active() != version.id().equals(chosen)) {
            throw inconsistent("version " + version.id() + (version.active() ? " is flagged active but the active version is "
                    + chosen : " is the active version but not flagged active"));
        }
    }

    private void restoreHistory(List<RestoredActivation> entries, VersionId chosen) {
        RestoredActivation previous = null;
        RestoredActivation lastChange = null;
        for (RestoredActivation entry : entries) {
            int expected = previous == null ? 1 : previous.sequenceNo() + 1;
            if (entry.sequenceNo() != expected) {
                throw inconsistent("history entry #" + entry.sequenceNo() + " is out of sequence (expected #" + expected + ")");
            }
            // before the first entry the history is unknown (adopted and migrated registries kept none)
            if (lastChange != null && !Objects.equals(entry.previousVersionId(), lastChange.versionId())) {
                throw inconsistent("history entry #" + entry.sequenceNo() + (entry.reason().changesActiveVersion()
                        ? " replaces " : " names as active ") + entry.previousVersionId()
                        + " but the version active before it was " + lastChange.versionId());
            }
            if (previous != null && entry.changedAt().isBefore(previous.changedAt())) {
                throw inconsistent("history entry #" + entry.sequenceNo() + " at " + entry.changedAt()
                        + " is earlier than entry #" + previous.sequenceNo() + " at " + previous.changedAt());
            }
            history.add(new ActivationChange(this, entry));
            previous = entry;
            if (entry.reason().changesActiveVersion()) {
                lastChange = entry;
            }
        }
        VersionId last = lastChange == null ? null : lastChange.versionId();
        if (!Objects.equals(last, chosen)) {
            throw inconsistent(lastChange == null ? "it has an active version " + chosen + " but no history"
                    : "its history ends with " + last + " but the active version is " + chosen);
        }
        activationCount = entries.size();
        activeSince = chosen == null ? null : lastChange.changedAt(); // the last change names the active version
    }

    private InconsistentModelException inconsistent(String reason) {
        return new InconsistentModelException(id, reason);
    }

    private void add(ModelVersion version) {
        versions.add(version);
        if (!version.isArchived() && (bestScore == null || version.performanceScore() > bestScore)) {
            bestScore = version.performanceScore();
        }
    }

    /**
     * Removes the versions with their aliases (R13); returns the aliases each removed version
     * carried, by name (the caller records them once the active version is settled).
     */
    private Map<ModelVersion, List<Alias>> remove(List<ModelVersion> removed) {
        versions.removeAll(removed);
        Map<ModelVersion, List<Alias>> named = new HashMap<>();
        for (ModelVersion version : removed) {
            List<Alias> dropped = dropAliases(version);
            if (!dropped.isEmpty()) {
                named.put(version, dropped);
            }
        }
        bestScore = bestElectableScore();
        return named;
    }

    /** Removes the aliases that name {@code version} (R13); returns them, ordered by name. */
    private List<Alias> dropAliases(ModelVersion version) {
        List<Alias> dropped = new ArrayList<>();
        aliases.entrySet().removeIf(alias -> alias.getValue().equals(version.id().value())
                && dropped.add(new Alias(alias.getKey())));
        dropped.sort(Comparator.comparing(Alias::value));
        return dropped;
    }

    /** The versions in elections (R15: not archived), in this model's order. */
    private List<ModelVersion> electable() {
        return versions.stream().filter(version -> !version.isArchived()).toList();
    }

    /** The best score among the versions in elections (R5, R15); null when there are none. */
    private Double bestElectableScore() {
        return electable().stream().map(ModelVersion::performanceScore).max(Comparator.naturalOrder()).orElse(null);
    }

    private void activate(ModelVersion version, ActivationReason reason, ChangeNote note, Instant at) {
        String previousId = activeVersionId;
        Double previousScore = activeScore;
        choose(version, at);
        activationCount++;
        history.add(new ActivationChange(this, activationCount, version, previousId, previousScore, reason, note, at));
    }

    /** Appends an alias entry (R13): the active version stays, and is named as the previous one. */
    private void recordAlias(Alias alias, ModelVersion version, ActivationReason reason, ChangeNote note, Instant at) {
        activationCount++;
        history.add(new ActivationChange(this, activationCount, alias, version, activeVersionId, activeScore, reason,
                note, at));
    }

    /**
     * Appends an entry beside the active version about {@code version} (a hold's, R14, or an
     * archive's, R15): the active version stays, named as the previous one.
     */
    private void recordBeside(ModelVersion version, ActivationReason reason, ChangeNote note, Instant at) {
        activationCount++;
        history.add(new ActivationChange(this, activationCount, version, activeVersionId, activeScore, reason, note,
                at));
    }

    /** The only place the active version is set: its id (the stored choice), its score and since when. */
    private void choose(ModelVersion version, Instant since) {
        activeVersionId = version == null ? null : version.id().value();
        activeScore = version == null ? null : version.performanceScore();
        activeSince = version == null ? null : since;
    }

    /** Whether {@code version} is this model's active version, by id (the active version is not loaded). */
    boolean isActive(ModelVersion version) {
        return activeVersionId != null && activeVersionId.equals(version.id().value());
    }

    private ModelVersion version(VersionId versionId) {
        return findVersion(versionId).orElseThrow(() -> new VersionNotFoundException(versionId.value()));
    }

    /** One of this model's versions in elections; an archived one is refused, saying it cannot {@code refused} (R15). */
    private ModelVersion electableVersion(VersionId versionId, String refused) {
        ModelVersion version = version(versionId);
        if (version.isArchived()) {
            throw new ArchivedVersionException(versionId.value(), id, refused);
        }
        return version;
    }

    public Optional<ModelVersion> findVersion(VersionId versionId) {
        for (ModelVersion version : versions) {
            if (version.id().equals(versionId)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** Versions, newest first (creation time; registration order among equal times). */
    public List<ModelVersion> newestFirst() {
        List<ModelVersion> ordered = new ArrayList<>(versions);
        Collections.reverse(ordered);
        ordered.sort(Comparator.comparing(ModelVersion::createdAt).reversed());
        return ordered;
    }

    public ModelId id() {
        return new ModelId(id);
    }

    public SensorId sensorId() {
        return new SensorId(sensorId);
    }

    public ModelType modelType() {
        return new ModelType(modelType);
    }

    /** The active version (among the versions: reading it loads them). */
    public Optional<ModelVersion> activeVersion() {
        return activeVersionId == null ? Optional.empty() : findVersion(new VersionId(activeVersionId));
    }

    /** The active version's id, without loading the version. */
    public Optional<VersionId> activeVersionId() {
        return Optional.ofNullable(activeVersionId).map(VersionId::new);
    }

    /** Since when the active version is active (its history entry's time); empty without an active version. */
    public Optional<Instant> activeSince() {
        return Optional.ofNullable(activeSince);
    }

    /** Since when the active version is held (R14; {@link #hold()} has the whole hold); empty when it is not held. */
    public Optional<Instant> heldSince() {
        return Optional.ofNullable(heldSince);
    }

    /** The best score among the versions in elections (not archived, R15); empty without any. */
    public Optional<Double> bestScore() {
        return Optional.ofNullable(bestScore);
    }

    public List<ModelVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    public List<ActivationChange> history() {
        return Collections.unmodifiableList(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Model that && id != null && id.equals(that.id().value());
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }

    @Override
    public String toString() {
        return "Model[" + id + ", " + versions.size() + " versions]";
    }
}
