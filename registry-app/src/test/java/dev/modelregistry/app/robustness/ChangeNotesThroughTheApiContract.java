package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.modelregistry.app.ActivationEntry;
import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who and why through the public API (README, "Who and why"): a promotion, a delete and alias
 * changes record the note they are given, in the history and the change feed; without one they
 * record the configured default actor; registrations record none. Run on SQLite and PostgreSQL.
 */
abstract class ChangeNotesThroughTheApiContract {

    private static final ChangeNote ROLLBACK = ChangeNote.by("ops-oncall").because("rollback after incident 42")
            .referencing("INC-42");

    /** A fresh, empty registry opened with {@code settings}. */
    protected abstract ModelRegistry open(RegistrySettings settings);

    private static ModelRegistration registration(double anomalyRate) {
        return ModelRegistration.builder().sensorId("s1").modelType("transformer")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256-of-training-data").build();
    }

    @Test
    void everyChangeMadeWithANoteShowsItInTheHistoryAndTheFeed() {
        try (ModelRegistry registry = open(RegistrySettings.defaults())) {
            String first = registry.registerModel(registration(0.01));
            String second = registry.registerModel(registration(0.05));
            ChangeNote experiment = ChangeNote.by("Jürgen Müller").because("A/B test 🚑\nweek 12");

            registry.promoteVersion(second, ROLLBACK);
            registry.setAlias(first, "challenger", experiment);
            registry.removeAlias("s1", "transformer", "challenger", ChangeNote.by("ml-team").referencing("EXP-7"));
            registry.setAlias(second, "shadow", experiment);
            registry.deleteVersion(second, true, false, ROLLBACK);

            List<ActivationEntry> history = registry.getActivationHistory("s1", "transformer");
            assertThat(history).extracting(ActivationEntry::reason, ActivationEntry::note).containsExactly(
                    tuple("REGISTERED", null),
                    tuple("PROMOTED", ROLLBACK),
                    tuple("ALIAS_SET", experiment),
                    tuple("ALIAS_REMOVED", ChangeNote.by("ml-team").referencing("EXP-7")),
                    tuple("ALIAS_SET", experiment),
                    tuple("REELECTED", ROLLBACK),
                    tuple("ALIAS_REMOVED_WITH_VERSION", ROLLBACK));
            List<ActivationEvent> feed = registry.activationChangesSince(0, 100);
            assertThat(feed).extracting(ActivationEvent::note)
                    .containsExactlyElementsOf(history.stream().map(ActivationEntry::note).toList());
        }
    }

    @Test
    void aChangeWithoutANoteRecordsTheDefaultActorWithoutAReason() {
        try (ModelRegistry registry = open(RegistrySettings.defaults())) {
            String first = registry.registerModel(registration(0.01));
            String second = registry.registerModel(registration(0.05));

            registry.promoteVersion(second);
            registry.setAlias(first, "last-known-good", null);

            assertThat(registry.getActivationHistory("s1", "transformer")).extracting(ActivationEntry::note)
                    .containsExactly(null, ChangeNote.by("application"), ChangeNote.by("application"));
        }
    }

    @Test
    void theDefaultActorIsASetting() {
        try (ModelRegistry registry = open(RegistrySettings.builder().defaultActor(" retraining-service ").build())) {
            String first = registry.registerModel(registration(0.01));
            String second = registry.registerModel(registration(0.05));

            registry.setAlias(second, "challenger");
            registry.removeAlias("s1", "transformer", "challenger");
            registry.deleteVersion(first, true, false);

            assertThat(registry.getActivationHistory("s1", "transformer"))
                    .extracting(ActivationEntry::reason, entry -> entry.note() == null ? null : entry.note().actor())
                    .containsExactly(tuple("REGISTERED", null), tuple("ALIAS_SET", "retraining-service"),
                            tuple("ALIAS_REMOVED", "retraining-service"), tuple("REELECTED", "retraining-service"));
            assertThat(registry.activationChangesSince(0, 100)).extracting(ActivationEvent::reason).last()
                    .isEqualTo(ActivationReason.REELECTED);
        }
    }
}
