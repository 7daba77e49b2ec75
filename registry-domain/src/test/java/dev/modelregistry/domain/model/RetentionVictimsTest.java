package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidRetentionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R9: the aggregate names the versions a cleanup would delete, and the cleanup deletes exactly those. */
class RetentionVictimsTest {

    @Test
    void theVictimsAreTheVersionsOlderThanTheNewestNExceptTheActiveOneNewestFirst() {
        Model model = aModel();
        ModelVersion champion = register(model, 0.01, 1);
        ModelVersion old = register(model, 0.05, 2);
        ModelVersion older = register(model, 0.06, 3);
        register(model, 0.07, 4);
        register(model, 0.08, 5);

        assertThat(model.retentionVictims(2)).containsExactly(older, old);
        assertThat(model.versions()).hasSize(5).contains(champion);
    }

    @Test
    void askingForTheVictimsChangesNothingAndTheCleanupDeletesExactlyThem() {
        Model model = aModel();
        register(model, 0.01, 1);
        register(model, 0.05, 2);
        register(model, 0.06, 3);
        register(model, 0.07, 4);
        int historyBefore = model.history().size();

        List<ModelVersion> victims = model.retentionVictims(1);

        assertThat(model.versions()).hasSize(4);
        assertThat(model.retainNewest(1, at(5))).containsExactlyElementsOf(victims);
        assertThat(model.versions()).doesNotContainAnyElementsOf(victims).hasSize(2);
        assertThat(model.history()).hasSize(historyBefore);
    }

    @Test
    void aModelWithNoMoreVersionsThanKeptHasNoVictims() {
        Model model = aModel();
        register(model, 0.01, 1);
        register(model, 0.02, 2);

        assertThat(model.retentionVictims(2)).isEmpty();
        assertThat(aModel().retentionVictims(1)).isEmpty();
    }

    @Test
    void keepingFewerThanOneIsRefusedForThePreviewToo() {
        assertThatThrownBy(() -> aModel().retentionVictims(0)).isInstanceOf(InvalidRetentionException.class);
        assertThatThrownBy(() -> aModel().retentionVictims(Integer.MIN_VALUE)).isInstanceOf(InvalidRetentionException.class);
    }
}
