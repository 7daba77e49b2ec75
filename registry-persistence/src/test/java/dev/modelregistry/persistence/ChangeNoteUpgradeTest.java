package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.ActivationRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Changelog 1.3-change-notes on a populated release 1.1 database: the history written before it
 * keeps every fact and carries no note; a change made after it keeps its note, in the aggregate
 * and on the read side. On SQLite and PostgreSQL.
 */
class ChangeNoteUpgradeTest implements Release11Upgrade {

    private static final ChangeNote NOTE = ChangeNote.by("ops-oncall").because("rollback after incident 42")
            .referencing("INC-42");

    @Override
    public void checkUpgrade(Supplier<RegistryDatabase> open) {
        try (RegistryDatabase upgraded = open.get()) {
            List<ActivationRow> old = upgraded.readModels().models().history(SensorId.of("A"), ModelType.of("telemanom"))
                    .orElseThrow();
            assertThat(old).extracting(ActivationRow::reason, ActivationRow::versionId).containsExactly(
                    tuple(ActivationReason.REGISTERED, Optional.of(VersionId.of("a1"))),
                    tuple(ActivationReason.PROMOTED, Optional.of(VersionId.of("a2"))));
            assertThat(old).allSatisfy(row -> assertThat(row.note()).isEmpty());

            VersionId first = ConcurrentRegistrar.registerOne(upgraded, "B");
            ConcurrentRegistrar.registerOne(upgraded, "B");
            upgraded.unitOfWork().run(() -> {
                Model model = upgraded.repository().findByVersion(first).orElseThrow();
                model.deleteVersion(model.activeVersionId().orElseThrow(), true, NOTE,
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
            });

            List<ActivationRow> fresh = upgraded.readModels().models().history(SensorId.of("B"), ModelType.of("telemanom"))
                    .orElseThrow();
            assertThat(fresh.get(fresh.size() - 1).reason()).isEqualTo(ActivationReason.REELECTED);
            assertThat(fresh.get(fresh.size() - 1).note()).contains(NOTE);
            assertThat(fresh.subList(0, fresh.size() - 1)).allSatisfy(row -> assertThat(row.note()).isEmpty());
            List<ActivationChange> reloaded = upgraded.unitOfWork().execute(() -> List.copyOf(upgraded.repository()
                    .findByPair(SensorId.of("B"), ModelType.of("telemanom")).orElseThrow().history()));
            assertThat(reloaded).extracting(ActivationChange::note).containsExactlyElementsOf(
                    fresh.stream().map(ActivationRow::note).toList());
        }
    }
}
