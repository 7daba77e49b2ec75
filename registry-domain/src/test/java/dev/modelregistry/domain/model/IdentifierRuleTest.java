package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.ModelIdConflictException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/** R1: the identifier rule of the README ("Identifiers") and the (sensor, type) pair as a model's identity. */
class IdentifierRuleTest {

    /** Characters that show as nothing or as a plain space in a listing. */
    private static final int[] LOOK_ALIKES = {
            0x00A0, 0x2007, 0x202F, 0x2000, 0x2003, 0x3000, 0x1680,         // no-break and other spaces
            0x200B, 0x200C, 0x200D, 0x200E, 0x200F,                         // zero width, joiners, marks
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C, // bidi controls
            0x2028, 0x2029,                                                 // line and paragraph separators
            0x2060, 0xFEFF, 0x00AD, 0x180E, 0xE0041,                        // word joiner, BOM, soft hyphen, tag
            0x034F, 0x115F, 0x3164, 0xFFA0, 0xFE0F, 0xE0100, 0x2800,        // other default-ignorables, blank
            0xE000, 0x10FFFD, 0x0378,                                       // private use, unassigned
            0x0000, 0x001B, 0x007F, 0x0085,                                 // controls
    };

    @ParameterizedTest
    @ValueSource(strings = {"q\uD800", "q\uDFFF", "\uDFFFq", "q\uDFFF\uD800", "\uD83D"})
    void aLoneSurrogateIsNotValidUnicodeAndIsRefused(String id) {
        assertThatThrownBy(() -> SensorId.of(id)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("sensor_id").hasMessageContaining("not valid Unicode")
                .hasMessageContaining("lone surrogate U+D");
        assertThatThrownBy(() -> ModelType.of(id)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("model_type");
    }

    @Test
    void aSurrogatePairIsOneCharacterAndWelcome() {
        assertThat(SensorId.of("q\uD83D\uDE00").value()).isEqualTo("q\uD83D\uDE00");
        assertThat(SensorId.of("q?").value()).isEqualTo("q?");
    }

    @Test
    void everyCharacterThatLooksLikeNothingOrASpaceIsRefusedNamingItsCodePoint() {
        for (int codePoint : LOOK_ALIKES) {
            String id = "sensor" + Character.toString(codePoint) + "001";
            String shown = String.format("U+%04X", codePoint);
            assertThatThrownBy(() -> SensorId.of(id)).as(shown).isInstanceOf(InvalidIdentifierException.class)
                    .hasMessageContaining("sensor_id").hasMessageContaining(shown + " at index 6");
            assertThatThrownBy(() -> ModelType.of(id)).as(shown).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Test
    void aPlainSpaceInsideAnIdIsAllowedButNotAtEitherEnd() {
        assertThat(SensorId.of("pump 7").value()).isEqualTo("pump 7");
        assertThatThrownBy(() -> SensorId.of(" pump7")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("white space");
    }

    @Test
    void anIdThatIsNotInNormalizationFormNfcIsRefusedBecauseItLooksLikeItsComposedForm() {
        assertThat(SensorId.of("capteur-temp\u00E9rature").value()).isEqualTo("capteur-temp\u00E9rature");
        assertThatThrownBy(() -> SensorId.of("capteur-tempe\u0301rature")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("NFC").hasMessageContaining("capteur-temp\u00E9rature");
    }

    @Test
    void visibleIdsOfAnyScriptAreWelcome() {
        for (String id : List.of("SMAP-PWR-001", "capteur-№5", "датчик_7", "传感器-3", "مستشعر", "x_a", "a.b:c/d")) {
            assertThat(SensorId.of(id).value()).isEqualTo(id);
            assertThat(ModelType.of(id).value()).isEqualTo(id);
        }
    }

    @Test
    void anyInvisibleCharacterAnywhereInAnOtherwiseValidIdIsRefused() {
        Gen<Integer> lookAlike = integers().between(0, LOOK_ALIKES.length - 1).map(i -> LOOK_ALIKES[i]);
        qt().withExamples(500)
                .forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40).map(s -> "s" + s.strip() + "s"),
                        lookAlike, integers().between(0, 1_000))
                .checkAssert((id, codePoint, position) -> {
                    assertThat(SensorId.of(id).value()).isEqualTo(id);
                    int at = position % (id.length() + 1);
                    String spoofed = id.substring(0, at) + Character.toString(codePoint) + id.substring(at);
                    assertThatThrownBy(() -> SensorId.of(spoofed)).isInstanceOf(InvalidIdentifierException.class);
                });
    }

    @Test
    void everyAcceptedIdSurvivesARoundTripThroughUtf8() {
        qt().withExamples(2_000).forAll(strings().allPossible().ofLengthBetween(1, 12)).checkAssert(id -> {
            Optional<SensorId> accepted = accept(id);
            accepted.ifPresent(sensor -> {
                String roundTripped = new String(sensor.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                assertThat(roundTripped).isEqualTo(id);
                assertThat(id.codePoints()).noneMatch(InvisibleCharacters::isInvisible);
            });
        });
    }

    @Test
    void aModelIsIdentifiedByItsSensorAndTypeNotByItsDerivedId() {
        Model model = Model.create(SensorId.of("b"), ModelType.of("x_a"), Fixtures.T0);

        assertThat(model.id()).isEqualTo(ModelId.of(SensorId.of("a_b"), ModelType.of("x")));
        assertThat(model.isIdentifiedBy(SensorId.of("b"), ModelType.of("x_a"))).isTrue();
        assertThat(model.isIdentifiedBy(SensorId.of("a_b"), ModelType.of("x"))).isFalse();
    }

    @Test
    void aPairWhoseDerivedIdBelongsToAnotherPairIsRefusedNamingBothPairs() {
        Model holder = Model.create(SensorId.of("b"), ModelType.of("x_a"), Fixtures.T0);

        assertThatThrownBy(() -> Model.forPair(SensorId.of("a_b"), ModelType.of("x"), Optional.of(holder), Fixtures.T0))
                .isInstanceOf(ModelIdConflictException.class)
                .hasMessageContaining("x_a_b")
                .hasMessageContaining("sensor \"a_b\", type \"x\"")
                .hasMessageContaining("sensor \"b\", type \"x_a\"");
        assertThat(holder.versions()).isEmpty();
    }

    @Test
    void thePairsOwnModelIsReturnedAndAMissingOneIsCreated() {
        Model holder = Model.create(SensorId.of("b"), ModelType.of("x_a"), Fixtures.T0);

        assertThat(Model.forPair(SensorId.of("b"), ModelType.of("x_a"), Optional.of(holder), Fixtures.T0)).isSameAs(holder);
        Model created = Model.forPair(SensorId.of("a_b"), ModelType.of("x"), Optional.empty(), Fixtures.T0);
        assertThat(created.isIdentifiedBy(SensorId.of("a_b"), ModelType.of("x"))).isTrue();
        assertThat(created.versions()).isEmpty();
    }

    private static Optional<SensorId> accept(String id) {
        try {
            return Optional.of(SensorId.of(id));
        } catch (InvalidIdentifierException refused) {
            return Optional.empty();
        }
    }
}
