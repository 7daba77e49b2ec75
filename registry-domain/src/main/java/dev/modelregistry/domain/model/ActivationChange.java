package dev.modelregistry.domain.model;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a model's history (R10): for a change of its active version, which version
 * became active (none when the last version was deleted), which one it replaced, why, both
 * scores and when. An alias entry (R13; {@link ActivationReason#changesActiveVersion()} false)
 * names its alias, the version the alias named then (set: now names; removed: named until then)
 * with its score, and as the previous version the one that stayed active; an entry of a hold
 * (R14) or an archive (R15, ARCHIVED / UNARCHIVED) the same without an alias. Any entry can carry a
 * {@link ChangeNote}: who made the change, why, under which reference (none for entries written
 * before notes existed and for changes made without one). Entries are numbered per model in the
 * order they happened and never change.
 */
@Entity
@Table(name = "activation_history")
@Access(AccessType.FIELD)
public class ActivationChange implements ActivationRecord {

    @Id
    @Column(name = "change_id", nullable = false, updatable = false)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id", nullable = false, updatable = false)
    private Model model;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private int sequenceNo;

    @Column(name = "version_id", updatable = false)
    private String versionId;

    @Column(name = "previous_version_id", updatable = false)
    private String previousVersionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false, updatable = false)
    private ActivationReason reason;

    @Column(name = "score", updatable = false)
    private Double score;

    @Column(name = "previous_score", updatable = false)
    private Double previousScore;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    /** The alias of an alias entry (R13); null for every other entry. */
    @Column(name = "alias", updatable = false)
    private String alias;

    /** The {@link ChangeNote}'s actor; null when the entry carries no note (then so are the two below). */
    @Column(name = "actor", updatable = false)
    private String actor;

    @Column(name = "note_reason", updatable = false)
    private String noteReason;

    @Column(name = "note_reference", updatable = false)
    private String noteReference;

    /** For JPA only. */
    protected ActivationChange() {
    }

    ActivationChange(Model model, int sequenceNo, ModelVersion version, String previousVersionId, Double previousScore,
                     ActivationReason reason, ChangeNote note, Instant changedAt) {
        this.id = UUID.randomUUID().toString();
        this.model = model;
        this.sequenceNo = sequenceNo;
        this.versionId = version == null ? null : version.id().value();
        this.score = version == null ? null : version.performanceScore();
        this.previousVersionId = previousVersionId;
        this.previousScore = previousScore;
        this.reason = reason;
        this.changedAt = changedAt;
        takeNote(note);
    }

    /** An alias entry (R13): {@code alias}, the version it names or named, and the active version, which stays. */
    ActivationChange(Model model, int sequenceNo, Alias alias, ModelVersion version, String activeVersionId,
                     Double activeScore, ActivationReason reason, ChangeNote note, Instant changedAt) {
        this(model, sequenceNo, version, activeVersionId, activeScore, reason, note, changedAt);
        this.alias = alias.value();
    }

    /** An entry restored as recorded (from an export); its versions may since have been deleted. */
    ActivationChange(Model model, RestoredActivation restored) {
        this.id = UUID.randomUUID().toString();
        this.model = model;
        this.sequenceNo = restored.sequenceNo();
        this.versionId = restored.versionId() == null ? null : restored.versionId().value();
        this.score = restored.score();
        this.previousVersionId = restored.previousVersionId() == null ? null : restored.previousVersionId().value();
        this.previousScore = restored.previousScore();
        this.reason = restored.reason();
        this.changedAt = restored.changedAt();
        this.alias = restored.alias() == null ? null : restored.alias().value();
        takeNote(restored.note());
    }

    private void takeNote(ChangeNote note) {
        if (note != null) {
            this.actor = note.actor();
            this.noteReason = note.reason().orElse(null);
            this.noteReference = note.reference().orElse(null);
        }
    }

    @Override
    public int sequenceNo() {
        return sequenceNo;
    }

    @Override
    public Optional<VersionId> versionId() {
        return Optional.ofNullable(versionId).map(VersionId::new);
    }

    @Override
    public Optional<VersionId> previousVersionId() {
        return Optional.ofNullable(previousVersionId).map(VersionId::new);
    }

    @Override
    public ActivationReason reason() {
        return reason;
    }

    @Override
    public Optional<Double> score() {
        return Optional.ofNullable(score);
    }

    @Override
    public Optional<Double> previousScore() {
        return Optional.ofNullable(previousScore);
    }

    @Override
    public Instant changedAt() {
        return changedAt;
    }

    @Override
    public Optional<Alias> alias() {
        return Optional.ofNullable(alias).map(Alias::new);
    }

    @Override
    public Optional<ChangeNote> note() {
        return ChangeNote.stored(actor, noteReason, noteReference);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ActivationChange that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }

    @Override
    public String toString() {
        return "ActivationChange[#" + sequenceNo + " " + previousVersionId + " -> " + versionId + ", " + reason
                + " at " + changedAt + "]";
    }
}
