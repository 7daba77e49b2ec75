package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidVersionDataException;
import dev.modelregistry.domain.VersionNotFoundException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key-value tags and descriptions of models and versions (README, "Governance"). */
class EditingTagsAndDescriptionsTest {

    @Test
    void aVersionTagIsSetChangedAndRemovedWithoutTouchingTheActiveVersionOrTheHistory() {
        Model model = Fixtures.aModel();
        ModelVersion first = Fixtures.register(model, 0.05, 1);
        ModelVersion second = Fixtures.register(model, 0.09, 2);
        int historyBefore = model.history().size();

        model.tagVersion(second.id(), "stage", "shadow", Fixtures.at(3));
        model.tagVersion(second.id(), "stage", "prod", Fixtures.at(4));
        model.tagVersion(second.id(), "owner", "team-a", Fixtures.at(5));

        assertThat(second.tags().keys()).containsExactly("anomaly", "stage", "owner");
        assertThat(second.tags().value("stage")).contains("prod");
        assertThat(second.tags().value("anomaly")).isEmpty();
        assertThat(second.tags().values()).containsExactly(Map.entry("stage", "prod"), Map.entry("owner", "team-a"));
        assertThat(model.activeVersionId()).contains(first.id());
        assertThat(model.history()).hasSize(historyBefore);
        assertThat(model.updatedAt()).isEqualTo(Fixtures.at(5));

        assertThat(model.untagVersion(second.id(), "stage", Fixtures.at(6))).isTrue();
        assertThat(second.tags().keys()).containsExactly("anomaly", "owner");
        assertThat(second.tags().value("stage")).isEmpty();
        assertThat(first.tags().keys()).containsExactly("anomaly");
    }

    @Test
    void aListOfStringsTagReadsAsAKeyWithoutValueAndCanBeGivenOneOrRemoved() {
        Model model = Fixtures.aModel();
        ModelVersion version = Fixtures.register(model, 0.05, 1);

        assertThat(version.tags().contains("anomaly")).isTrue();
        assertThat(version.tags().value("anomaly")).isEmpty();

        model.tagVersion(version.id(), "anomaly", "yes", Fixtures.at(2));
        assertThat(version.tags().keys()).containsExactly("anomaly");
        assertThat(version.tags().value("anomaly")).contains("yes");

        model.untagVersion(version.id(), "anomaly", Fixtures.at(3));
        assertThat(version.tags().isEmpty()).isTrue();
    }

    @Test
    void removingATagThatIsNotThereChangesNothing() {
        Model model = Fixtures.aModel();
        ModelVersion version = Fixtures.register(model, 0.05, 1);

        assertThat(model.untagVersion(version.id(), "absent", Fixtures.at(9))).isFalse();
        assertThat(model.untag("absent", Fixtures.at(9))).isFalse();
        assertThat(model.updatedAt()).isEqualTo(Fixtures.at(1));
    }

    @Test
    void aLegacyLabelThatBreaksTheKeyRulesCanStillBeRemoved() {
        Model model = Fixtures.aModel();
        VersionSpec spec = Fixtures.aSpec(Fixtures.metricsWithAnomalyRate(0.05));
        VersionSpec labelled = new VersionSpec(spec.modelPath(), spec.trainingConfig(), spec.trainingMetrics(),
                spec.validationMetrics(), spec.modelSizeBytes(), spec.trainingTimeSeconds(), spec.modelHash(),
                spec.description(), Tags.of(List.of("a=b", "", "a=b")), spec.lineage());
        ModelVersion version = model.register(Fixtures.nextVersionId(), labelled, Fixtures.SCORING, Fixtures.at(1));

        model.untagVersion(version.id(), "a=b", Fixtures.at(2));

        assertThat(version.tags().keys()).containsExactly("");
    }

    @Test
    void modelTagsAndDescriptionBelongToTheModel() {
        Model model = Fixtures.aModel();
        Fixtures.register(model, 0.05, 1);

        model.tag("team", "anomaly-detection", Fixtures.at(2));
        model.describe("Telemanom models of sensor 1", Fixtures.at(3));

        assertThat(model.tags().values()).containsExactly(Map.entry("team", "anomaly-detection"));
        assertThat(model.description()).contains("Telemanom models of sensor 1");
        assertThat(model.newestFirst().get(0).tags().contains("team")).isFalse();
        assertThat(model.updatedAt()).isEqualTo(Fixtures.at(3));
    }

    @Test
    void aNullOrBlankDescriptionClearsIt() {
        Model model = Fixtures.aModel();
        ModelVersion version = Fixtures.register(model, 0.05, 1);
        assertThat(version.description()).contains("a test model");

        model.describeVersion(version.id(), "  \n\t ", Fixtures.at(2));
        assertThat(version.description()).isEmpty();
        model.describeVersion(version.id(), "retrained on March data\nsecond line", Fixtures.at(3));
        assertThat(version.description()).contains("retrained on March data\nsecond line");
        model.describeVersion(version.id(), null, Fixtures.at(4));
        assertThat(version.description()).isEmpty();

        model.describe("x", Fixtures.at(5));
        model.describe("", Fixtures.at(6));
        assertThat(model.description()).isEmpty();
    }

    @Test
    void aDescriptionBeyondTheTextLimitsIsRefusedNamingTheField() {
        Model model = Fixtures.aModel();
        ModelVersion version = Fixtures.register(model, 0.05, 1);

        assertThatThrownBy(() -> model.describeVersion(version.id(), "a\u0000b", Fixtures.at(2)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageStartingWith("description")
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> model.describe("x".repeat(ValueLimits.MAX_STRING_LENGTH + 1), Fixtures.at(2)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageStartingWith("description must be at most");
        assertThatThrownBy(() -> model.describe("\uD800", Fixtures.at(2)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("lone surrogate");
        assertThat(version.description()).contains("a test model");
        assertThat(model.updatedAt()).isEqualTo(Fixtures.at(1));
    }

    @Test
    void anEditOfAnotherModelsVersionIsRefused() {
        Model model = Fixtures.aModel();
        Fixtures.register(model, 0.05, 1);
        VersionId stranger = Fixtures.nextVersionId();

        assertThatThrownBy(() -> model.tagVersion(stranger, "k", "v", Fixtures.at(2)))
                .isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> model.describeVersion(stranger, "text", Fixtures.at(2)))
                .isInstanceOf(VersionNotFoundException.class);
    }

    @Test
    void oddKeysAreRefusedNamingTheKey() {
        Model model = Fixtures.aModel();
        assertRefused(model, null, "v", "tag key must not be null");
        assertRefused(model, "", "v", "tag key must not be empty or blank: \"\"");
        assertRefused(model, "   ", "v", "tag key must not be empty or blank: \"   \"");
        assertRefused(model, "stage=prod", "v", "tag key must not contain '='");
        assertRefused(model, "line\nbreak", "v", "tag key must not contain control characters (U+000A at index 4)");
        assertRefused(model, "nul\u0000", "v", "U+0000");
        assertRefused(model, "k".repeat(ValueLimits.MAX_TAG_LENGTH + 1), "v", "tag key must be at most 256 characters");
        assertRefused(model, "\uDC00", "v", "lone surrogate");
        assertThat(model.tags().isEmpty()).isTrue();
    }

    @Test
    void oddValuesAreRefusedNamingTheKeyTheyBelongTo() {
        Model model = Fixtures.aModel();
        assertRefused(model, "stage", null, "tags.stage must not be null");
        assertRefused(model, "stage", "x".repeat(ValueLimits.MAX_TAG_VALUE_LENGTH + 1), "tags.stage must be at most 5000 characters");
        assertRefused(model, "stage", "bell\u0007", "tags.stage must not contain control characters (U+0007 at index 4)");
        assertRefused(model, "stage", "nul\u0000", "tags.stage must not contain control characters (U+0000");
        assertRefused(model, "stage", "\uD83D", "lone surrogate");
        assertThat(model.tags().isEmpty()).isTrue();
    }

    @Test
    void unicodeKeysAndValuesEmptyValuesAndLineBreaksInValuesAreKept() {
        Model model = Fixtures.aModel();
        model.tag("Größe 模型 🚀", "värde ✓ 🚀", Fixtures.at(1));
        model.tag("empty", "", Fixtures.at(1));
        model.tag("notes", "line one\nline two\ttabbed\r\n", Fixtures.at(1));
        model.tag("k".repeat(ValueLimits.MAX_TAG_LENGTH), "v".repeat(ValueLimits.MAX_TAG_VALUE_LENGTH), Fixtures.at(1));

        assertThat(model.tags().value("Größe 模型 🚀")).contains("värde ✓ 🚀");
        assertThat(model.tags().value("empty")).contains("");
        assertThat(model.tags().value("notes")).contains("line one\nline two\ttabbed\r\n");
        assertThat(model.tags().keys()).hasSize(4);
    }

    @Test
    void aTagBeyondTheCountIsRefusedButAnExistingKeyCanStillChange() {
        Model model = Fixtures.aModel();
        for (int i = 0; i < ValueLimits.MAX_TAGS; i++) {
            model.tag("k" + i, "v", Fixtures.at(1));
        }
        assertThatThrownBy(() -> model.tag("one-more", "v", Fixtures.at(2)))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("tags must be at most 128 tags (cannot add \"one-more\")");
        model.tag("k0", "changed", Fixtures.at(3));
        assertThat(model.tags().value("k0")).contains("changed");
        assertThat(model.tags().keys()).hasSize(ValueLimits.MAX_TAGS);
    }

    @Test
    void unreadableStoredTagsAreNeverEdited() {
        Tags unreadable = Tags.unreadable();
        assertThatThrownBy(() -> unreadable.with("k", "v")).isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("never rewritten");
        assertThatThrownBy(() -> unreadable.without("k")).isInstanceOf(InvalidVersionDataException.class);
        assertThat(Tags.stored(Tags.of(List.of("a")), Attributes.unreadable()).isUnreadable()).isTrue();
    }

    @Test
    void storedValuesOfKeysNotInTheListOrOfOtherTypesAreNotTagValues() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("a", "1");
        values.put("b", 2);
        values.put("gone", "x");
        Tags tags = Tags.stored(Tags.of(List.of("a", "b")), Attributes.of(values));
        assertThat(tags.values()).containsExactly(Map.entry("a", "1"));
        assertThat(tags.keys()).containsExactly("a", "b");
    }

    private static void assertRefused(Model model, String key, String value, String message) {
        assertThatThrownBy(() -> model.tag(key, value, Fixtures.at(1)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining(message);
    }
}
