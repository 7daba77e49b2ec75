package dev.modelregistry.persistence.format;

import java.time.DateTimeException;
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

    private static final int WRITTEN_LENGTH = "2025-09-29T21:57:26.679550Z".length();

    private UtcText() {
    }

    public static String format(Instant instant) {
        return WRITE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The instant of stored text; text in exactly the written form is read without a formatter
     * (the formatter's optional sections cost more than the rest of a row).
     */
    public static Instant parse(String text) {
        Instant written = parseWritten(text);
        return written != null ? written : parseAny(text);
    }

    /** Text as {@link #format} writes it ({@code 2025-09-29T21:57:26.679550Z}); null for any other text. */
    private static Instant parseWritten(String text) {
        if (text.length() != WRITTEN_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(26) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int micros = digits(text, 20, 26);
        if ((year | month | day | hour | minute | second | micros) < 0) {
            return null;
        }
        try {
            long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
            return Instant.ofEpochSecond(epochSecond, micros * 1_000L);
        } catch (DateTimeException outOfRange) {
            return null; // a 30 February: the formatter below names the text in its error
        }
    }

    /** The number written by the ASCII digits {@code text[from, to)}; -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static Instant parseAny(String text) {
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
