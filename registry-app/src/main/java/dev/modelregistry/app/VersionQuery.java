package dev.modelregistry.app;

import dev.modelregistry.domain.InvalidQueryException;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.ValueLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ModelRegistry#searchVersions} looks for, in which order, and which page. Every
 * filter is optional; all given filters must hold:
 * <ul>
 *   <li>{@code sensorId}, {@code modelType}: exactly that id (checked like ids everywhere);</li>
 *   <li>{@code tag}: the version carries exactly this tag key, with or without a value (no
 *       patterns: {@code %} and {@code _} are plain characters); with {@code tagValue} the key
 *       has exactly this value ({@link Builder#tag(String, String)}; a key without a value, such
 *       as every tag the Python registry wrote, never matches a value);</li>
 *   <li>{@code minScore}/{@code maxScore}: {@code minScore <= performance_score <= maxScore};</li>
 *   <li>{@code createdAfter}/{@code createdBefore}: {@code createdAfter <= created_at < createdBefore}
 *       (at or after, strictly before: consecutive windows neither overlap nor leave gaps);</li>
 *   <li>{@code dataHash}: the version's training data hash;</li>
 *   <li>{@code dataSource}: its lineage's data source, exactly;</li>
 *   <li>{@code dataFrom}/{@code dataTo}: its training-data period overlaps the dates
 *       {@code [dataFrom, dataTo]}, both ends included. The period is the calendar dates of the
 *       lineage's {@code data_start_date} and {@code data_end_date} as written (their first ten
 *       characters, {@code 2024-01-31T22:00:00-05:00} counting as 2024-01-31): a version matches
 *       when it starts on or before {@code dataTo} and ends on or after {@code dataFrom}; a
 *       missing start or end is open on that side; a version without either never matches;</li>
 *   <li>{@code activeOnly}: only active versions;</li>
 *   <li>{@code includeArchived}: archived versions (R15) too; without it (the default) a search
 *       leaves them out.</li>
 * </ul>
 * Order: by creation time (default) or score, descending (default: newest or best first) or
 * ascending; ties broken by version id in the same direction, so the order is total. Page size 1
 * to {@value #MAX_PAGE_SIZE} (default {@value #DEFAULT_PAGE_SIZE}). A value beyond these rules is
 * refused by {@link Builder#build()} with a {@link dev.modelregistry.domain.RegistryException}
 * naming the field and the value ({@link InvalidQueryException}, or the exception of the id or
 * lineage rule).
 *
 * <p>"Which versions were trained on this data?":
 * {@code VersionQuery.builder().dataHash(hash).build()}, or
 * {@code .dataSource("nasa_smap").dataFrom(from).dataTo(to)}.
 */
public final class VersionQuery {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** The sort key. */
    public enum Order { CREATED, SCORE }

    /** Stands for "no tag value" in {@link #selection()}: a control character, which no tag value holds. */
    private static final String NO_TAG_VALUE = "\u0001";

    private final String sensorId;
    private final String modelType;
    private final String tag;
    private final String tagValue;
    private final Double minScore;
    private final Double maxScore;
    private final Instant createdAfter;
    private final Instant createdBefore;
    private final String dataHash;
    private final String dataSource;
    private final LocalDate dataFrom;
    private final LocalDate dataTo;
    private final boolean activeOnly;
    private final boolean includeArchived;
    private final Order order;
    private final boolean descending;
    private final int pageSize;
    private final String pageToken;

    private VersionQuery(Builder b) {
        this.sensorId = b.sensorId;
        this.modelType = b.modelType;
        this.tag = b.tag;
        this.tagValue = b.tagValue;
        this.minScore = b.minScore;
        this.maxScore = b.maxScore;
        this.createdAfter = b.createdAfter;
        this.createdBefore = b.createdBefore;
        this.dataHash = b.dataHash;
        this.dataSource = b.dataSource;
        this.dataFrom = b.dataFrom;
        this.dataTo = b.dataTo;
        this.activeOnly = b.activeOnly;
        this.includeArchived = b.includeArchived;
        this.order = b.order;
        this.descending = b.descending;
        this.pageSize = b.pageSize;
        this.pageToken = b.pageToken;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same search (filters and order) for the page that {@code token} starts; null: the first page. */
    public VersionQuery withPageToken(String token) {
        return toBuilder().pageToken(token).build();
    }

    /** A builder holding this query's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sensorId = sensorId;
        b.modelType = modelType;
        b.tag = tag;
        b.tagValue = tagValue;
        b.minScore = minScore;
        b.maxScore = maxScore;
        b.createdAfter = createdAfter;
        b.createdBefore = createdBefore;
        b.dataHash = dataHash;
        b.dataSource = dataSource;
        b.dataFrom = dataFrom;
        b.dataTo = dataTo;
        b.activeOnly = activeOnly;
        b.includeArchived = includeArchived;
        b.order = order;
        b.descending = descending;
        b.pageSize = pageSize;
        b.pageToken = pageToken;
        return b;
    }

    public Optional<String> sensorId() {
        return Optional.ofNullable(sensorId);
    }

    public Optional<String> modelType() {
        return Optional.ofNullable(modelType);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The value the {@link #tag()} key must have; empty: any value or none. */
    public Optional<String> tagValue() {
        return Optional.ofNullable(tagValue);
    }

    public Optional<Double> minScore() {
        return Optional.ofNullable(minScore);
    }

    public Optional<Double> maxScore() {
        return Optional.ofNullable(maxScore);
    }

    public Optional<Instant> createdAfter() {
        return Optional.ofNullable(createdAfter);
    }

    public Optional<Instant> createdBefore() {
        return Optional.ofNullable(createdBefore);
    }

    public Optional<String> dataHash() {
        return Optional.ofNullable(dataHash);
    }

    public Optional<String> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    public Optional<LocalDate> dataFrom() {
        return Optional.ofNullable(dataFrom);
    }

    public Optional<LocalDate> dataTo() {
        return Optional.ofNullable(dataTo);
    }

    public boolean activeOnly() {
        return activeOnly;
    }

    /** Whether archived versions (R15) are searched too. */
    public boolean includeArchived() {
        return includeArchived;
    }

    public Order order() {
        return order;
    }

    public boolean descending() {
        return descending;
    }

    public int pageSize() {
        return pageSize;
    }

    public Optional<String> pageToken() {
        return Optional.ofNullable(pageToken);
    }

    /**
     * The filters and the order, one value per line in a fixed sequence (page size and token
     * left out): equal exactly when two queries select and order the same rows. Page tokens
     * carry a digest of it. The tag value and then the archived versions' inclusion come last
     * and only when given, so the tokens of searches without them read as they did before they
     * existed.
     */
    String selection() {
        List<String> values = new ArrayList<>(List.of(String.valueOf(sensorId), String.valueOf(modelType), String.valueOf(tag),
                String.valueOf(minScore), String.valueOf(maxScore), String.valueOf(createdAfter),
                String.valueOf(createdBefore), String.valueOf(dataHash), String.valueOf(dataSource),
                String.valueOf(dataFrom), String.valueOf(dataTo), String.valueOf(activeOnly), order.name(),
                String.valueOf(descending)));
        if (tagValue != null || includeArchived) {
            values.add(tagValue == null ? NO_TAG_VALUE : tagValue);
        }
        if (includeArchived) {
            values.add("archived");
        }
        return String.join("\n", values.stream().map(VersionQuery::escaped).toList());
    }

    @Override
    public String toString() {
        return "VersionQuery[" + selection().replace("\n", ", ") + ", page size " + pageSize + "]";
    }

    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Builds a {@link VersionQuery}; {@link #build()} checks every value. */
    public static final class Builder {

        private String sensorId;
        private String modelType;
        private String tag;
        private String tagValue;
        private Double minScore;
        private Double maxScore;
        private Instant createdAfter;
        private Instant createdBefore;
        private String dataHash;
        private String dataSource;
        private LocalDate dataFrom;
        private LocalDate dataTo;
        private boolean activeOnly;
        private boolean includeArchived;
        private Order order = Order.CREATED;
        private boolean descending = true;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private String pageToken;

        private Builder() {
        }

        /** Only versions of this sensor; null: any. */
        public Builder sensorId(String sensorId) {
            this.sensorId = sensorId;
            return this;
        }

        /** Only versions of this model type; null: any. */
        public Builder modelType(String modelType) {
            this.modelType = modelType;
            return this;
        }

        /** Only versions carrying exactly this tag key, with any value or none; null: any. */
        public Builder tag(String tag) {
            this.tag = tag;
            this.tagValue = null;
            return this;
        }

        /** Only versions whose tag {@code key} has exactly {@code value} (key=value); a null value: {@link #tag(String)}. */
        public Builder tag(String key, String value) {
            this.tag = key;
            this.tagValue = value;
            return this;
        }

        /** Only versions scored at least this (inclusive); null: no lower bound. */
        public Builder minScore(Double minScore) {
            this.minScore = minScore;
            return this;
        }

        /** Only versions scored at most this (inclusive); null: no upper bound. */
        public Builder maxScore(Double maxScore) {
            this.maxScore = maxScore;
            return this;
        }

        /** Only versions created at or after this instant; null: no lower bound. */
        public Builder createdAfter(Instant createdAfter) {
            this.createdAfter = createdAfter;
            return this;
        }

        /** Only versions created strictly before this instant; null: no upper bound. */
        public Builder createdBefore(Instant createdBefore) {
            this.createdBefore = createdBefore;
            return this;
        }

        /** Only versions trained on data with this hash; null: any. */
        public Builder dataHash(String dataHash) {
            this.dataHash = dataHash;
            return this;
        }

        /** Only versions whose lineage names exactly this data source; null: any. */
        public Builder dataSource(String dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Only versions whose training-data period ends on or after this date; null: no lower bound. */
        public Builder dataFrom(LocalDate dataFrom) {
            this.dataFrom = dataFrom;
            return this;
        }

        /** Only versions whose training-data period starts on or before this date; null: no upper bound. */
        public Builder dataTo(LocalDate dataTo) {
            this.dataTo = dataTo;
            return this;
        }

        /** Only active versions (true), or all (false, the default). */
        public Builder activeOnly(boolean activeOnly) {
            this.activeOnly = activeOnly;
            return this;
        }

        /** Archived versions (R15) too; a search leaves them out unless told. */
        public Builder includeArchived() {
            this.includeArchived = true;
            return this;
        }

        /** The sort key (default {@link Order#CREATED}). */
        public Builder orderBy(Order order) {
            this.order = order;
            return this;
        }

        /** Smallest first (oldest, worst). */
        public Builder ascending() {
            this.descending = false;
            return this;
        }

        /** Largest first (newest, best): the default. */
        public Builder descending() {
            this.descending = true;
            return this;
        }

        /** At most this many versions per page, 1 to {@value #MAX_PAGE_SIZE}. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** Continue after the page that returned this token ({@link VersionPage#nextPageToken()}); null: the first page. */
        public Builder pageToken(String pageToken) {
            this.pageToken = pageToken;
            return this;
        }

        /** The query; refuses a value beyond the rules (see {@link VersionQuery}). */
        public VersionQuery build() {
            if (sensorId != null) {
                SensorId.of(sensorId);
            }
            if (modelType != null) {
                ModelType.of(modelType);
            }
            if (tag != null) {
                Tags.of(List.of(tag));
            }
            if (tagValue != null) {
                if (tag == null) {
                    throw new InvalidQueryException("tag", null, "must be given with a tag value");
                }
                ValueLimits.requireTagValue(tag, tagValue);
            }
            if (dataHash != null) {
                DataLineage.ofHash(dataHash);
            }
            ValueLimits.requireText("data_source", dataSource);
            requireFinite("min_score", minScore);
            requireFinite("max_score", maxScore);
            if (minScore != null && maxScore != null && minScore > maxScore) {
                throw new InvalidQueryException("min_score", minScore, "must not be above max_score " + maxScore);
            }
            if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
                throw new InvalidQueryException("created_after", createdAfter, "must be before created_before " + createdBefore);
            }
            if (dataFrom != null && dataTo != null && dataFrom.isAfter(dataTo)) {
                throw new InvalidQueryException("data_from", dataFrom, "must not be after data_to " + dataTo);
            }
            if (order == null) {
                throw new InvalidQueryException("order", null, "must be CREATED or SCORE");
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new InvalidQueryException("page_size", pageSize, "must be 1 to " + MAX_PAGE_SIZE);
            }
            return new VersionQuery(this);
        }

        private static void requireFinite(String field, Double value) {
            if (value != null && !Double.isFinite(value)) {
                throw new InvalidQueryException(field, value, "must be a finite number");
            }
        }
    }
}
