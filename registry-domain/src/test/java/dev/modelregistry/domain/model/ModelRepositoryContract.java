package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static dev.modelregistry.domain.model.Fixtures.nextVersionId;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModelRepository} adapter must do, run against the in-memory repository here
 * and against each database adapter in registry-persistence. Every test uses fresh sensor ids,
 * so adapters may share one database per test class.
 */
public abstract class ModelRepositoryContract {

    private static int sensorCounter;

    protected abstract ModelRepository repository();

    protected abstract UnitOfWork unitOfWork();

    protected <T> T tx(Supplier<T> work) {
        return unitOfWork().execute(work);
    }

    protected static synchronized String freshSensor() {
        sensorCounter++;
        return "contract-sensor-" + System.nanoTime() + "-" + sensorCounter;
    }

    private Model newModel(String sensor, String type) {
        return Fixtures.aModel(sensor, type);
    }

    @Test
    void aSavedModelIsFoundByItsIdWithItsVersionsAndLineage() {
        String sensor = freshSensor();
        VersionId versionId = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            ModelVersion version = register(model, 0.05, 1);
            repository().save(model);
            return version.id();
        });

        tx(() -> {
            Model found = repository().findById(ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"))).orElseThrow();
            assertThat(found.sensorId().value()).isEqualTo(sensor);
            assertThat(found.activeVersionId()).contains(versionId);
            ModelVersion version = found.findVersion(versionId).orElseThrow();
            assertThat(version.lineage()).hasValueSatisfying(lineage -> {
                assertThat(lineage.dataHash()).isEqualTo("sha256-of-training-data");
                assertThat(lineage.dataSource()).contains("nasa_smap");
                assertThat(lineage.numSamples()).contains(10_000L);
            });
            assertThat(version.trainingConfig().asMap()).containsEntry("epochs", 10);
            assertThat(version.tags().keys()).containsExactly("anomaly");
            assertThat(version.createdAt()).isEqualTo(at(1));
            return null;
        });
    }

    @Test
    void editedTagsAndDescriptionsOfAModelAndItsVersionsAreStoredAndEditedAgain() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        VersionId versionId = savedWithOneVersion(sensor);
        tx(() -> {
            Model model = repository().findByVersion(versionId).orElseThrow();
            model.tagVersion(versionId, "stage", "shadow", at(2));
            model.tagVersion(versionId, "Größe 🚀", "line one\nline two", at(2));
            model.describeVersion(versionId, "retrained", at(2));
            model.tag("team", "ops", at(2));
            model.describe("the pump model", at(2));
            repository().save(model);
            return null;
        });
        tx(() -> {
            Model found = repository().findById(modelId).orElseThrow();
            ModelVersion version = found.findVersion(versionId).orElseThrow();
            assertThat(version.tags().keys()).containsExactly("anomaly", "stage", "Größe 🚀");
            assertThat(version.tags().values()).containsExactly(Map.entry("stage", "shadow"),
                    Map.entry("Größe 🚀", "line one\nline two"));
            assertThat(version.description()).contains("retrained");
            assertThat(found.tags().values()).containsExactly(Map.entry("team", "ops"));
            assertThat(found.description()).contains("the pump model");
            assertThat(found.activeVersionId()).contains(versionId);
            assertThat(found.updatedAt()).isEqualTo(at(2));
            found.untagVersion(versionId, "stage", at(3));
            found.untag("team", at(3));
            found.describe(" ", at(3));
            repository().save(found);
            return null;
        });
        tx(() -> {
            Model found = repository().findById(modelId).orElseThrow();
            ModelVersion version = found.findVersion(versionId).orElseThrow();
            assertThat(version.tags().keys()).containsExactly("anomaly", "Größe 🚀");
            assertThat(version.tags().value("stage")).isEmpty();
            assertThat(found.tags().isEmpty()).isTrue();
            assertThat(found.description()).isEmpty();
            assertThat(found.history()).hasSize(1);
            return null;
        });
    }

    @Test
    void aModelNeverTaggedHasNoTagsAndNoDescription() {
        String sensor = freshSensor();
        savedWithOneVersion(sensor);
        tx(() -> {
            Model found = repository().findById(ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"))).orElseThrow();
            assertThat(found.tags().isEmpty()).isTrue();
            assertThat(found.description()).isEmpty();
            assertThat(found.newestFirst().get(0).tags().values()).isEmpty();
            return null;
        });
    }

    /** A saved telemanom model of the sensor with one version registered at second 1; its id. */
    private VersionId savedWithOneVersion(String sensor) {
        return tx(() -> {
            Model model = newModel(sensor, "telemanom");
            ModelVersion version = register(model, 0.05, 1);
            repository().save(model);
            return version.id();
        });
    }

    /** A legacy version {@code <sensor><suffix>} of the sensor's telemanom model. */
    private static ImportedVersion imported(String sensor, String suffix, int atSeconds, double score) {
        return new ImportedVersion(SensorId.of(sensor), ModelType.of("telemanom"), VersionId.of(sensor + suffix), at(atSeconds),
                score, aSpec(metricsWithAnomalyRate(0.05)));
    }

    @Test
    void modelsInsertedInBulkAreFoundWithTheirVersionsActiveVersionAndHistory() {
        String first = freshSensor();
        String second = freshSensor();
        List<Model> models = new ArrayList<>();
        for (String sensor : List.of(first, second)) {
            Model model = newModel(sensor, "telemanom");
            model.importVersions(List.of(imported(sensor, "-a", 1, 0.9), imported(sensor, "-b", 2, 0.4)),
                    VersionId.of(sensor + "-b"), at(3));
            models.add(model);
        }

        tx(() -> {
            repository().insertNew(models);
            return null;
        });

        tx(() -> {
            Model found = repository().findById(ModelId.of(SensorId.of(second), ModelType.of("telemanom"))).orElseThrow();
            assertThat(found.activeVersionId()).contains(VersionId.of(second + "-b"));
            assertThat(found.versions()).extracting(version -> version.id().value(), ModelVersion::isActive)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(second + "-a", false),
                            org.assertj.core.groups.Tuple.tuple(second + "-b", true));
            assertThat(found.history()).extracting(ActivationChange::reason).containsExactly(ActivationReason.MIGRATED);
            assertThat(found.findVersion(VersionId.of(second + "-a")).orElseThrow().lineage()).isPresent();
            return null;
        });
    }

    @Test
    void theVersionsOfModelsStreamOrderedByModelThenVersionAndUnknownModelsHaveNone() {
        String later = "zz-" + freshSensor();
        String earlier = "aa-" + freshSensor();
        tx(() -> {
            for (String sensor : List.of(later, earlier)) {
                Model model = newModel(sensor, "telemanom");
                model.importVersions(List.of(imported(sensor, "-2", 1, 0.5), imported(sensor, "-1", 2, 0.6)), null, at(3));
                repository().save(model);
            }
            return null;
        });

        List<String> streamed = new ArrayList<>();
        unitOfWork().read(() -> {
            repository().forEachVersionOf(List.of(ModelId.of(SensorId.of(later), ModelType.of("telemanom")),
                    ModelId.of(SensorId.of(earlier), ModelType.of("telemanom")), new ModelId("telemanom_" + freshSensor())),
                    version -> streamed.add(version.id().value() + (version.isActive() ? "*" : "")));
            return null;
        });

        assertThat(streamed).containsExactly(earlier + "-1*", earlier + "-2", later + "-1*", later + "-2");
    }

    @Test
    void anUnknownModelOrVersionIsNotFound() {
        tx(() -> {
            assertThat(repository().findById(new ModelId("telemanom_" + freshSensor()))).isEmpty();
            assertThat(repository().findVersion(VersionId.of("ffffffffffff"))).isEmpty();
            assertThat(repository().findByVersion(VersionId.of("ffffffffffff"))).isEmpty();
            return null;
        });
    }

    @Test
    void existingVersionIdsAreFoundInBulkIncludingVersionsAddedInTheSameUnitOfWork() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> stored = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            VersionId first = register(model, 0.05, 1).id();
            VersionId second = register(model, 0.04, 2).id();
            repository().save(model);
            return List.of(first, second);
        });

        tx(() -> {
            VersionId added = register(repository().findById(modelId).orElseThrow(), 0.03, 3).id();
            List<VersionId> asked = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) { // more than one IN list of a database adapter
                asked.add(VersionId.of("unknown-" + sensor.hashCode() + "-" + i));
            }
            asked.add(stored.get(0));
            asked.add(0, added);
            asked.add(stored.get(0));
            assertThat(repository().findExistingVersionIds(asked)).containsExactlyInAnyOrder(stored.get(0), added);
            assertThat(repository().findExistingVersionIds(List.of())).isEmpty();
            return null;
        });
    }

    @Test
    void modelsAreLoadedInBulkByIdWithTheirVersions() {
        String sensor = freshSensor();
        ModelId anomalyId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        ModelId forecasterId = ModelId.of(SensorId.of(sensor), ModelType.of("transformer"));
        List<VersionId> ids = tx(() -> {
            Model anomaly = newModel(sensor, "telemanom");
            VersionId older = register(anomaly, 0.05, 1).id();
            VersionId newer = register(anomaly, 0.02, 2).id();
            repository().save(anomaly);
            repository().save(newModel(sensor, "transformer"));
            return List.of(older, newer);
        });

        tx(() -> {
            List<Model> found = repository().findAllWithVersions(
                    List.of(forecasterId, new ModelId("telemanom_unknown-" + sensor), anomalyId, forecasterId));
            assertThat(found).extracting(Model::id).containsExactly(anomalyId, forecasterId);
            Model anomaly = found.get(0);
            assertThat(anomaly.versions()).extracting(ModelVersion::id).containsExactly(ids.get(0), ids.get(1));
            assertThat(anomaly.activeVersionId()).contains(ids.get(1));
            assertThat(anomaly.findVersion(ids.get(0)).orElseThrow().lineage()).isPresent();
            assertThat(found.get(1).versions()).isEmpty();
            assertThat(repository().findAllWithVersions(List.of())).isEmpty();
            return null;
        });
    }

    @Test
    void theActiveVersionIsFoundByModelAndFollowsPromotions() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        SensorId sensorId = SensorId.of(sensor);
        List<VersionId> ids = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            VersionId first = register(model, 0.05, 1).id();
            VersionId better = register(model, 0.02, 2).id();
            repository().save(model);
            return List.of(first, better);
        });
        assertThat(tx(() -> repository().findByPair(sensorId, Fixtures.TELEMANOM).flatMap(Model::activeVersionId)))
                .contains(ids.get(1));

        tx(() -> repository().findById(modelId).orElseThrow().promote(ids.get(0), at(3)));

        assertThat(tx(() -> repository().findByPair(sensorId, Fixtures.TELEMANOM).flatMap(Model::activeVersionId)))
                .contains(ids.get(0));
        tx(() -> {
            assertThat(repository().findVersion(ids.get(1)).orElseThrow().isActive()).isFalse();
            assertThat(repository().findVersion(ids.get(0)).orElseThrow().isActive()).isTrue();
            return null;
        });
    }

    @Test
    void versionsAreListedNewestFirstAndOwnedByTheirModel() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("transformer"));
        List<VersionId> ids = tx(() -> {
            Model model = newModel(sensor, "transformer");
            VersionId oldest = register(model, 0.05, 1).id();
            VersionId middle = register(model, 0.06, 2).id();
            VersionId newest = register(model, 0.07, 3).id();
            repository().save(model);
            return List.of(oldest, middle, newest);
        });

        tx(() -> {
            assertThat(repository().findByPair(SensorId.of(sensor), ModelType.of("transformer")).orElseThrow().newestFirst())
                    .extracting(ModelVersion::id)
                    .containsExactly(ids.get(2), ids.get(1), ids.get(0));
            assertThat(repository().findByVersion(ids.get(1))).map(Model::id).contains(modelId);
            return null;
        });
    }

    @Test
    void lookupsByPairNeverAnswerWithTheModelOfAnotherPairThatDerivesTheSameId() {
        String sensor = freshSensor();
        SensorId owner = SensorId.of(sensor);
        ModelType ownerType = ModelType.of("x_a");
        SensorId other = SensorId.of("a_" + sensor);
        ModelType otherType = ModelType.of("x");
        assertThat(ModelId.of(other, otherType)).isEqualTo(ModelId.of(owner, ownerType));
        VersionId versionId = tx(() -> {
            Model model = newModel(sensor, "x_a");
            VersionId id = register(model, 0.05, 1).id();
            repository().save(model);
            return id;
        });

        tx(() -> {
            assertThat(repository().findByPair(other, otherType)).isEmpty();
            assertThat(repository().findByPair(other, otherType)).flatMap(Model::activeVersionId).isEmpty();
            assertThat(repository().findByPair(owner, ownerType)).map(Model::id).contains(ModelId.of(owner, ownerType));
            assertThat(repository().findByPair(owner, ownerType)).flatMap(Model::activeVersionId).contains(versionId);
            assertThat(repository().findByPair(owner, ownerType).orElseThrow().newestFirst()).extracting(ModelVersion::id)
                    .containsExactly(versionId);
            return null;
        });
    }

    @Test
    void aForcedDeleteRemovesTheVersionWithItsLineageAndReelects() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            VersionId runnerUp = register(model, 0.05, 1).id();
            VersionId champion = register(model, 0.01, 2).id();
            repository().save(model);
            return List.of(runnerUp, champion);
        });

        tx(() -> repository().findById(modelId).orElseThrow().deleteVersion(ids.get(1), true, at(5)));

        tx(() -> {
            assertThat(repository().findVersion(ids.get(1))).isEmpty();
            assertThat(repository().findByPair(SensorId.of(sensor), Fixtures.TELEMANOM)).flatMap(Model::activeVersionId)
                    .contains(ids.get(0));
            Model model = repository().findById(modelId).orElseThrow();
            assertThat(model.versions()).extracting(ModelVersion::id).containsExactly(ids.get(0));
            assertThat(model.history()).extracting(ActivationChange::reason)
                    .containsExactly(ActivationReason.REGISTERED, ActivationReason.REGISTERED, ActivationReason.REELECTED);
            assertThat(model.activeVersionAt(at(3))).contains(ids.get(1));
            assertThat(model.activeVersionAt(at(6))).contains(ids.get(0));
            return null;
        });
    }

    @Test
    void anArchivedVersionIsStoredWithItsTimeLineageAndHistoryAndOutOfElections() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            VersionId runnerUp = register(model, 0.05, 1).id();
            VersionId champion = register(model, 0.01, 2).id();
            model.assignAlias(Alias.of("last-known-good"), champion, at(3));
            repository().save(model);
            return List.of(runnerUp, champion);
        });

        tx(() -> repository().findById(modelId).orElseThrow().archive(ids.get(1), true, at(4)));

        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            ModelVersion archived = model.findVersion(ids.get(1)).orElseThrow();
            assertThat(archived.archivedAt()).contains(at(4));
            assertThat(archived.lineage()).isPresent();
            assertThat(model.findVersion(ids.get(0)).orElseThrow().isArchived()).isFalse();
            assertThat(model.activeVersionId()).contains(ids.get(0));
            assertThat(model.bestScore()).contains(model.findVersion(ids.get(0)).orElseThrow().performanceScore());
            assertThat(model.aliases()).isEmpty();
            assertThat(model.history()).extracting(ActivationChange::reason).endsWith(ActivationReason.REELECTED,
                    ActivationReason.ARCHIVED, ActivationReason.ALIAS_REMOVED_WITH_VERSION);
            assertThat(ArchiveReplay.of(model.history())).isEqualTo(Map.of(ids.get(1), at(4)));
            assertThat(model.unarchive(ids.get(1), at(5))).isTrue();
            return null;
        });
        assertThat(tx(() -> repository().findById(modelId).orElseThrow().findVersion(ids.get(1)).orElseThrow()
                .isArchived())).isFalse();
    }

    @Test
    void theDistinctModelPathsAreThoseOfTheVersionsThatRemain() {
        String sensor = freshSensor();
        String path = "data/models/telemanom/" + sensor;
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        VersionId versionId = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            VersionId id = model.register(nextVersionId(), aSpec(metricsWithAnomalyRate(0.05), path), SCORING, at(1)).id();
            repository().save(model);
            return id;
        });
        assertThat(tx(() -> repository().findDistinctModelPaths())).contains(path);

        tx(() -> repository().findById(modelId).orElseThrow().deleteVersion(versionId, true, at(2)));

        assertThat(tx(() -> repository().findDistinctModelPaths())).doesNotContain(path);
        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            assertThat(model.activeVersionId()).isEmpty();
            assertThat(model.versions()).isEmpty();
            return null;
        });
    }

    @Test
    void modelIdsAreListedInOrderAndThoseWithMoreVersionsThanACountAreTheCleanupCandidates() {
        String sensor = freshSensor();
        tx(() -> {
            Model anomaly = newModel(sensor, "telemanom");
            register(anomaly, 0.01, 1);
            register(anomaly, 0.09, 2);
            Model forecaster = newModel(sensor, "transformer");
            register(forecaster, 0.05, 1);
            repository().save(anomaly);
            repository().save(forecaster);
            repository().save(newModel(sensor, "empty"));
            return null;
        });

        tx(() -> {
            List<String> all = repository().findAllIds().stream().map(ModelId::value).toList();
            assertThat(all).isSorted().contains("empty_" + sensor, "telemanom_" + sensor, "transformer_" + sensor);
            assertThat(repository().findIdsWithMoreVersionsThan(1)).extracting(ModelId::value).isSorted()
                    .contains("telemanom_" + sensor).doesNotContain("transformer_" + sensor, "empty_" + sensor);
            assertThat(repository().findIdsWithMoreVersionsThan(0)).extracting(ModelId::value)
                    .contains("telemanom_" + sensor, "transformer_" + sensor).doesNotContain("empty_" + sensor);
            assertThat(repository().findIdsWithMoreVersionsThan(2)).extracting(ModelId::value)
                    .doesNotContain("telemanom_" + sensor);
            return null;
        });
    }

    @Test
    void metricsKeepTheirValuesAndOrderIncludingNaN() {
        String sensor = freshSensor();
        Map<String, Object> metrics = new java.util.LinkedHashMap<>(metricsWithAnomalyRate(0.05));
        metrics.put("mae", Double.NaN);
        metrics.put("max_error", Double.POSITIVE_INFINITY);
        metrics.put("note", "températures ✓");
        metrics.put("nested", Map.of("k", List.of(1, 2)));
        VersionId versionId = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            VersionId id = model.register(nextVersionId(), aSpec(metrics), SCORING, at(1)).id();
            repository().save(model);
            return id;
        });

        tx(() -> {
            Map<String, Object> stored = repository().findVersion(versionId).orElseThrow().validationMetrics().asMap();
            assertThat(stored.keySet()).containsExactly("validation_performed", "anomaly_rate", "mae", "max_error", "note", "nested");
            assertThat((Double) stored.get("mae")).isNaN();
            assertThat(stored.get("max_error")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(stored.get("note")).isEqualTo("températures ✓");
            return null;
        });
    }

    @Test
    void aModelWithoutVersionsCanBeSavedAndLoaded() {
        String sensor = freshSensor();
        tx(() -> {
            repository().save(aModelFor(sensor));
            return null;
        });
        assertThat(tx(() -> repository().findById(ModelId.of(SensorId.of(sensor), Fixtures.TELEMANOM))
                .map(model -> model.versions().size()))).contains(0);
    }

    /** Three versions of a new telemanom model of the sensor, saved: the first is the active one. */
    private List<VersionId> savedModelWithThreeVersions(String sensor) {
        return tx(() -> {
            Model model = newModel(sensor, "telemanom");
            List<VersionId> ids = List.of(register(model, 0.01, 1).id(), register(model, 0.05, 2).id(),
                    register(model, 0.1, 3).id());
            repository().save(model);
            return ids;
        });
    }

    private Map<Alias, VersionId> storedAliases(ModelId modelId) {
        return tx(() -> repository().findById(modelId).orElseThrow().aliases());
    }

    @Test
    void aliasesAreStoredMovedInOneStepAndRemoved() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = savedModelWithThreeVersions(sensor);
        Alias challenger = Alias.of("challenger");
        Alias shadow = Alias.of("shadow");

        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            model.assignAlias(challenger, ids.get(1), at(4));
            return model.assignAlias(shadow, ids.get(1), at(4));
        });
        assertThat(storedAliases(modelId)).containsExactly(Map.entry(challenger, ids.get(1)), Map.entry(shadow, ids.get(1)));

        tx(() -> repository().findById(modelId).orElseThrow().assignAlias(challenger, ids.get(2), at(5)));
        assertThat(storedAliases(modelId)).containsExactly(Map.entry(challenger, ids.get(2)), Map.entry(shadow, ids.get(1)));

        tx(() -> repository().findById(modelId).orElseThrow().removeAlias(shadow, at(6)));
        assertThat(storedAliases(modelId)).containsExactly(Map.entry(challenger, ids.get(2)));
        assertThat(tx(() -> repository().findById(modelId).orElseThrow().activeVersionId())).contains(ids.get(0));
    }

    @Test
    void aliasChangesAreStoredInTheHistoryWithTheirAliasAndReplayToTheAliases() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = savedModelWithThreeVersions(sensor);
        tx(() -> repository().findById(modelId).orElseThrow().assignAlias(Alias.of("challenger"), ids.get(1), at(4)));
        tx(() -> repository().findById(modelId).orElseThrow().assignAlias(Alias.of("shadow"), ids.get(2), at(5)));
        tx(() -> repository().findById(modelId).orElseThrow().deleteVersion(ids.get(2), false, at(6)));

        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            assertThat(model.history()).extracting(ActivationChange::reason, change -> change.alias().map(Alias::value))
                    .endsWith(org.assertj.core.groups.Tuple.tuple(ActivationReason.ALIAS_SET, java.util.Optional.of("challenger")),
                            org.assertj.core.groups.Tuple.tuple(ActivationReason.ALIAS_SET, java.util.Optional.of("shadow")),
                            org.assertj.core.groups.Tuple.tuple(ActivationReason.ALIAS_REMOVED_WITH_VERSION,
                                    java.util.Optional.of("shadow")));
            assertThat(AliasReplay.of(model.history())).isEqualTo(model.aliases())
                    .containsExactly(Map.entry(Alias.of("challenger"), ids.get(1)));
            assertThat(model.activeVersionAt(at(7))).contains(ids.get(0));
            return null;
        });
    }

    @Test
    void aHoldIsStoredWithItsHistoryAndAWinningRegistrationWaitsForTheRelease() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = tx(() -> {
            Model model = newModel(sensor, "telemanom");
            List<VersionId> registered = List.of(register(model, 0.05, 1).id());
            repository().save(model);
            return registered;
        });
        tx(() -> repository().findById(modelId).orElseThrow().holdActiveVersion(at(2)));
        VersionId better = tx(() -> register(repository().findById(modelId).orElseThrow(), 0.01, 3).id());

        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            assertThat(model.heldSince()).contains(at(2));
            assertThat(model.hold()).contains(new Hold(ids.get(0), at(2), better));
            assertThat(model.activeVersionId()).contains(ids.get(0));
            assertThat(model.history()).extracting(ActivationChange::reason).containsExactly(ActivationReason.REGISTERED,
                    ActivationReason.HOLD_STARTED, ActivationReason.WOULD_HAVE_BECOME_ACTIVE);
            return null;
        });
        HoldRelease release = tx(() -> repository().findById(modelId).orElseThrow().releaseHold(at(4)));

        assertThat(release).isEqualTo(new HoldRelease(ids.get(0), better));
        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            assertThat(model.hold()).isEmpty();
            assertThat(model.heldSince()).isEmpty();
            assertThat(model.activeVersionId()).contains(better);
            assertThat(model.activeSince()).contains(at(4));
            assertThat(model.findVersion(better).orElseThrow().isActive()).isTrue();
            return null;
        });
    }

    @Test
    void aForcedDeleteOfTheHeldVersionEndsTheStoredHold() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = savedModelWithThreeVersions(sensor);
        tx(() -> repository().findById(modelId).orElseThrow().holdActiveVersion(at(4)));

        tx(() -> repository().findById(modelId).orElseThrow().deleteVersion(ids.get(0), true, at(5)));

        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            assertThat(model.heldSince()).isEmpty();
            assertThat(model.activeVersionId()).contains(ids.get(1));
            assertThat(model.history()).extracting(ActivationChange::reason)
                    .endsWith(ActivationReason.REELECTED, ActivationReason.HOLD_ENDED_WITH_VERSION);
            return null;
        });
    }

    @Test
    void twoModelsCanEachHaveTheSameAlias() {
        String first = freshSensor();
        String second = freshSensor();
        VersionId ofFirst = savedModelWithThreeVersions(first).get(1);
        VersionId ofSecond = savedModelWithThreeVersions(second).get(2);
        Alias challenger = Alias.of("challenger");

        tx(() -> repository().findByVersion(ofFirst).orElseThrow().assignAlias(challenger, ofFirst, at(4)));
        tx(() -> repository().findByVersion(ofSecond).orElseThrow().assignAlias(challenger, ofSecond, at(4)));

        assertThat(storedAliases(ModelId.of(SensorId.of(first), Fixtures.TELEMANOM))).containsEntry(challenger, ofFirst);
        assertThat(storedAliases(ModelId.of(SensorId.of(second), Fixtures.TELEMANOM))).containsEntry(challenger, ofSecond);
    }

    @Test
    void deletingAVersionDeletesItsAliasesAndNoOthers() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = savedModelWithThreeVersions(sensor);
        tx(() -> {
            Model model = repository().findById(modelId).orElseThrow();
            model.assignAlias(Alias.of("challenger"), ids.get(1), at(4));
            model.assignAlias(Alias.of("shadow"), ids.get(1), at(4));
            return model.assignAlias(Alias.of("last-known-good"), ids.get(2), at(4));
        });

        tx(() -> repository().findById(modelId).orElseThrow().deleteVersion(ids.get(1), false, at(5)));

        assertThat(storedAliases(modelId)).containsExactly(Map.entry(Alias.of("last-known-good"), ids.get(2)));
        assertThat(tx(() -> repository().findVersion(ids.get(1)))).isEmpty();
    }

    @Test
    void aForcedDeleteOfAnAliasedActiveVersionDeletesItsAliasesAndReelects() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = savedModelWithThreeVersions(sensor);
        tx(() -> repository().findById(modelId).orElseThrow().assignAlias(Alias.of("champion"), ids.get(0), at(4)));

        tx(() -> repository().findById(modelId).orElseThrow().deleteVersion(ids.get(0), true, at(5)));

        assertThat(storedAliases(modelId)).isEmpty();
        assertThat(tx(() -> repository().findById(modelId).orElseThrow().activeVersionId())).contains(ids.get(1));
    }

    @Test
    void aCleanupKeepsTheAliasedVersionsAndTheirAliases() {
        String sensor = freshSensor();
        ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
        List<VersionId> ids = savedModelWithThreeVersions(sensor);
        tx(() -> repository().findById(modelId).orElseThrow().assignAlias(Alias.of("last-known-good"), ids.get(1), at(4)));

        assertThat(tx(() -> repository().findById(modelId).orElseThrow().retainNewest(1, at(5)))).isEmpty();

        assertThat(storedAliases(modelId)).containsExactly(Map.entry(Alias.of("last-known-good"), ids.get(1)));
        assertThat(tx(() -> repository().findById(modelId).orElseThrow().versions().size())).isEqualTo(3);
    }

    private static Model aModelFor(String sensor) {
        return Model.create(SensorId.of(sensor), Fixtures.TELEMANOM, Fixtures.T0);
    }

}
