package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value limits (README, "Value limits"): every JSON-bound value is checked, errors name the field and never embed it. */
class ValueLimitsTest {

    private static Map<String, Object> nested(int depth) {
        Map<String, Object> innermost = new LinkedHashMap<>();
        innermost.put("loss", 0.1);
        Map<String, Object> map = innermost;
        for (int level = 1; level < depth; level++) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("deep", map);
            map = outer;
        }
        return map;
    }

    @Test
    void mapsNestUpToTheDepthLimitAndNoDeeper() {
        assertThat(Attributes.of("training_config", nested(ValueLimits.MAX_NESTING_DEPTH)).isEmpty()).isFalse();

        assertThatThrownBy(() -> Attributes.of("training_config", nested(ValueLimits.MAX_NESTING_DEPTH + 1)))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageStartingWith("training_config.deep.deep")
                .hasMessageContaining("more than 64 levels deep");
        assertThatThrownBy(() -> Attributes.of("validation_metrics", nested(999)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("validation_metrics");
    }

    @Test
    void listsCountAsLevelsToo() {
        Object value = 1;
        for (int level = 0; level < ValueLimits.MAX_NESTING_DEPTH; level++) {
            value = List.of(value);
        }
        Object tooDeep = value;
        assertThatThrownBy(() -> Attributes.of("training_metrics", Map.of("curve", tooDeep)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("training_metrics.curve[0]");
    }

    @Test
    void aMapThatContainsItselfIsRefusedWithoutOverflowingTheStack() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        List<Object> list = new ArrayList<>();
        list.add(list);

        assertThatThrownBy(() -> Attributes.of("validation_metrics", Map.of("validation_performed", true, "m", loop)))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("validation_metrics.m.self").hasMessageContaining("must not refer to itself");
        assertThatThrownBy(() -> Attributes.of("training_config", Map.of("l", list)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("training_config.l[0]");
    }

    @Test
    void theSameMapTwiceSideBySideIsNoCycle() {
        Map<String, Object> shared = Map.of("a", 1);
        assertThat(Attributes.of("training_config", Map.of("x", shared, "y", List.of(shared, shared))).asMap())
                .containsEntry("x", shared);
    }

    @Test
    void numbersAreAtMost100CharactersAndTheMessageDoesNotEmbedTheNumber() {
        BigInteger longest = new BigInteger("9".repeat(ValueLimits.MAX_NUMBER_LENGTH));
        assertThat(Attributes.of("m", Map.of("n", longest)).valueOf("n")).isEqualTo(longest);
        BigInteger huge = new BigInteger("7".repeat(1_500));

        assertThatThrownBy(() -> Attributes.of("validation_metrics", Map.of("r2_score", huge)))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("validation_metrics.r2_score").hasMessageContaining("100 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        assertThatThrownBy(() -> Attributes.of("m", Map.of("d", new BigDecimal("1." + "1".repeat(120)))))
                .isInstanceOf(InvalidVersionDataException.class);
    }

    @Test
    void stringsAreAtMostAMillionCharactersKeysIncluded() {
        String longest = "s".repeat(ValueLimits.MAX_STRING_LENGTH);
        assertThat(Attributes.of("training_config", Map.of("notes", longest)).valueOf("notes")).isEqualTo(longest);

        String tooLong = longest + "s";
        assertThatThrownBy(() -> Attributes.of("training_config", Map.of("notes", tooLong)))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("training_config.notes").hasMessageContaining("1000000 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        assertThatThrownBy(() -> Attributes.of("training_config", Map.of(tooLong, 1)))
                .isInstanceOf(InvalidVersionDataException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void aFieldIsAtMost4MiBOfJsonCountingEscapesAtTheirLongest() {
        Map<String, Object> fits = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            fits.put("k" + i, "x".repeat(1_000_000));
        }
        assertThat(Attributes.of("training_config", fits).asMap()).hasSize(4);

        Map<String, Object> escaped = Map.of("quotes", "\"".repeat(1_000_000), "more", "\\".repeat(1_000_000),
                "controls", "\u0001".repeat(500_000));
        assertThatThrownBy(() -> Attributes.of("training_metrics", escaped))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageStartingWith("training_metrics").hasMessageContaining("4 MiB");
        List<Object> many = Collections.nCopies(2_500_000, 1); // "1," each: 5,000,000 characters
        assertThatThrownBy(() -> Attributes.of("training_metrics", Map.of("many", many)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("4 MiB");
    }

    @Test
    void stringsMustBeValidUnicode() {
        assertThat(Attributes.of("m", Map.of("emoji", "\uD83D\uDE00")).valueOf("emoji")).isEqualTo("\uD83D\uDE00");
        assertThatThrownBy(() -> Attributes.of("training_config", Map.of("name", "q\uD800")))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("training_config.name").hasMessageContaining("lone surrogate U+D800");
        assertThatThrownBy(() -> Tags.of(List.of("q\uDFFF"))).isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("tags[0]");
    }

    @Test
    void atMost128TagsOfAtMost256CharactersAndNoneNull() {
        assertThat(Tags.of(Collections.nCopies(128, "t".repeat(256))).keys()).hasSize(128);

        assertThatThrownBy(() -> Tags.of(Collections.nCopies(129, "t"))).isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("128 tags");
        assertThatThrownBy(() -> Tags.of(List.of("ok", "t".repeat(257)))).isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("tags[1]").hasMessageContaining("256 characters");
        assertThatThrownBy(() -> Tags.of(Arrays.asList("a", null))).isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("tags[1] must not be null");
    }

    @Test
    void freeTextFieldsAreAtMostAMillionCharactersWithoutNul() {
        String tooLong = "d".repeat(ValueLimits.MAX_STRING_LENGTH + 1);
        Attributes metrics = Attributes.of(Fixtures.metricsWithAnomalyRate(0.05));

        assertThatThrownBy(() -> new VersionSpec("p", null, null, metrics, 0, null, null, tooLong, null, null))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> DataLineage.of("hash", tooLong, null, null, null))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("data_source");
        assertThatThrownBy(() -> DataLineage.of("hash", "nasa\u0000smap", null, null, null))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("U+0000");
        assertThat(Attributes.of("m", Map.of("s", "a\u0000b")).valueOf("s")).isEqualTo("a\u0000b");
    }

    @Test
    void theUnreadableMarkersAreEmptyAndEqualOnlyToThemselves() {
        assertThat(Attributes.unreadable().asMap()).isEmpty();
        assertThat(Attributes.unreadable().isUnreadable()).isTrue();
        assertThat(Attributes.empty().isUnreadable()).isFalse();
        assertThat(Attributes.unreadable()).isNotEqualTo(Attributes.empty());
        assertThat(Tags.unreadable().values()).isEmpty();
        assertThat(Tags.unreadable()).isNotEqualTo(Tags.none());
        assertThat(Tags.of(List.of()).isUnreadable()).isFalse();
    }

    @Test
    void anyValueWithinTheLimitsIsKeptExactly() {
        qt().withExamples(200).forAll(integers().between(1, ValueLimits.MAX_NESTING_DEPTH), integers().between(0, 50))
                .checkAssert((depth, width) -> {
                    Map<String, Object> value = nested(depth);
                    value.put("list", Collections.nCopies(width, "v"));
                    assertThat(Attributes.of("training_config", value).asMap()).isEqualTo(value);
                });
    }
}
