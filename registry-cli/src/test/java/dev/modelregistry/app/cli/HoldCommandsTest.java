package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registryAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry hold} and {@code registry release}, text and {@code --json}, and the hold in {@code models} and {@code show} (R14). */
class HoldCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    private Path folder;
    private String dir;
    private String held;

    @BeforeEach
    void oneVersionOfOneModel() {
        folder = tmp.resolve("registry_sqlite");
        dir = folder.toString();
        held = register(0.05);
    }

    private String register(double anomalyRate) {
        try (ModelRegistry registry = ModelRegistrySQLite.open(folder)) {
            return registry.registerModel(ModelRegistration.builder().sensorId("pump 7").modelType("transformer")
                    .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                    .dataHash("abc123").build());
        }
    }

    @Test
    void holdKeepsTheActiveVersionAndReleaseMakesTheBetterOneActiveAndSaysSo() {
        CliRun hold = registryAt(dir, "hold", "pump 7", "transformer");
        assertThat(hold.exitCode()).as(hold.toString()).isZero();
        assertThat(hold.out()).isEqualTo("Held transformer_pump 7: " + held + " stays active until 'registry release'." + NL);
        String better = register(0.01);

        assertThat(registryAt(dir, "show", held).out()).containsPattern("held\\s+since 20");
        assertThat(registryAt(dir, "show", better).out()).containsPattern("held\\s+no");
        assertThat(registryAt(dir, "show", held, "--json").out()).containsPattern("\"held_since\" : \"20[^\"]+Z\"");
        assertThat(registryAt(dir, "models").out()).contains("held since").containsPattern(held + ".*  20\\d\\d-");
        assertThat(registryAt(dir, "models", "--json").out()).containsPattern("\"held_since\" : \"20[^\"]+Z\"");
        assertThat(registryAt(dir, "history", "--sensor", "pump 7", "--type", "transformer").out())
                .contains("HOLD_STARTED").contains("WOULD_HAVE_BECOME_ACTIVE");

        CliRun release = registryAt(dir, "release", "pump 7", "transformer");
        assertThat(release.exitCode()).as(release.toString()).isZero();
        assertThat(release.out()).isEqualTo("Released transformer_pump 7: " + better + " is now active (was " + held + ")." + NL);
        assertThat(registryAt(dir, "show", better).out()).containsPattern("held\\s+no");
        assertThat(registryAt(dir, "models", "--json").out()).contains("\"held_since\" : null");
    }

    @Test
    void jsonSaysWhatChangedAndASecondHoldChangesNothing() {
        assertThat(registryAt(dir, "hold", "pump 7", "transformer", "--json").out())
                .contains("\"model_id\" : \"transformer_pump 7\"").contains("\"held_version\" : \"" + held + "\"")
                .contains("\"changed\" : true");
        assertThat(registryAt(dir, "hold", "pump 7", "transformer").out()).startsWith("transformer_pump 7 was already held");
        assertThat(registryAt(dir, "hold", "pump 7", "transformer", "--json").out()).contains("\"changed\" : false");

        CliRun release = registryAt(dir, "release", "pump 7", "transformer", "--json");
        assertThat(release.out()).contains("\"held_version\" : \"" + held + "\"")
                .contains("\"active_version\" : \"" + held + "\"").contains("\"changed\" : false");
    }

    @Test
    void holdAndReleaseRecordTheirChangeNoteInTheHistory() {
        registryAt(dir, "hold", "pump 7", "transformer", "--actor", "ops-oncall", "--reason", "audit week", "--ref", "OPS-42");
        registryAt(dir, "release", "pump 7", "transformer", "--actor", "lead");

        String history = registryAt(dir, "history", "--sensor", "pump 7", "--type", "transformer", "--json").out();
        assertThat(history).containsPattern("\"reason\" : \"HOLD_STARTED\"[^}]*\"actor\" : \"ops-oncall\",\\s+"
                + "\"note_reason\" : \"audit week\",\\s+\"note_reference\" : \"OPS-42\"");
        assertThat(history).containsPattern("\"reason\" : \"HOLD_RELEASED\"[^}]*\"actor\" : \"lead\"");
    }

    @Test
    void aRefusedNoteIsAUsageErrorAndHoldsNothing() {
        CliRun refused = registryAt(dir, "hold", "pump 7", "transformer", "--actor", " ");
        assertThat(refused.exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(refused.err()).contains("--actor");
        assertThat(registryAt(dir, "show", held).out()).containsPattern("held\\s+no");
    }

    @Test
    void releasingAModelThatIsNotHeldAndHoldingAnUnknownOneAreErrorsThatNameTheModel() {
        CliRun release = registryAt(dir, "release", "pump 7", "transformer");
        assertThat(release.exitCode()).isNotZero();
        assertThat(release.err()).contains("transformer_pump 7 is not held");

        CliRun unknown = registryAt(dir, "hold", "pump 8", "transformer");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("transformer_pump 8");
    }

    @Test
    void anExportImportedIntoAFreshRegistryKeepsTheHoldAndWhatWaitsForTheRelease() {
        registryAt(dir, "hold", "pump 7", "transformer");
        String better = register(0.01);
        String file = tmp.resolve("export.jsonl").toString();
        String copy = tmp.resolve("copy").toString();

        assertThat(registryAt(dir, "export", "--out", file).exitCode()).isZero();
        CliRun imported = registryAt(copy, "import", file);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        assertThat(registryAt(copy, "show", held).out()).containsPattern("held\\s+since 20");
        assertThat(registryAt(copy, "release", "pump 7", "transformer").out()).contains(better + " is now active");
    }
}
