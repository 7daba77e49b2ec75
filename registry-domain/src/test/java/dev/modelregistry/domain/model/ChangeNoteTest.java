package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.modelregistry.domain.InvalidChangeNoteException;
import dev.modelregistry.domain.RegistryException;
import org.junit.jupiter.api.Test;

/** The limits of a change note (README, "Who and why"): errors name the field and show the value. */
class ChangeNoteTest {

    @Test
    void aNoteIsBuiltFluentlyAndTrimmed() {
        ChangeNote note = ChangeNote.by("  ops-oncall ").because(" rollback after incident 42\n").referencing(" INC-42 ");

        assertThat(note.actor()).isEqualTo("ops-oncall");
        assertThat(note.reason()).contains("rollback after incident 42");
        assertThat(note.reference()).contains("INC-42");
        assertThat(note).isEqualTo(ChangeNote.of("ops-oncall", "rollback after incident 42", "INC-42"))
                .hasSameHashCodeAs(ChangeNote.of("ops-oncall", "rollback after incident 42", "INC-42"));
    }

    @Test
    void reasonAndReferenceAreOptionalAndBlankMeansNone() {
        ChangeNote note = ChangeNote.by("ops").because("  \t ").referencing("");

        assertThat(note.reason()).isEmpty();
        assertThat(note.reference()).isEmpty();
        assertThat(note).isEqualTo(ChangeNote.by("ops")).isEqualTo(ChangeNote.of("ops", null, null));
        assertThat(ChangeNote.by("ops").because("why").because(null).reason()).isEmpty();
    }

    @Test
    void aNullOrBlankActorIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ChangeNote.by(null)).isInstanceOf(InvalidChangeNoteException.class)
                .isInstanceOf(RegistryException.class)
                .hasMessage("change note actor must not be null: null");
        assertThatThrownBy(() -> ChangeNote.by(" \t ")).isInstanceOf(InvalidChangeNoteException.class)
                .hasMessage("change note actor must not be empty or blank: \" \t \"")
                .satisfies(e -> assertThat(((InvalidChangeNoteException) e).field()).isEqualTo("actor"));
        assertThatThrownBy(() -> ChangeNote.by("")).isInstanceOf(InvalidChangeNoteException.class);
    }

    @Test
    void anActorHasAtMost128Characters() {
        String longest = "a".repeat(ChangeNote.MAX_ACTOR_LENGTH);

        assertThat(ChangeNote.by(longest).actor()).isEqualTo(longest);
        assertThat(ChangeNote.by(" " + longest + " ").actor()).isEqualTo(longest);
        assertThatThrownBy(() -> ChangeNote.by(longest + "a")).isInstanceOf(InvalidChangeNoteException.class)
                .hasMessageStartingWith("change note actor must be at most 128 characters");
    }

    @Test
    void anActorWithControlOrInvisibleCharactersIsRefusedNamingTheCharacter() {
        assertThatThrownBy(() -> ChangeNote.by("ops\u0007"))
                .hasMessage("change note actor must not contain control or invisible characters (U+0007 at index 3): \"ops\u0007\"");
        assertThatThrownBy(() -> ChangeNote.by("ops\u001b[31mroot")).hasMessageContaining("U+001B at index 3");
        assertThatThrownBy(() -> ChangeNote.by("ops\u200bdev")).hasMessageContaining("U+200B at index 3");
        assertThatThrownBy(() -> ChangeNote.by("ops\u00a0dev")).hasMessageContaining("U+00A0");
        assertThatThrownBy(() -> ChangeNote.by("ops\u202edev")).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> ChangeNote.by("ops\ndev")).hasMessageContaining("U+000A");
        assertThatThrownBy(() -> ChangeNote.by("ops\ud800")).isInstanceOf(InvalidChangeNoteException.class)
                .hasMessageContaining("lone surrogate U+D800");
    }

    @Test
    void unicodeActorsReasonsAndReferencesAreKeptAsGiven() {
        ChangeNote note = ChangeNote.by("Jürgen Müller").because("回滚 nach Vorfall 42 🚑").referencing("ОПС-42");

        assertThat(note.actor()).isEqualTo("Jürgen Müller");
        assertThat(note.reason()).contains("回滚 nach Vorfall 42 🚑");
        assertThat(note.reference()).contains("ОПС-42");
        assertThat(ChangeNote.by("🚑".repeat(64)).actor()).hasSize(128);
    }

    @Test
    void aLongReasonIsKeptUpToTheTextLimit() {
        String tenThousand = "x".repeat(10_000);

        assertThat(ChangeNote.by("ops").because(tenThousand).reason()).contains(tenThousand);
        assertThat(ChangeNote.by("ops").because("y".repeat(ValueLimits.MAX_STRING_LENGTH)).reason()).isPresent();
        assertThatThrownBy(() -> ChangeNote.by("ops").because("y".repeat(ValueLimits.MAX_STRING_LENGTH + 1)))
                .isInstanceOf(InvalidChangeNoteException.class)
                .hasMessageStartingWith("change note reason must be at most 1000000 characters: \"yyy")
                .hasMessageEndingWith("(1000001 characters)\"");
    }

    @Test
    void aReasonKeepsTabsAndLineBreaksButNoOtherControlCharacters() {
        assertThat(ChangeNote.by("ops").because("line one\nline two\ttabbed\r\nend").reason())
                .contains("line one\nline two\ttabbed\r\nend");
        assertThatThrownBy(() -> ChangeNote.by("ops").because("red \u001b[31malert"))
                .isInstanceOf(InvalidChangeNoteException.class)
                .hasMessageStartingWith("change note reason must not contain control characters (U+001B at index 4)");
        assertThatThrownBy(() -> ChangeNote.by("ops").because("nul\u0000"))
                .hasMessageStartingWith("change note reason must not contain the character U+0000");
        assertThatThrownBy(() -> ChangeNote.by("ops").because("half \udc00"))
                .hasMessageContaining("lone surrogate U+DC00");
    }

    @Test
    void aReferenceHasAtMost256VisibleCharacters() {
        String longest = "r".repeat(ChangeNote.MAX_REFERENCE_LENGTH);

        assertThat(ChangeNote.by("ops").referencing(longest).reference()).contains(longest);
        assertThat(ChangeNote.by("ops").referencing("https://tickets.example/INC 42").reference())
                .contains("https://tickets.example/INC 42");
        assertThatThrownBy(() -> ChangeNote.by("ops").referencing(longest + "r"))
                .isInstanceOf(InvalidChangeNoteException.class)
                .hasMessageStartingWith("change note reference must be at most 256 characters");
        assertThatThrownBy(() -> ChangeNote.by("ops").referencing("INC-\u200d42"))
                .hasMessageStartingWith("change note reference must not contain control or invisible characters (U+200D at index 4)");
    }

    @Test
    void everyAcceptedNoteReadsBackEqualFromItsParts() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40), strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert((actor, reason) -> {
                    ChangeNote note;
                    try {
                        note = ChangeNote.by(actor).because(reason);
                    } catch (InvalidChangeNoteException refused) {
                        assertThat(refused.field()).isIn("actor", "reason");
                        return;
                    }
                    assertThat(note.actor()).isEqualTo(note.actor().strip()).isNotEmpty();
                    assertThat(ChangeNote.of(note.actor(), note.reason().orElse(null), null)).isEqualTo(note);
                });
    }
}
