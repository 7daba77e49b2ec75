package dev.modelregistry.app.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrySettingsTest {

    @Test
    void theDefaultsKeepAnExistingRegistryWorkingAsBefore() {
        RegistrySettings defaults = RegistrySettings.defaults();
        assertThat(defaults.schema()).isEmpty();
        assertThat(defaults.changelogTable()).isEqualTo("DATABASECHANGELOG");
        assertThat(defaults.changelogLockTable()).isEqualTo("DATABASECHANGELOGLOCK");
        assertThat(defaults.scoringWeights()).isEqualTo(ScoringWeights.DEFAULTS);
        assertThat(defaults.artifactRoot()).isEmpty();
        assertThat(defaults.upgradeSchemaOnOpen()).isTrue();
        assertThat(defaults.legacyTimezone()).isEmpty();
        assertThat(defaults.activeVersionCache()).isEqualTo(ActiveVersionCache.NONE);
        assertThat(defaults.defaultActor()).isEqualTo("application");
        assertThat(defaults.defaultNote()).isEqualTo(ChangeNote.by("application"));
    }

    @Test
    void theDefaultActorIsTrimmedKeptByToBuilderAndABadOneIsRefusedNamingTheSetting() {
        RegistrySettings settings = RegistrySettings.builder().defaultActor("  retraining-service ").build();

        assertThat(settings.defaultActor()).isEqualTo("retraining-service");
        assertThat(settings.toBuilder().build().defaultActor()).isEqualTo("retraining-service");
        assertThat(settings.toString()).contains("defaultActor=retraining-service");
        for (String bad : new String[] {null, "", "   ", "ops\u200bbot", "x".repeat(129)}) {
            assertThatThrownBy(() -> RegistrySettings.builder().defaultActor(bad).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("defaultActor: change note actor must");
        }
    }

    @Test
    void theBuilderKeepsEverySettingAndToBuilderStartsFromThem() {
        ScoringWeights weights = new ScoringWeights(0.6, 0.4, 0.02, 0.08);
        RegistrySettings settings = RegistrySettings.builder().schema("model_registry").changelogTable("registry_changelog")
                .changelogLockTable("registry_changelog_lock").scoringWeights(weights).artifactRoot(Path.of("/srv/models"))
                .upgradeSchemaOnOpen(false).legacyTimezone(ZoneId.of("Europe/Berlin"))
                .activeVersionCache(ActiveVersionCache.IN_PROCESS).build();

        RegistrySettings copy = settings.toBuilder().build();
        for (RegistrySettings s : new RegistrySettings[] {settings, copy}) {
            assertThat(s.schema()).contains("model_registry");
            assertThat(s.changelogTable()).isEqualTo("registry_changelog");
            assertThat(s.changelogLockTable()).isEqualTo("registry_changelog_lock");
            assertThat(s.scoringWeights()).isEqualTo(weights);
            assertThat(s.artifactRoot()).contains(Path.of("/srv/models"));
            assertThat(s.upgradeSchemaOnOpen()).isFalse();
            assertThat(s.legacyTimezone()).contains(ZoneId.of("Europe/Berlin"));
            assertThat(s.activeVersionCache()).isEqualTo(ActiveVersionCache.IN_PROCESS);
        }
        assertThat(settings.toString()).contains("schema=model_registry", "upgradeSchemaOnOpen=false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x; DROP TABLE models", "\"model_registry\"", "reg\"; DROP SCHEMA public CASCADE; --",
            "Model_Registry", "MODEL_REGISTRY", "model-registry", "model registry", "1registry", "règistre",
            "reg_a\u0000", "pg_catalog", "pg_toast", "information_schema", ""})
    void aSchemaNameOutsideTheStrictIdentifierRuleIsRefusedNamingTheValue(String schema) {
        assertThatThrownBy(() -> RegistrySettings.builder().schema(schema).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema")
                .hasMessageContaining(schema.isEmpty() ? "must not be empty" : "'" + schema + "'");
    }

    @Test
    void aSchemaNameLongerThanPostgresKeepsIsRefused() {
        String tooLong = "r".repeat(64);
        assertThatThrownBy(() -> RegistrySettings.builder().schema(tooLong).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 63");
        assertThat(RegistrySettings.builder().schema("r".repeat(63)).build().schema()).contains("r".repeat(63));
    }

    @ParameterizedTest
    @ValueSource(strings = {"log; DROP TABLE models", "\"DATABASECHANGELOG\"", "DatabaseChangeLog", "change-log",
            "public.databasechangelog", "log)", "log'--"})
    void aChangelogTableNameOutsideTheRuleIsRefusedNamingTheSettingAndTheValue(String table) {
        assertThatThrownBy(() -> RegistrySettings.builder().changelogTable(table).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changelogTable '" + table + "'");
        assertThatThrownBy(() -> RegistrySettings.builder().changelogLockTable(table).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changelogLockTable '" + table + "'");
    }

    @Test
    void changelogTableNamesInOneCaseAreAccepted() {
        RegistrySettings upper = RegistrySettings.builder().changelogTable("REGISTRY_LOG")
                .changelogLockTable("REGISTRY_LOG_LOCK").build();
        assertThat(upper.changelogTable()).isEqualTo("REGISTRY_LOG");
        RegistrySettings lower = RegistrySettings.builder().changelogTable("registry_log")
                .changelogLockTable("registry_log_lock").build();
        assertThat(lower.changelogLockTable()).isEqualTo("registry_log_lock");
    }

    @Test
    void theChangelogAndItsLockCannotShareATableNorTakeARegistryTable() {
        assertThatThrownBy(() -> RegistrySettings.builder().changelogTable("registry_log")
                .changelogLockTable("REGISTRY_LOG").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> RegistrySettings.builder().changelogTable("models").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changelogTable 'models' is one of the registry's own tables");
        assertThatThrownBy(() -> RegistrySettings.builder().changelogLockTable("VERSIONS").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changelogLockTable 'VERSIONS' is one of the registry's own tables");
    }

    @Test
    void nullWeightsOrCacheAreRefusedAtOnce() {
        assertThatThrownBy(() -> RegistrySettings.builder().scoringWeights(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("scoringWeights");
        assertThatThrownBy(() -> RegistrySettings.builder().activeVersionCache(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("activeVersionCache");
    }
}
