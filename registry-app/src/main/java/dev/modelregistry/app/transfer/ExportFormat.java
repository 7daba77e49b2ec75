package dev.modelregistry.app.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The export file format (docs/export-format.md): JSON lines, UTF-8, every line ended by a
 * newline. Line 1 is the header naming the format and its version, then one line per model
 * (ordered by model id), then the end line with the counts, which tells a complete file from a
 * truncated one. Numbers, NaN and infinities are written as the registry's database keeps them
 * (bare {@code NaN}/{@code Infinity} tokens, as Python's json module does). Reading is strict:
 * every field present, no unknown or repeated field, nothing after a line's value.
 */
final class ExportFormat {

    static final String FORMAT = "model-registry-export";
    /** The version written; version 1 (before tag values and model tags and descriptions) is still read. */
    static final int VERSION = 2;

    /** The version without tag values, model tags and model descriptions. */
    static final int VERSION_1 = 1;

    /** A line longer than this is refused before it is parsed (a model of ~100,000 versions fits). */
    static final int DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ExportFormat() {
    }
}
