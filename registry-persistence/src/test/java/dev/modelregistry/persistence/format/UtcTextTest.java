package dev.modelregistry.persistence.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored UTC text reads back as the instant it was written from, in every form the registry meets. */
class UtcTextTest {

    @Test
    void everyWrittenInstantReadsBackExactly() {
        List<Instant> edges = List.of(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:59:59.999999Z"),
                Instant.parse("0001-01-01T00:00:00.000001Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"));
        for (Instant instant : edges) {
            assertThat(UtcText.parse(UtcText.format(instant))).isEqualTo(instant);
        }
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000) * 1_000L);
            assertThat(UtcText.parse(UtcText.format(instant))).isEqualTo(instant);
        }
    }

    @Test
    void textOfTheWrittenWidthInAnotherFormReadsAsTheFormatterReadsIt() {
        assertThat(UtcText.parse("2025-09-29t21:57:26.679550z")).isEqualTo(Instant.parse("2025-09-29T21:57:26.679550Z"));
        assertThat(UtcText.parse("2025-09-29 21:57:26.679550Z")).isEqualTo(Instant.parse("2025-09-29T21:57:26.679550Z"));
        assertThat(UtcText.parse(" 2025-09-29T21:57:26.679550Z ")).isEqualTo(Instant.parse("2025-09-29T21:57:26.679550Z"));
        assertThat(UtcText.parse("2025-09-29T23:57:26.6795+02:00")).isEqualTo(Instant.parse("2025-09-29T21:57:26.679500Z"));
    }

    @Test
    void writtenWidthTextOfNoRealInstantIsRefusedNamingTheText() {
        for (String stored : List.of("2025-13-01T00:00:00.000000Z", "2025-00-01T00:00:00.000000Z",
                "2025-01-01T25:00:00.000000Z", "2025-01-01T00:60:00.000000Z", "2025-01-01T00:00:0x.000000Z",
                "2025-01-01T00:00:00.00000-Z", "+025-01-01T00:00:00.000000Z")) {
            assertThatThrownBy(() -> UtcText.parse(stored)).as(stored).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + stored + "'");
        }
    }
}
