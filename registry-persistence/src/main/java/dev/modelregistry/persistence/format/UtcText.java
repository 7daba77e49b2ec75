package dev.modelregistry.persistence.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * How instants are stored as text on SQLite: UTC, ISO-8601, always six fraction digits and a
 * trailing {@code Z} ({@code 2025-09-29T21:57:26.679550Z}). Fixed width, so text order is time
 * order and {@code MAX(created_at)} works; readable in {@code sqlite3}. Sub-microsecond digits
 * are truncated. Reading also accepts what the Python registry wrote: a space instead of
 * {@code T}, fewer fraction digits, an offset, or no zone at all (taken as UTC).
 */
public final class UtcText {

    private static final DateTimeFormatter WRITE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter READ_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private UtcText() {
    }

    public static String format(Instant instant) {
        return WRITE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static Instant parse(String text) {
        String value = text.trim();
        try {
            if (value.endsWith("Z") || value.endsWith("z")) {
                return LocalDateTime.parse(value.substring(0, value.length() - 1), READ_LOCAL).toInstant(ZoneOffset.UTC);
            }
            int offsetAt = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
            if (offsetAt > 10) {
                return OffsetDateTime.parse(value.substring(0, offsetAt).replace(' ', 'T') + value.substring(offsetAt))
                        .toInstant();
            }
            return LocalDateTime.parse(value, READ_LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("stored timestamp is not an ISO-8601 date-time: '" + text + "'", e);
        }
    }
}
