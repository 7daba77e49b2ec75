package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.AliasReadModel;
import dev.modelregistry.persistence.query.VersionRow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The read side answers a model's aliases as the aggregate holds them (R13): the version an alias
 * names with its whole details, the model's aliases listed, and every version's details name its
 * aliases. Run on SQLite and PostgreSQL by the read-model tests of both.
 */
interface AliasReadContract {

    AtomicInteger ALIAS_SENSORS = new AtomicInteger();

    RegistryDatabase database();

    private static String freshAliasSensor() {
        return "alias-" + System.nanoTime() + "-" + ALIAS_SENSORS.incrementAndGet();
    }

    private AliasReadModel aliases() {
        return database().readModels().aliases();
    }

    /** A new model of the sensor with three versions (the first active), changed by {@code change}. */
    private List<VersionId> savedAndChanged(String sensor, Consumer<Model> change) {
        List<VersionId> ids = database().unitOfWork().execute(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            List<VersionId> registered = List.of(register(model, 0.01, 1).id(), register(model, 0.05, 2).id(),
                    register(model, 0.1, 3).id());
            database().repository().save(model);
            return registered;
        });
        database().unitOfWork().run(() -> change.accept(
                database().repository().findByPair(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow()));
        return ids;
    }

    private static VersionId id(Model model, int index) {
        return model.newestFirst().get(model.versions().size() - 1 - index).id();
    }

    @Test
    default void theVersionAnAliasNamesComesWithItsWholeDetailsAndAliases() {
        String sensor = freshAliasSensor();
        List<VersionId> ids = savedAndChanged(sensor, model -> {
            model.assignAlias(Alias.of("challenger"), id(model, 1), at(4));
            model.assignAlias(Alias.of("shadow"), id(model, 1), at(4));
        });

        VersionRow row = aliases().version(SensorId.of(sensor), Fixtures.TELEMANOM, Alias.of("challenger")).orElseThrow();

        assertThat(row.versionId()).isEqualTo(ids.get(1).value());
        assertThat(row.active()).isFalse();
        assertThat(row.lineage()).isNotNull();
        assertThat(row.aliases()).containsExactly("challenger", "shadow");
        assertThat(database().readModels().versions().details(ids.get(1)).orElseThrow().aliases())
                .containsExactly("challenger", "shadow");
        assertThat(database().readModels().versions().details(ids.get(2)).orElseThrow().aliases()).isEmpty();
    }

    @Test
    default void anUnknownAliasOrModelNamesNothing() {
        String sensor = freshAliasSensor();
        savedAndChanged(sensor, model -> model.assignAlias(Alias.of("challenger"), id(model, 1), at(4)));

        assertThat(aliases().version(SensorId.of(sensor), Fixtures.TELEMANOM, Alias.of("shadow"))).isEmpty();
        assertThat(aliases().version(SensorId.of(sensor), ModelType.of("other"), Alias.of("challenger"))).isEmpty();
        assertThat(aliases().aliases(SensorId.of(sensor), ModelType.of("other"))).isEmpty();
    }

    @Test
    default void aModelsAliasesAreListedByNameAndAModelWithoutAliasesHasNone() {
        String sensor = freshAliasSensor();
        List<VersionId> ids = savedAndChanged(sensor, model -> {
            model.assignAlias(Alias.of("shadow"), id(model, 2), at(4));
            model.assignAlias(Alias.of("last-known-good"), id(model, 0), at(4));
        });
        String bare = freshAliasSensor();
        savedAndChanged(bare, model -> { });

        assertThat(aliases().aliases(SensorId.of(sensor), Fixtures.TELEMANOM)).contains(Map.of(
                "last-known-good", ids.get(0).value(), "shadow", ids.get(2).value()));
        assertThat(aliases().aliases(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow().keySet())
                .containsExactly("last-known-good", "shadow");
        assertThat(aliases().aliases(SensorId.of(bare), Fixtures.TELEMANOM)).contains(Map.of());
    }

    @Test
    default void theActiveModelsDetailsNameItsAliasesAndAMovedAliasLeavesTheOldVersion() {
        String sensor = freshAliasSensor();
        List<VersionId> ids = savedAndChanged(sensor, model -> model.assignAlias(Alias.of("champion"), id(model, 0), at(4)));
        assertThat(database().readModels().activeVersions().activeVersion(SensorId.of(sensor), Fixtures.TELEMANOM)
                .orElseThrow().aliases()).containsExactly("champion");

        database().unitOfWork().run(() -> database().repository().findByVersion(ids.get(2)).orElseThrow()
                .assignAlias(Alias.of("champion"), ids.get(2), at(5)));

        assertThat(database().readModels().activeVersions().activeVersion(SensorId.of(sensor), Fixtures.TELEMANOM)
                .orElseThrow().aliases()).isEmpty();
        assertThat(aliases().version(SensorId.of(sensor), Fixtures.TELEMANOM, Alias.of("champion")))
                .map(VersionRow::versionId).contains(ids.get(2).value());
    }
}
