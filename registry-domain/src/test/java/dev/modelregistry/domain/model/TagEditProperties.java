package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random tag edits on a version and its model, checked against a plain ordered map: the tags
 * are always what the accepted edits made them, a refused edit changes nothing, and no edit
 * ever moves the active version or adds to the history.
 */
class TagEditProperties {

    /** A few keys (so edits hit the same key often), some of them breaking the key rules. */
    private static final String[] KEYS = {"stage", "owner", "Größe", "🚀", "", " ", "a=b", "tab\t", "anomaly"};

    record Edit(boolean onModel, boolean remove, int key, String value) {
    }

    private static Gen<Edit> edits() {
        Gen<String> values = strings().allPossible().ofLengthBetween(0, 12);
        return booleans().all().zip(booleans().all(), integers().between(0, KEYS.length - 1), values, Edit::new);
    }

    @Test
    void tagsAreWhatTheAcceptedEditsMadeThemAndTheActiveVersionNeverMoves() {
        qt().withExamples(300).forAll(lists().of(edits()).ofSizeBetween(0, 30)).checkAssert(script -> {
            Model model = Fixtures.aModel();
            ModelVersion best = Fixtures.register(model, 0.01, 1);
            ModelVersion other = Fixtures.register(model, 0.09, 2);
            int history = model.history().size();
            Map<String, Optional<String>> versionTags = new LinkedHashMap<>(Map.of("anomaly", Optional.empty()));
            Map<String, Optional<String>> modelTags = new LinkedHashMap<>();
            for (Edit edit : script) {
                Map<String, Optional<String>> reference = edit.onModel() ? modelTags : versionTags;
                String key = KEYS[edit.key()];
                if (edit.remove()) {
                    boolean removed = edit.onModel() ? model.untag(key, Fixtures.at(3))
                            : model.untagVersion(other.id(), key, Fixtures.at(3));
                    assertThat(removed).isEqualTo(reference.remove(key) != null);
                } else if (acceptable(key, edit.value())) {
                    set(model, other, edit, key);
                    reference.put(key, Optional.of(edit.value()));
                } else {
                    assertThatThrownBy(() -> set(model, other, edit, key)).isInstanceOf(InvalidVersionDataException.class);
                }
                assertAgrees(model.tags(), modelTags);
                assertAgrees(other.tags(), versionTags);
                assertThat(best.tags().keys()).containsExactly("anomaly");
                assertThat(model.activeVersionId()).contains(best.id());
                assertThat(model.history()).hasSize(history);
            }
        });
    }

    private static void set(Model model, ModelVersion version, Edit edit, String key) {
        if (edit.onModel()) {
            model.tag(key, edit.value(), Fixtures.at(3));
        } else {
            model.tagVersion(version.id(), key, edit.value(), Fixtures.at(3));
        }
    }

    /** The rules, written out plainly (README, "Value limits"). */
    private static boolean acceptable(String key, String value) {
        boolean keyOk = !key.isBlank() && !key.contains("=") && key.chars().noneMatch(Character::isISOControl)
                && key.length() <= ValueLimits.MAX_TAG_LENGTH;
        boolean valueOk = value.length() <= ValueLimits.MAX_TAG_VALUE_LENGTH && value.chars()
                .noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
                && value.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
        return keyOk && valueOk;
    }

    private static void assertAgrees(Tags tags, Map<String, Optional<String>> reference) {
        assertThat(tags.keys()).containsExactlyElementsOf(new ArrayList<>(reference.keySet()));
        reference.forEach((key, value) -> assertThat(tags.value(key)).isEqualTo(value));
        List<String> valued = reference.entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey).toList();
        assertThat(tags.values().keySet()).containsExactlyElementsOf(valued);
    }
}
