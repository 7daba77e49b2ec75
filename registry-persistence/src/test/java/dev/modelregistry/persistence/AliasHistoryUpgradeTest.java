package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.feed.FeedChange;
import dev.modelregistry.persistence.query.ActivationRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * Changelogs 1.3-aliases and 1.3-alias-history on a populated release 1.1 database: the history
 * written before them keeps every fact, names no alias and still answers which version was
 * active; aliases set after them are stored, recorded with their alias and fed. On SQLite and PostgreSQL.
 */
class AliasHistoryUpgradeTest implements Release11Upgrade {

    @Override
    public void checkUpgrade(Supplier<RegistryDatabase> open) {
        try (RegistryDatabase upgraded = open.get()) {
            List<ActivationRow> old = upgraded.readModels().models().history(SensorId.of("A"), ModelType.of("telemanom"))
                    .orElseThrow();
            assertThat(old).extracting(ActivationRow::reason).containsExactly(ActivationReason.REGISTERED,
                    ActivationReason.PROMOTED);
            assertThat(old).allSatisfy(row -> assertThat(row.alias()).isEmpty());
            assertThat(upgraded.readModels().aliases().aliases(SensorId.of("A"), ModelType.of("telemanom")))
                    .contains(java.util.Map.of());

            VersionId first = ConcurrentRegistrar.registerOne(upgraded, "B");
            ConcurrentRegistrar.registerOne(upgraded, "B");
            upgraded.unitOfWork().execute(() -> upgraded.repository().findByVersion(first).orElseThrow()
                    .assignAlias(Alias.of("last-known-good"), first, Instant.now().truncatedTo(ChronoUnit.MICROS)));

            List<ActivationRow> fresh = upgraded.readModels().models().history(SensorId.of("B"), ModelType.of("telemanom"))
                    .orElseThrow();
            assertThat(fresh.get(fresh.size() - 1).alias()).contains(Alias.of("last-known-good"));
            assertThat(upgraded.readModels().aliases().version(SensorId.of("B"), ModelType.of("telemanom"),
                    Alias.of("last-known-good")).map(row -> row.versionId())).contains(first.value());
            List<FeedChange> feed = upgraded.feed().changesSince(0, 100);
            assertThat(feed.get(feed.size() - 1).alias()).isEqualTo("last-known-good");
            assertThat(feed.get(0).alias()).isNull();
            assertThat(feed.get(feed.size() - 1).reason()).isEqualTo(ActivationReason.ALIAS_SET);
        }
    }
}
