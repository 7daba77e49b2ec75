package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidLineageException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a version's training data came from (R3): the training pipeline's data hash (required,
 * non-blank, no white space, at most 128 characters, never generated), and optionally the
 * source, the covered period (ISO-8601 dates or date-times, start not after end) and the
 * number of samples (not negative). Immutable; recorded once with its version.
 */
@Embeddable
public class DataLineage {

    static final String TABLE = "data_lineage";
    private static final int MAX_HASH_LENGTH = 128;

    @Column(table = TABLE, name = "data_hash")
    private String dataHash;

    @Column(table = TABLE, name = "data_source")
    private String dataSource;

    @Column(table = TABLE, name = "data_start_date")
    private String dataStartDate;

    @Column(table = TABLE, name = "data_end_date")
    private String dataEndDate;

    @Column(table = TABLE, name = "num_samples")
    private Long numSamples;

    @Column(table = TABLE, name = "created_at")
    private Instant recordedAt;

    /** For JPA only. */
    protected DataLineage() {
    }

    private DataLineage(String dataHash, String dataSource, String dataStartDate, String dataEndDate,
                        Long numSamples, Instant recordedAt) {
        this.dataHash = dataHash;
        this.dataSource = dataSource;
        this.dataStartDate = dataStartDate;
        this.dataEndDate = dataEndDate;
        this.numSamples = numSamples;
        this.recordedAt = recordedAt;
    }

    /** Lineage as the training pipeline reports it; every rule of R3 is checked here. */
    public static DataLineage of(String dataHash, String dataSource, String dataStartDate, String dataEndDate,
                                 Long numSamples) {
        requireWellFormedHash(dataHash);
        ValueLimits.requireText("data_source", dataSource);
        LocalDateTime start = parseDate("data_start_date", dataStartDate);
        LocalDateTime end = parseDate("data_end_date", dataEndDate);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidLineageException("data_start_date", dataStartDate, "must not be after data_end_date " + dataEndDate);
        }
        if (numSamples != null && numSamples < 0) {
            throw new InvalidLineageException("num_samples", numSamples, "must not be negative");
        }
        return new DataLineage(dataHash, blankToNull(dataSource), blankToNull(dataStartDate), blankToNull(dataEndDate),
                numSamples, null);
    }

    /** Only the data hash, as legacy registries recorded it. */
    public static DataLineage ofHash(String dataHash) {
        return of(dataHash, null, null, null, null);
    }

    DataLineage recordedAt(Instant at) {
        return new DataLineage(dataHash, dataSource, dataStartDate, dataEndDate, numSamples, at);
    }

    private static void requireWellFormedHash(String dataHash) {
        if (dataHash == null || dataHash.isBlank()) {
            throw new InvalidLineageException("data_hash", dataHash, "must not be blank");
        }
        if (dataHash.length() > MAX_HASH_LENGTH) {
            throw new InvalidLineageException("data_hash", dataHash, "must be at most " + MAX_HASH_LENGTH + " characters");
        }
        if (dataHash.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidLineageException("data_hash", dataHash, "must not contain white space");
        }
    }

    /** Parses an ISO-8601 date, local date-time or offset date-time into a comparable UTC date-time. */
    private static LocalDateTime parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException notALocalDateTime) {
                try {
                    return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                } catch (DateTimeParseException notAnOffsetDateTime) {
                    throw new InvalidLineageException(field, value, "must be an ISO-8601 date or date-time");
                }
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String dataHash() {
        return dataHash;
    }

    public Optional<String> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    public Optional<String> dataStartDate() {
        return Optional.ofNullable(dataStartDate);
    }

    public Optional<String> dataEndDate() {
        return Optional.ofNullable(dataEndDate);
    }

    public Optional<Long> numSamples() {
        return Optional.ofNullable(numSamples);
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataLineage that
                && Objects.equals(dataHash, that.dataHash) && Objects.equals(dataSource, that.dataSource)
                && Objects.equals(dataStartDate, that.dataStartDate) && Objects.equals(dataEndDate, that.dataEndDate)
                && Objects.equals(numSamples, that.numSamples) && Objects.equals(recordedAt, that.recordedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataHash, dataSource, dataStartDate, dataEndDate, numSamples, recordedAt);
    }

    @Override
    public String toString() {
        return "DataLineage[" + dataHash + ", source=" + dataSource + ", " + dataStartDate + ".." + dataEndDate
                + ", samples=" + numSamples + "]";
    }
}
