package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.Hold;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.feed.FeedChange;
import dev.modelregistry.persistence.query.ActivationRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Changelog 1.3-holds on a populated release 1.1 database (R14, {@link Release11Upgrade}): a model
 * written before it reads as not held; a hold started after it is stored with the model, shown by the read models, recorded,
 * fed, and survives a reopening; its release clears it. On SQLite and PostgreSQL.
 */
class HoldsUpgradeTest implements Release11Upgrade {

    private static final SensorId OLD = SensorId.of("A");
    private static final SensorId NEW = SensorId.of("B");
    private static final ModelType TELEMANOM = ModelType.of("telemanom");
    private static final ChangeNote NOTE = ChangeNote.by("ops-oncall").because("freeze for the audit").referencing("OPS-42");

    @Override
    public void checkUpgrade(Supplier<RegistryDatabase> open) {
        VersionId held;
        Instant since = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (RegistryDatabase upgraded = open.get()) {
            assertThat(overview(upgraded, OLD).heldSince()).isEmpty();

            held = ConcurrentRegistrar.registerOne(upgraded, "B");
            upgraded.unitOfWork().execute(() -> upgraded.repository().findByVersion(held).orElseThrow()
                    .holdActiveVersion(NOTE, since));

            assertThat(overview(upgraded, NEW).heldSince()).contains(since);
            assertThat(upgraded.readModels().activeVersions().activeVersion(NEW, TELEMANOM).orElseThrow().heldSince())
                    .isEqualTo(since);
            assertThat(upgraded.readModels().versions().details(held).orElseThrow().heldSince()).isEqualTo(since);
            List<FeedChange> feed = upgraded.feed().changesSince(0, 100);
            assertThat(feed.get(feed.size() - 1).reason()).isEqualTo(ActivationReason.HOLD_STARTED);
        }
        try (RegistryDatabase reopened = open.get()) {
            assertThat(reopened.unitOfWork().execute(() -> reopened.repository().findByVersion(held).orElseThrow().hold()))
                    .contains(new Hold(held, since, held));
            List<ActivationRow> history = reopened.readModels().models().history(NEW, TELEMANOM).orElseThrow();
            assertThat(history).extracting(ActivationRow::reason)
                    .containsExactly(ActivationReason.REGISTERED, ActivationReason.HOLD_STARTED);
            assertThat(history.get(1).note()).contains(NOTE);

            reopened.unitOfWork().execute(() -> reopened.repository().findByVersion(held).orElseThrow()
                    .releaseHold(since.plusSeconds(1)));

            assertThat(overview(reopened, NEW).heldSince()).isEmpty();
            assertThat(reopened.readModels().versions().details(held).orElseThrow().heldSince()).isNull();
        }
    }

    private static ModelOverview overview(RegistryDatabase database, SensorId sensor) {
        return database.readModels().models().overviews(Optional.of(TELEMANOM), Optional.of(sensor)).get(0);
    }
}
