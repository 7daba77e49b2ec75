package dev.modelregistry.persistence.adoption;

import dev.modelregistry.persistence.format.UtcText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The timestamp texts found in databases written by the Python {@code ModelRegistrySQLite} and
 * their conversion to the library's format ({@link UtcText}: {@code 2025-09-29T21:57:26.679550Z}).
 * <ul>
 *   <li>{@link Kind#LIBRARY}: already the library's fixed-width UTC text; left alone.</li>
 *   <li>{@link Kind#UTC_TEXT}: SQLite {@code CURRENT_TIMESTAMP} ({@code 2026-11-26 07:41:09}),
 *       which SQLite writes in UTC.</li>
 *   <li>{@link Kind#NAIVE_LOCAL}: Python {@code datetime.now().isoformat()}
 *       ({@code 2026-11-26T07:41:09.145256}, no fraction when the microseconds are 0): local time
 *       of the machine that ran Python, read in the zone the operator names.</li>
 *   <li>{@link Kind#ZONED}: any other ISO-8601 text with {@code Z} or an offset.</li>
 *   <li>{@link Kind#UNREADABLE}: anything else; adoption stops rather than guess.</li>
 * </ul>
 * A naive time that falls into a daylight-saving gap moves forward by the gap; one in an
 * overlap takes the earlier offset ({@link java.time.ZonedDateTime#of} rules).
 */
public final class LegacyTimestamps {

    /** The kinds of timestamp text (see the class comment). */
    public enum Kind { LIBRARY, UTC_TEXT, NAIVE_LOCAL, ZONED, UNREADABLE }

    /** The legacy tables' timestamp columns, table by table (all rows keyed by rowid). */
    public static final Map<String, List<String>> COLUMNS;

    static {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("models", List.of("created_at", "updated_at"));
        columns.put("versions", List.of("created_at"));
        columns.put("data_lineage", List.of("created_at"));
        COLUMNS = Collections.unmodifiableMap(columns);
    }

    private static final Pattern LIBRARY =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
    private static final Pattern UTC_TEXT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern NAIVE_LOCAL =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern ZONED =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})");

    private LegacyTimestamps() {
    }

    /** The kind of a stored text (null counts as {@link Kind#LIBRARY}: nothing to convert). */
    public static Kind kind(String text) {
        if (text == null) {
            return Kind.LIBRARY; // nothing to convert
        }
        if (LIBRARY.matcher(text).matches()) {
            return Kind.LIBRARY;
        }
        if (UTC_TEXT.matcher(text).matches()) {
            return Kind.UTC_TEXT;
        }
        if (NAIVE_LOCAL.matcher(text).matches()) {
            return Kind.NAIVE_LOCAL;
        }
        if (ZONED.matcher(text).matches()) {
            return Kind.ZONED;
        }
        return Kind.UNREADABLE;
    }

    /**
     * The library's text for a stored value.
     *
     * @param legacyZone the zone naive local times were written in
     * @throws IllegalArgumentException when the text is no timestamp this class knows
     */
    public static String normalise(String text, ZoneId legacyZone) {
        try {
            return switch (kind(text)) {
                case LIBRARY -> text;
                case UTC_TEXT -> UtcText.format(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
                case NAIVE_LOCAL -> UtcText.format(LocalDateTime.parse(text).atZone(legacyZone).toInstant());
                case ZONED -> UtcText.format(zoned(text));
                case UNREADABLE -> throw new IllegalArgumentException("not a timestamp: '" + text + "'");
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp: '" + text + "'", e);
        }
    }

    private static Instant zoned(String text) {
        String value = text.replace(' ', 'T');
        if (value.endsWith("z")) {
            value = value.substring(0, value.length() - 1) + "Z";
        }
        if (!value.endsWith("Z") && value.charAt(value.length() - 3) != ':') {
            value = value.substring(0, value.length() - 2) + ":" + value.substring(value.length() - 2);
        }
        return OffsetDateTime.parse(value).toInstant();
    }
}
