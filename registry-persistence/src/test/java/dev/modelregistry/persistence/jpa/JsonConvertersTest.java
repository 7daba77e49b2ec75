package dev.modelregistry.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.persistence.format.Json;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.ValueLimits;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON converters read with exactly the domain's {@link ValueLimits}: every value at a limit
 * reads back as written, and stored text beyond a limit or not JSON at all (written by another
 * program) reads as the unreadable marker, never as an exception that would make the version
 * unusable.
 */
class JsonConvertersTest {

    private final AttributesJsonConverter attributes = new AttributesJsonConverter();
    private final TagsJsonConverter tags = new TagsJsonConverter();

    private Attributes roundTrip(Attributes value) {
        return attributes.convertToEntityAttribute(attributes.convertToDatabaseColumn(value));
    }

    private static Map<String, Object> nested(int depth) {
        Map<String, Object> map = new LinkedHashMap<>(Map.of("loss", 0.5));
        for (int level = 1; level < depth; level++) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("deep", map);
            map = outer;
        }
        return map;
    }

    @Test
    void theReaderAppliesTheDomainsLimits() {
        assertThat(Json.LIMITS.getMaxNestingDepth()).isEqualTo(ValueLimits.MAX_NESTING_DEPTH);
        assertThat(Json.LIMITS.getMaxNumberLength()).isEqualTo(ValueLimits.MAX_NUMBER_LENGTH);
        assertThat(Json.LIMITS.getMaxStringLength()).isEqualTo(ValueLimits.MAX_STRING_LENGTH);
        assertThat(Json.LIMITS.getMaxNameLength()).isEqualTo(ValueLimits.MAX_STRING_LENGTH);
        assertThat(Json.LIMITS.getMaxDocumentLength()).isEqualTo(ValueLimits.MAX_FIELD_LENGTH);
        assertThat(Json.MAPPER.getFactory().streamReadConstraints()).isSameAs(Json.LIMITS);
    }

    @Test
    void everyValueAtALimitReadsBackAsWritten() {
        Attributes deepest = Attributes.of("training_config", nested(ValueLimits.MAX_NESTING_DEPTH));
        Attributes longestNumber = Attributes.of("m", Map.of("n", new BigInteger("9".repeat(ValueLimits.MAX_NUMBER_LENGTH)),
                "nan", Double.NaN, "inf", Double.NEGATIVE_INFINITY, "tiny", -4.9E-324));
        Attributes longestString = Attributes.of("m", Map.of("s".repeat(ValueLimits.MAX_STRING_LENGTH), "v".repeat(ValueLimits.MAX_STRING_LENGTH)));
        Map<String, Object> fourMiB = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            fourMiB.put("k" + i, "x".repeat(1_000_000));
        }
        fourMiB.put("rest", "\u00e9\"".repeat(60_000));
        Attributes largest = Attributes.of("m", fourMiB);

        for (Attributes value : List.of(deepest, longestNumber, longestString, largest)) {
            Attributes read = roundTrip(value);
            assertThat(read.isUnreadable()).isFalse();
            assertThat(read).isEqualTo(value);
        }
        Tags most = Tags.of(Collections.nCopies(ValueLimits.MAX_TAGS, "\"t\u0001".repeat(64)));
        assertThat(tags.convertToEntityAttribute(tags.convertToDatabaseColumn(most))).isEqualTo(most);
    }

    @Test
    void storedTextThatIsNotAJsonObjectReadsAsUnreadable() {
        for (String stored : List.of("not json", "[1, 2]", "\"text\"", "{\"a\": ", "{\"a\": tru}", "42")) {
            assertThat(attributes.convertToEntityAttribute(stored).isUnreadable()).as(stored).isTrue();
        }
        assertThat(attributes.convertToEntityAttribute(null)).isEqualTo(Attributes.empty());
        assertThat(attributes.convertToEntityAttribute("null")).isEqualTo(Attributes.empty());
    }

    @Test
    void storedTextBeyondALimitReadsAsUnreadableWithoutOverflowingTheStack() {
        String longNumber = "{\"r2_score\": " + "7".repeat(1_500) + "}";
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        String deeper = "[".repeat(100_000) + "]".repeat(100_000);
        String longString = "{\"s\": \"" + "x".repeat(ValueLimits.MAX_STRING_LENGTH + 1) + "\"}";
        String longKey = "{\"" + "k".repeat(ValueLimits.MAX_STRING_LENGTH + 1) + "\": 1}";
        String tooLarge = "{\"a\": \"" + "x".repeat(900_000) + "\", \"b\": \"" + "x".repeat(900_000) + "\", \"c\": \""
                + "x".repeat(900_000) + "\", \"d\": \"" + "x".repeat(900_000) + "\", \"e\": \"" + "x".repeat(900_000) + "\"}";
        String loneSurrogate = "{\"s\": \"q\\ud800\"}";

        for (String stored : List.of(longNumber, deep, deeper, longString, longKey, tooLarge, loneSurrogate)) {
            assertThat(attributes.convertToEntityAttribute(stored).isUnreadable())
                    .as(stored.substring(0, Math.min(30, stored.length()))).isTrue();
        }
    }

    @Test
    void storedTagsThatCannotBeReadReadAsUnreadable() {
        for (String stored : List.of("[null]", "{\"a\": 1}", "[\"a\"", "not json",
                "[" + String.join(",", Collections.nCopies(ValueLimits.MAX_TAGS + 1, "\"t\"")) + "]",
                "[\"" + "t".repeat(ValueLimits.MAX_TAG_LENGTH + 1) + "\"]")) {
            assertThat(tags.convertToEntityAttribute(stored).isUnreadable()).as(stored.substring(0, Math.min(8, stored.length()))).isTrue();
        }
        assertThat(tags.convertToEntityAttribute("[\"a\", \"b\"]").keys()).containsExactly("a", "b");
        assertThat(tags.convertToEntityAttribute("null")).isEqualTo(Tags.none());
    }

    @Test
    void anUnreadableMarkerIsNeverWrittenOverTheStoredText() {
        assertThatThrownBy(() -> attributes.convertToDatabaseColumn(Attributes.unreadable()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tags.convertToDatabaseColumn(Tags.unreadable())).isInstanceOf(IllegalStateException.class);
    }
}
