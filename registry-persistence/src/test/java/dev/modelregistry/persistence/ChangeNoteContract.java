package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.ActivationRow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A history entry's change note is stored and read back as made, by the aggregate and by the
 * read side, odd values included (a long multi-line reason, Unicode). Run on SQLite and
 * PostgreSQL by the read-model tests of both.
 */
interface ChangeNoteContract {

    RegistryDatabase database();

    @Test
    default void everyNoteOfAHistoryIsStoredAndReadBackAsMade() {
        String sensor = "note-" + System.nanoTime();
        ChangeNote rollback = ChangeNote.by("ops-oncall").because("rollback after incident 42").referencing("INC-42");
        ChangeNote unicode = ChangeNote.by("Jürgen Müller 🚑").because("回滚\nline two\t" + "x".repeat(10_000));
        ChangeNote actorOnly = ChangeNote.by("ml-team");
        List<VersionId> ids = database().unitOfWork().execute(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            List<VersionId> registered = List.of(register(model, 0.01, 1).id(), register(model, 0.1, 2).id());
            database().repository().save(model);
            return registered;
        });
        database().unitOfWork().run(() -> {
            Model model = database().repository().findByPair(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow();
            model.promote(ids.get(1), rollback, at(3));
            model.assignAlias(Alias.of("challenger"), ids.get(0), unicode, at(4));
            model.removeAlias(Alias.of("challenger"), actorOnly, at(5));
            model.promote(ids.get(0), at(6));
        });

        List<ActivationRow> rows = database().readModels().models().history(SensorId.of(sensor), Fixtures.TELEMANOM)
                .orElseThrow();
        List<ActivationChange> entries = database().unitOfWork().execute(() -> List.copyOf(database().repository()
                .findByPair(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow().history()));

        List<Optional<ChangeNote>> made = List.of(Optional.empty(), Optional.of(rollback), Optional.of(unicode),
                Optional.of(actorOnly), Optional.empty());
        assertThat(rows).extracting(ActivationRow::reason).containsExactly(ActivationReason.REGISTERED,
                ActivationReason.PROMOTED, ActivationReason.ALIAS_SET, ActivationReason.ALIAS_REMOVED,
                ActivationReason.PROMOTED);
        assertThat(rows).extracting(ActivationRow::note).containsExactlyElementsOf(made);
        assertThat(entries).extracting(ActivationChange::note).containsExactlyElementsOf(made);
    }
}
