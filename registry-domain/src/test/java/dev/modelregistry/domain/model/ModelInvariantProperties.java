package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.AliasNotFoundException;
import dev.modelregistry.domain.HoldNotFoundException;
import dev.modelregistry.domain.NothingToHoldException;
import dev.modelregistry.domain.ReservedAliasException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of register / promote / delete / cleanup / set and remove an alias / tag and
 * describe a version and the model / hold and release on one model, checked step by step against a plain reference
 * model of rules R5-R10 and R13 (tag and description edits change none of them, and the tags of
 * every remaining version are the ones last set on it). The reference knows no holds (R14): it
 * only remembers which version is held; with no hold the model's active version is the
 * reference's, during a hold it is the held one (which changes only by a promotion or a forced
 * delete of it), and a release (or the end of a hold) makes the reference's active.
 */
class ModelInvariantProperties {

    /** A small set of anomaly rates, so equal scores (ties) happen often. */
    private static final double[] RATES = {0.01, 0.03, 0.05, 0.07, 0.1};

    /** A few alias names, so aliases are moved, removed and set again often; "active" is refused. */
    private static final String[] ALIASES = {"challenger", "shadow", "last-known-good", "active"};

    sealed interface Action permits Register, Promote, Delete, Cleanup, SetAlias, RemoveAlias, Tag, StartHold,
            ReleaseHold {
    }

    record StartHold() implements Action {
    }

    record ReleaseHold() implements Action {
    }

    /** Sets tag "stage" of a version and of the model, and describes both; "" removes the version's tag. */
    record Tag(int pick, int stage) implements Action {
    }

    private static final String[] STAGES = {"shadow", "prod", "", "Größe 🚀"};

    record SetAlias(int alias, int pick) implements Action {
    }

    record RemoveAlias(int alias) implements Action {
    }

    record Register(int rateIndex) implements Action {
    }

    record Promote(int pick) implements Action {
    }

    record Delete(int pick, boolean force) implements Action {
    }

    record Cleanup(int keep) implements Action {
    }

    private static Gen<Action> actions() {
        Gen<Action> register = integers().between(0, RATES.length - 1).map(Register::new);
        Gen<Action> promote = integers().between(0, 50).map(Promote::new);
        Gen<Action> delete = integers().between(0, 50).zip(booleans().all(), Delete::new);
        Gen<Action> cleanup = integers().between(1, 4).map(Cleanup::new);
        Gen<Action> setAlias = integers().between(0, ALIASES.length - 1).zip(integers().between(0, 50), SetAlias::new);
        Gen<Action> removeAlias = integers().between(0, ALIASES.length - 1).map(RemoveAlias::new);
        Gen<Action> tag = integers().between(0, 50).zip(integers().between(0, STAGES.length - 1), Tag::new);
        Gen<Action> hold = Generate.constant(new StartHold());
        Gen<Action> release = Generate.constant(new ReleaseHold());
        return Generate.frequency(List.of(Pair.of(6, register), Pair.of(2, promote), Pair.of(3, delete), Pair.of(1, cleanup),
                Pair.of(3, setAlias), Pair.of(1, removeAlias), Pair.of(2, tag), Pair.of(2, hold), Pair.of(1, release)));
    }

    private static Gen<List<Action>> scripts() {
        return lists().of(actions()).ofSizeBetween(0, 40);
    }

    @Test
    void theModelAgreesWithTheReferenceAfterEveryStep() {
        qt().withExamples(300).forAll(scripts()).checkAssert(script -> {
            Model model = Fixtures.aModel();
            Reference reference = new Reference();
            int second = 0;
            for (Action action : script) {
                apply(action, model, reference, Fixtures.at(++second));
                assertAgreement(model, reference);
            }
        });
    }

    @Test
    void withoutPromotionsTheActiveVersionHasTheBestScore() {
        qt().withExamples(200).forAll(scripts()).checkAssert(script -> {
            Model model = Fixtures.aModel();
            Reference reference = new Reference();
            int second = 0;
            for (Action action : script) {
                if (action instanceof Promote || action instanceof StartHold) {
                    continue;
                }
                apply(action, model, reference, Fixtures.at(++second));
                if (!model.versions().isEmpty()) {
                    double best = model.versions().stream().mapToDouble(ModelVersion::performanceScore).max().orElseThrow();
                    assertThat(model.activeVersion().orElseThrow().performanceScore()).isEqualTo(best);
                }
            }
        });
    }

    private static void apply(Action action, Model model, Reference reference, Instant at) {
        VersionId shownBefore = reference.shown();
        step(action, model, reference, at);
        if (!Objects.equals(shownBefore, reference.shown())) {
            reference.changes++;
        }
    }

    private static void step(Action action, Model model, Reference reference, Instant at) {
        if (action instanceof Register register) {
            int seconds = (int) (at.getEpochSecond() - Fixtures.T0.getEpochSecond());
            ModelVersion version = Fixtures.register(model, RATES[register.rateIndex()], seconds);
            reference.register(version.id(), version.performanceScore());
        } else if (action instanceof Promote promote) {
            if (!reference.versions.isEmpty()) {
                VersionId id = reference.pick(promote.pick());
                model.promote(id, at);
                reference.promote(id);
            }
        } else if (action instanceof Delete delete) {
            if (!reference.versions.isEmpty()) {
                VersionId id = reference.pick(delete.pick());
                boolean refused = id.equals(reference.shown()) && !delete.force();
                try {
                    model.deleteVersion(id, delete.force(), at);
                    assertThat(refused).as("delete of the active version without force must be refused").isFalse();
                    reference.delete(id);
                } catch (ActiveVersionDeletionException expected) {
                    assertThat(refused).isTrue();
                }
            }
        } else if (action instanceof Cleanup cleanup) {
            int removed = model.retainNewest(cleanup.keep(), at).size();
            assertThat(removed).isEqualTo(reference.retain(cleanup.keep()));
        } else if (action instanceof SetAlias set && !reference.versions.isEmpty()) {
            VersionId id = reference.pick(set.pick());
            Alias alias = Alias.of(ALIASES[set.alias()]);
            try {
                boolean changed = model.assignAlias(alias, id, at);
                assertThat(alias.isReserved()).as("setting 'active' must be refused").isFalse();
                assertThat(changed).isEqualTo(!id.equals(reference.aliases.put(alias.value(), id)));
            } catch (ReservedAliasException expected) {
                assertThat(alias.isReserved()).isTrue();
            }
        } else if (action instanceof Tag tag && !reference.versions.isEmpty()) {
            VersionId id = reference.pick(tag.pick());
            String stage = STAGES[tag.stage()];
            if (stage.isEmpty()) {
                model.untagVersion(id, "stage", at);
                reference.stages.remove(id);
            } else {
                model.tagVersion(id, "stage", stage, at);
                reference.stages.put(id, stage);
            }
            model.describeVersion(id, stage, at);
            model.tag("stage", stage, at);
            model.describe(stage, at);
        } else if (action instanceof StartHold) {
            try {
                assertThat(model.holdActiveVersion(at)).isEqualTo(reference.held == null);
                assertThat(reference.versions).isNotEmpty();
                reference.held = reference.shown();
            } catch (NothingToHoldException expected) {
                assertThat(reference.versions).isEmpty();
            }
        } else if (action instanceof ReleaseHold) {
            try {
                HoldRelease release = model.releaseHold(at);
                assertThat(release).isEqualTo(new HoldRelease(reference.held, reference.active));
                reference.held = null;
            } catch (HoldNotFoundException expected) {
                assertThat(reference.held).isNull();
            }
        } else if (action instanceof RemoveAlias remove) {
            Alias alias = Alias.of(ALIASES[remove.alias()]);
            try {
                assertThat(model.removeAlias(alias, at)).isEqualTo(reference.aliases.remove(alias.value()));
                assertThat(alias.isReserved()).isFalse();
            } catch (ReservedAliasException | AliasNotFoundException expected) {
                assertThat(alias.isReserved() || !reference.aliases.containsKey(alias.value())).isTrue();
            }
        }
    }

    private static void assertAgreement(Model model, Reference reference) {
        assertThat(model.versions()).extracting(ModelVersion::id)
                .containsExactlyInAnyOrderElementsOf(reference.versions.stream().map(Entry::id).toList());
        List<ModelVersion> active = model.versions().stream().filter(ModelVersion::isActive).toList();
        if (model.versions().isEmpty()) {
            assertThat(active).isEmpty();
            assertThat(model.activeVersion()).isEmpty();
        } else {
            assertThat(active).hasSize(1);
            assertThat(model.activeVersion()).contains(active.get(0));
        }
        // with no hold the active version is the reference's; during one it is the held version
        assertThat(model.activeVersionId().orElse(null)).isEqualTo(reference.shown());
        assertThat(model.versionByAlias(Alias.ACTIVE).orElse(null)).isEqualTo(reference.shown());
        // a release would make active what the rules without the hold have made active
        assertThat(model.hold().map(Hold::heldVersion).orElse(null)).isEqualTo(reference.held);
        assertThat(model.hold().map(Hold::releaseWinner).orElse(null))
                .isEqualTo(reference.held == null ? null : reference.active);
        // every alias names an existing version of its own model, or nothing
        assertThat(model.aliases().values()).allSatisfy(id -> assertThat(model.findVersion(id)).isPresent());
        assertThat(model.aliases()).hasSameSizeAs(reference.aliases);
        reference.aliases.forEach((alias, id) -> assertThat(model.versionByAlias(Alias.of(alias))).contains(id));
        List<ActivationChange> changes = model.history().stream()
                .filter(entry -> entry.reason().changesActiveVersion()).toList();
        assertThat(changes).hasSize(reference.changes);
        for (ModelVersion version : model.versions()) {
            assertThat(version.tags().value("stage")).isEqualTo(Optional.ofNullable(reference.stages.get(version.id())));
            assertThat(version.tags().keys()).startsWith("anomaly");
        }
        if (!changes.isEmpty()) {
            assertThat(changes.get(changes.size() - 1).versionId().orElse(null)).isEqualTo(reference.shown());
        }
        // the history explains every state: replayed, it yields the active version, the aliases and the hold
        assertThat(model.activeAt(Instant.MAX).versionId().orElse(null)).isEqualTo(reference.shown());
        assertThat(AliasReplay.of(model.history())).isEqualTo(model.aliases());
        assertThat(HoldReplay.of(model.history())).isEqualTo(model.hold());
        assertThat(model.history()).extracting(ActivationChange::sequenceNo)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, model.history().size()).boxed().toList());
    }

    private record Entry(VersionId id, double score, int order) {
    }

    /** R5-R9 and R13 written as plainly as possible; of R14 only which version is held. */
    private static final class Reference {
        final List<Entry> versions = new ArrayList<>();
        final Map<String, VersionId> aliases = new HashMap<>();
        final Map<VersionId, String> stages = new HashMap<>();
        /** The version active by the rules without holds. */
        VersionId active;
        /** The held version; null without a hold. */
        VersionId held;
        /** How often the version the model shows as active changed. */
        int changes;
        int registrations;

        /** The version the model shows as active: the held one during a hold. */
        VersionId shown() {
            return held != null ? held : active;
        }

        VersionId pick(int pick) {
            return versions.get(pick % versions.size()).id();
        }

        void register(VersionId id, double score) {
            double bestOther = versions.stream().mapToDouble(Entry::score).max().orElse(Double.NEGATIVE_INFINITY);
            versions.add(new Entry(id, score, registrations++));
            if (active == null || score > bestOther) {
                active = id;
            }
        }

        void promote(VersionId id) {
            active = id;
            held = held == null ? null : id;
        }

        void delete(VersionId id) {
            held = id.equals(held) ? null : held;
            versions.removeIf(entry -> entry.id().equals(id));
            aliases.values().removeIf(id::equals);
            if (id.equals(active)) {
                active = versions.stream()
                        .max(Comparator.comparingDouble(Entry::score).thenComparingInt(Entry::order))
                        .map(Entry::id).orElse(null);
            }
        }

        int retain(int keep) {
            List<Entry> newestFirst = new ArrayList<>(versions);
            newestFirst.sort(Comparator.comparingInt(Entry::order).reversed());
            List<Entry> doomed = newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size()).stream()
                    .filter(entry -> !Objects.equals(entry.id(), active) && !Objects.equals(entry.id(), held)
                            && !aliases.containsValue(entry.id())).toList();
            versions.removeAll(doomed);
            return doomed.size();
        }
    }
}
