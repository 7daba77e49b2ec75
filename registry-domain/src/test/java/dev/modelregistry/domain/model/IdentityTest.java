package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidIdentifierException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R1: identity of models and versions. */
class IdentityTest {

    @Test
    void aModelIdIsTheModelTypeThenTheSensorId() {
        assertThat(ModelId.of(SensorId.of("sensor_001"), ModelType.of("telemanom")).value()).isEqualTo("telemanom_sensor_001");
        assertThat(Model.create(SensorId.of("SMAP-PWR-001"), ModelType.of("transformer"), Fixtures.T0).id().value())
                .isEqualTo("transformer_SMAP-PWR-001");
    }

    @Test
    void blankSensorIdsAndModelTypesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> SensorId.of("  ")).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("sensor_id");
        assertThatThrownBy(() -> SensorId.of(null)).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> ModelType.of("")).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("model_type");
    }

    @Test
    void identifiersLongerThan128CharactersAreRefused() {
        assertThat(SensorId.of("s".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> SensorId.of("s".repeat(129)))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("128");
    }

    @Test
    void identifiersWithControlCharactersAreRefused() {
        assertThatThrownBy(() -> SensorId.of("sensor\n001")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("control characters")
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).value()).isEqualTo("sensor\n001"));
        assertThatThrownBy(() -> ModelType.of("tele\u0000manom")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void unicodeSensorIdsAreWelcome() {
        assertThat(SensorId.of("capteur-température-№5").value()).isEqualTo("capteur-température-№5");
    }

    @Test
    void versionIdsAreShortAndSafe() {
        assertThat(VersionId.of("7a6034be").value()).isEqualTo("7a6034be");
        assertThatThrownBy(() -> VersionId.of("../etc")).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("version_id");
        assertThatThrownBy(() -> VersionId.of("")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void newVersionIdsAreTwelveLowercaseHexCharactersAndDoNotRepeat() {
        RandomVersionIdGenerator generator = new RandomVersionIdGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = generator.nextId().value();
            assertThat(id).matches("[0-9a-f]{12}");
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }
}
