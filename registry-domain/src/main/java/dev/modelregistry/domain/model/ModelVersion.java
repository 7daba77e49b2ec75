package dev.modelregistry.domain.model;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One trained version of a {@link Model}. Created only by its model; its facts are fixed at
 * registration, except its description and its {@link Tags}, which its model edits
 * ({@link Model#describeVersion}, {@link Model#tagVersion}, {@link Model#untagVersion}).
 * Whether it is active is not a fact of its own:
 * {@link #isActive()} reads the model's choice of active version (the database keeps the
 * {@code versions.is_active} column equal to that choice; it is not mapped here). Its {@link DataLineage} lives in the {@code data_lineage} table and goes
 * with it. Its JSON columns are never rewritten but by a tag edit: a stored value that could not
 * be read back (held as {@link Attributes#unreadable()} / {@link Tags#unreadable()}) stays as it
 * was stored while the version is promoted, demoted or deleted, and unreadable tags refuse edits.
 * An archived version ({@link #isArchived()}, R15, {@link Model#archive}) keeps every fact; its
 * model takes it out of elections.
 */
@Entity
@Table(name = "versions")
@SecondaryTable(name = DataLineage.TABLE, pkJoinColumns = @PrimaryKeyJoinColumn(name = "version_id",
        referencedColumnName = "version_id"))
@Access(AccessType.FIELD)
public class ModelVersion {

    @Id
    @Column(name = "version_id", nullable = false, updatable = false)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id", nullable = false, updatable = false)
    private Model model;

    @Column(name = "sensor_id", nullable = false, updatable = false)
    private String sensorId;

    @Column(name = "model_type", nullable = false, updatable = false)
    private String modelType;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "training_config", updatable = false)
    private Attributes trainingConfig;

    @Column(name = "training_metrics", updatable = false)
    private Attributes trainingMetrics;

    @Column(name = "validation_metrics", updatable = false)
    private Attributes validationMetrics;

    @Column(name = "model_size_bytes")
    private long modelSizeBytes;

    @Column(name = "training_time_seconds")
    private Double trainingTimeSeconds;

    @Column(name = "data_hash")
    private String dataHash;

    @Column(name = "model_hash")
    private String modelHash;

    @Column(name = "model_path")
    private String modelPath;

    @Column(name = "description")
    private String description;

    @Embedded
    private TagColumns tags;

    @Column(name = "performance_score", nullable = false)
    private double performanceScore;

    @Embedded
    private DataLineage lineage;

    /** When the version was archived (R15; null while it takes part in elections): set only by its model. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    /** For JPA only. */
    protected ModelVersion() {
    }

    ModelVersion(Model model, VersionId id, VersionSpec spec, double performanceScore, Instant createdAt,
                 Instant recordedAt) {
        this.id = id.value();
        this.model = model;
        this.sensorId = model.sensorId().value();
        this.modelType = model.modelType().value();
        this.createdAt = createdAt;
        this.trainingConfig = spec.trainingConfig();
        this.trainingMetrics = spec.trainingMetrics();
        this.validationMetrics = spec.validationMetrics();
        this.modelSizeBytes = spec.modelSizeBytes();
        this.trainingTimeSeconds = spec.trainingTimeSeconds();
        this.modelHash = spec.modelHash();
        this.modelPath = spec.modelPath();
        this.description = spec.description();
        this.tags = new TagColumns(spec.tags());
        this.performanceScore = performanceScore;
        this.lineage = spec.lineage() == null ? null : spec.lineage().recordedAt(recordedAt);
        this.dataHash = spec.lineage() == null ? null : spec.lineage().dataHash();
    }

    /** A version restored as recorded (from an export): every fact, the flag and the lineage's time kept. */
    ModelVersion(Model model, RestoredVersion restored) {
        this(model, restored.id(), restored.spec(), restored.performanceScore(), restored.createdAt(),
                restored.lineageRecordedAt());
        this.dataHash = restored.dataHash();
        this.archivedAt = restored.archivedAt();
    }

    boolean isNewerThan(ModelVersion other) {
        return createdAt.isAfter(other.createdAt);
    }

    public VersionId id() {
        return new VersionId(id);
    }

    public ModelId modelId() {
        return model.id();
    }

    public SensorId sensorId() {
        return new SensorId(sensorId);
    }

    public ModelType modelType() {
        return new ModelType(modelType);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Attributes trainingConfig() {
        return trainingConfig == null ? Attributes.empty() : trainingConfig;
    }

    public Attributes trainingMetrics() {
        return trainingMetrics == null ? Attributes.empty() : trainingMetrics;
    }

    public Attributes validationMetrics() {
        return validationMetrics == null ? Attributes.empty() : validationMetrics;
    }

    public long modelSizeBytes() {
        return modelSizeBytes;
    }

    public Optional<Double> trainingTimeSeconds() {
        return Optional.ofNullable(trainingTimeSeconds);
    }

    public Optional<String> dataHash() {
        return Optional.ofNullable(dataHash);
    }

    public Optional<String> modelHash() {
        return Optional.ofNullable(modelHash);
    }

    public Optional<String> modelPath() {
        return Optional.ofNullable(modelPath);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The tags: keys in order, each with a value or none (the Python registry's tags have none). */
    public Tags tags() {
        return TagColumns.of(tags);
    }

    void storeTags(Tags edited) {
        this.tags = new TagColumns(edited);
    }

    /**
     * A blank or null text clears it (README, "Governance"); refused while the stored tags are
     * unreadable (the row written would rewrite them).
     */
    void describe(String text) {
        String described = ValueLimits.description(text);
        tags().requireReadable();
        this.description = described;
    }

    /** Takes the version out of elections (R15); its model decides whether it may be. */
    void archive(Instant at) {
        this.archivedAt = at;
    }

    /** Puts an archived version back into elections (R15). */
    void unarchive() {
        this.archivedAt = null;
    }

    /**
     * Whether the version is archived (R15): kept with its lineage and history, but out of
     * elections, aliases and default listings.
     */
    public boolean isArchived() {
        return archivedAt != null;
    }

    /** When the version was archived; empty while it takes part in elections. */
    public Optional<Instant> archivedAt() {
        return Optional.ofNullable(archivedAt);
    }

    /** Whether this is its model's active version: read from the model, never stored with the version. */
    public boolean isActive() {
        return model.isActive(this);
    }

    public double performanceScore() {
        return performanceScore;
    }

    public Optional<DataLineage> lineage() {
        return Optional.ofNullable(lineage);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ModelVersion that && id != null && id.equals(that.id().value());
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }

    @Override
    public String toString() {
        return "ModelVersion[" + id + " of " + modelType + "_" + sensorId + ", score=" + performanceScore + "]";
    }
}
