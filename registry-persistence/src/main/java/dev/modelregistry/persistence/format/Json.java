package dev.modelregistry.persistence.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.modelregistry.domain.model.ValueLimits;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The one JSON mapper of the adapter. NaN and infinities are read and written as the bare
 * tokens {@code NaN}, {@code Infinity}, {@code -Infinity} (as Python's json module does), so
 * non-finite metrics round-trip as numbers, not as strings. It reads with exactly the
 * {@link ValueLimits} the domain checks at registration (nesting depth, number and string
 * length, field length), so every value the registry wrote reads back.
 */
public final class Json {

    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(ValueLimits.MAX_NESTING_DEPTH)
            .maxNumberLength(ValueLimits.MAX_NUMBER_LENGTH)
            .maxStringLength(ValueLimits.MAX_STRING_LENGTH)
            .maxNameLength(ValueLimits.MAX_STRING_LENGTH)
            .maxDocumentLength(ValueLimits.MAX_FIELD_LENGTH)
            .build();

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .streamReadConstraints(LIMITS)
                    .build())
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Reads a JSON object into an insertion-ordered map; its type is resolved once, not on every read. */
    public static final ObjectReader OBJECT_READER = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {
    });

    /** Reads a JSON array of strings; its type is resolved once, not on every read. */
    public static final ObjectReader STRINGS_READER = MAPPER.readerFor(new TypeReference<List<String>>() {
    });

    private Json() {
    }

    /** Whether stored text is longer than any field the registry writes (checked before parsing it). */
    public static boolean isTooLong(String json) {
        return json.length() > ValueLimits.MAX_FIELD_LENGTH;
    }
}
