package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.modelregistry.domain.ActiveVersionArchiveException;
import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.AliasNotFoundException;
import dev.modelregistry.domain.ArchivedVersionException;
import dev.modelregistry.domain.HoldNotFoundException;
import dev.modelregistry.domain.NothingToHoldException;
import dev.modelregistry.domain.ReservedAliasException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of register / promote / delete / cleanup / set and remove an alias / tag and
 * describe a version and the model / hold and release / archive, unarchive and cleanup by archiving on
 * one model, checked step by step against a plain reference model of rules R5-R10, R13 and R15
 * (tag and description edits change none of them, and the tags of every remaining version are the
 * ones last set on it). The reference knows no holds (R14): it
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
            ReleaseHold, Archive, Unarchive, ArchiveCleanup {
    }

    record Archive(int pick, boolean force) implements Action {
    }

    record Unarchive(int pick) implements Action {
    }

    record ArchiveCleanup(int keep) implements Action {
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
        Gen<Action> archive = integers().between(0, 50).zip(booleans().all(), Archive::new);
        Gen<Action> unarchive = integers().between(0, 50).map(Unarchive::new);
        Gen<Action> archiveCleanup = integers().between(1, 4).map(ArchiveCleanup::new);
        return Generate.frequency(List.of(Pair.of(6, register), Pair.of(2, promote), Pair.of(3, delete), Pair.of(1, cleanup),
                Pair.of(3, setAlias), Pair.of(1, removeAlias), Pair.of(2, tag), Pair.of(2, hold), Pair.of(1, release),
                Pair.of(3, archive), Pair.of(1, unarchive), Pair.of(1, archiveCleanup)));
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
                if (action instanceof Promote || action instanceof StartHold || action instanceof Unarchive) {
                    continue; // an unarchived version does not take over either
                }
                apply(action, model, reference, Fixtures.at(++second));
                List<ModelVersion> electable = model.versions().stream().filter(version -> !version.isArchived()).toList();
                if (!electable.isEmpty()) {
                    double best = electable.stream().mapToDouble(ModelVersion::performanceScore).max().orElseThrow();
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
                try {
                    model.promote(id, at);
                    assertThat(reference.archived).as("promoting an archived version must be refused").doesNotContain(id);
                    reference.promote(id);
                } catch (ArchivedVersionException expected) {
                    assertThat(reference.archived).contains(id);
                }
            }
        } else if (action instanceof Archive archive && !reference.versions.isEmpty()) {
            VersionId id = reference.pick(archive.pick());
            boolean refused = reference.archiveRefused(id, archive.force());
            try {
                boolean changed = model.archive(id, archive.force(), at);
                assertThat(refused).as("archiving the active version needs force and another version in elections").isFalse();
                assertThat(changed).isEqualTo(reference.archive(id));
            } catch (ActiveVersionArchiveException expected) {
                assertThat(refused).isTrue();
            }
        } else if (action instanceof Unarchive unarchive && !reference.versions.isEmpty()) {
            VersionId id = reference.pick(unarchive.pick());
            assertThat(model.unarchive(id, at)).isEqualTo(reference.unarchive(id));
        } else if (action instanceof ArchiveCleanup cleanup) {
            int archived = model.archiveAllButNewest(cleanup.keep(), null, at).size();
            assertThat(archived).isEqualTo(reference.archiveAllButNewest(cleanup.keep()));
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
                assertThat(reference.archived).as("naming an archived version must be refused").doesNotContain(id);
                assertThat(changed).isEqualTo(!id.equals(reference.aliases.put(alias.value(), id)));
            } catch (ReservedAliasException expected) {
                assertThat(alias.isReserved()).isTrue();
            } catch (ArchivedVersionException expected) {
                assertThat(reference.archived).contains(id);
                assertThat(alias.isReserved()).isFalse();
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
                assertThat(reference.shown()).isNotNull();
                reference.held = reference.shown();
            } catch (NothingToHoldException expected) {
                assertThat(reference.shown()).as("only a model without an active version has nothing to hold").isNull();
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
        assertThat(model.versions()).filteredOn(ModelVersion::isArchived).extracting(ModelVersion::id)
                .containsExactlyInAnyOrderElementsOf(reference.archived);
        // the active version is never archived; a model with versions in elections has one
        assertThat(active).noneMatch(ModelVersion::isArchived);
        if (model.versions().stream().allMatch(ModelVersion::isArchived)) {
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
        // every alias names an existing, not archived version of its own model, or nothing
        assertThat(model.aliases().values()).allSatisfy(id -> assertThat(model.findVersion(id))
                .hasValueSatisfying(version -> assertThat(version.isArchived()).isFalse()));
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
        Map<VersionId, Instant> archivedByHistory = new HashMap<>();
        ArchiveReplay.of(model.history()).forEach((id, since) -> {
            if (model.findVersion(id).isPresent()) {
                archivedByHistory.put(id, since);
            }
        });
        Map<VersionId, Instant> archivedVersions = new HashMap<>();
        model.versions().forEach(version -> version.archivedAt().ifPresent(since -> archivedVersions.put(version.id(), since)));
        assertThat(archivedByHistory).isEqualTo(archivedVersions);
        assertThat(model.history()).extracting(ActivationChange::sequenceNo)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, model.history().size()).boxed().toList());
    }

    private record Entry(VersionId id, double score, int order) {
    }

    /** R5-R9, R13 and R15 written as plainly as possible; of R14 only which version is held. */
    private static final class Reference {
        final List<Entry> versions = new ArrayList<>();
        final Set<VersionId> archived = new HashSet<>();
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
            double bestOther = electable().stream().mapToDouble(Entry::score).max().orElse(Double.NEGATIVE_INFINITY);
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
            archived.remove(id);
            aliases.values().removeIf(id::equals);
            if (id.equals(active)) {
                active = reelect(id);
            }
        }

        /** The best version in elections but {@code except}: highest score, then the newest (R7, R15). */
        private VersionId reelect(VersionId except) {
            return electable().stream().filter(entry -> !entry.id().equals(except))
                    .max(Comparator.comparingDouble(Entry::score).thenComparingInt(Entry::order))
                    .map(Entry::id).orElse(null);
        }

        private List<Entry> electable() {
            return versions.stream().filter(entry -> !archived.contains(entry.id())).toList();
        }

        /**
         * Archiving the version shown active needs force and a version to take over: the one the
         * rules without the hold make active, unless that is this one, else the best other in elections.
         */
        boolean archiveRefused(VersionId id, boolean force) {
            return id.equals(shown()) && (!force || (id.equals(active) ? reelect(id) : active) == null);
        }

        /** Out of elections and aliases (R15); archiving the held version ends the hold, as deleting it does. */
        boolean archive(VersionId id) {
            if (!archived.add(id)) {
                return false;
            }
            aliases.values().removeIf(id::equals);
            if (id.equals(active)) {
                active = reelect(id);
            }
            held = id.equals(held) ? null : held;
            return true;
        }

        boolean unarchive(VersionId id) {
            if (!archived.remove(id)) {
                return false;
            }
            if (active == null) {
                active = id;
            }
            return true;
        }

        private List<Entry> retentionVictims(int keep) {
            List<Entry> newestFirst = new ArrayList<>(versions);
            newestFirst.sort(Comparator.comparingInt(Entry::order).reversed());
            return newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size()).stream()
                    .filter(entry -> !Objects.equals(entry.id(), active) && !Objects.equals(entry.id(), held)
                            && !aliases.containsValue(entry.id())).toList();
        }

        int retain(int keep) {
            List<Entry> doomed = retentionVictims(keep);
            versions.removeAll(doomed);
            doomed.forEach(entry -> archived.remove(entry.id()));
            return doomed.size();
        }

        int archiveAllButNewest(int keep) {
            return (int) retentionVictims(keep).stream().filter(entry -> archived.add(entry.id())).count();
        }
    }
}
