package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidChangeNoteException;
import java.util.Objects;
import java.util.Optional;

/**
 * Who made a change of the active version or of an alias, and why (README, "Governance", "Who
 * and why"): written into the change's history entry. Immutable; built fluently:
 * {@code ChangeNote.by("ops-oncall").because("rollback after incident 42").referencing("INC-42")}.
 * Every part is trimmed of white space at both ends and checked:
 * <ul>
 *   <li>the actor (required): 1 to {@value #MAX_ACTOR_LENGTH} characters of valid Unicode, not
 *       blank, no control or invisible character ({@link InvisibleCharacters}: zero-width and
 *       bidirectional characters, non-breaking spaces, ...), so two actors never look alike;</li>
 *   <li>the reason (optional): free text within the limits of a description
 *       ({@link ValueLimits#requireText}: at most {@value ValueLimits#MAX_STRING_LENGTH}
 *       characters, no U+0000), and no control character but tab, line feed and carriage
 *       return (a history listing cannot be rewritten by a terminal escape); null or blank is none;</li>
 *   <li>the reference (optional, a ticket id or URL): at most {@value #MAX_REFERENCE_LENGTH}
 *       characters, no control or invisible character; null or blank is none.</li>
 * </ul>
 * A part beyond its limits is refused with {@link InvalidChangeNoteException} naming the field
 * ({@code actor}, {@code reason}, {@code reference}) and the value.
 */
public final class ChangeNote {

    public static final int MAX_ACTOR_LENGTH = 128;
    public static final int MAX_REFERENCE_LENGTH = 256;

    private static final ValueLimits.Refusal REFUSAL = InvalidChangeNoteException::new;

    private final String actor;
    private final String reason;
    private final String reference;

    private ChangeNote(String actor, String reason, String reference) {
        this.actor = actor;
        this.reason = reason;
        this.reference = reference;
    }

    /** A note of {@code actor}, without reason or reference. */
    public static ChangeNote by(String actor) {
        if (actor == null) {
            throw new InvalidChangeNoteException("actor", null, "must not be null");
        }
        String trimmed = actor.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidChangeNoteException("actor", actor, "must not be empty or blank");
        }
        return new ChangeNote(requireVisible("actor", trimmed, MAX_ACTOR_LENGTH), null, null);
    }

    /** All three parts at once (a stored or exported note); {@code reason} and {@code reference} may be null. */
    public static ChangeNote of(String actor, String reason, String reference) {
        return by(actor).because(reason).referencing(reference);
    }

    /**
     * A note as a history entry stores it, in three columns (actor, reason, reference): none when
     * all three are null (an entry without a note), else {@link #of} them; a reason or reference
     * without an actor is refused.
     */
    public static Optional<ChangeNote> stored(String actor, String reason, String reference) {
        if (actor == null && reason == null && reference == null) {
            return Optional.empty();
        }
        return Optional.of(of(actor, reason, reference));
    }

    /** This note with {@code reason}; null or blank: without a reason. */
    public ChangeNote because(String reason) {
        String trimmed = blankAsNull(reason);
        if (trimmed != null) {
            ValueLimits.requireText("reason", trimmed, REFUSAL);
            ValueLimits.requireNoControlCharacters("reason", trimmed, "\t\n\r", REFUSAL);
        }
        return new ChangeNote(actor, trimmed, reference);
    }

    /** This note with the external {@code reference} (a ticket id, a URL); null or blank: without one. */
    public ChangeNote referencing(String reference) {
        String trimmed = blankAsNull(reference);
        return new ChangeNote(actor, reason,
                trimmed == null ? null : requireVisible("reference", trimmed, MAX_REFERENCE_LENGTH));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String requireVisible(String field, String value, int maxLength) {
        ValueLimits.requireText(field, value, maxLength, REFUSAL);
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (InvisibleCharacters.isInvisible(codePoint)) {
                throw new InvalidChangeNoteException(field, value, String.format(
                        "must not contain control or invisible characters (U+%04X at index %d)", codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        return value;
    }

    public String actor() {
        return actor;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChangeNote that && actor.equals(that.actor)
                && Objects.equals(reason, that.reason) && Objects.equals(reference, that.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actor, reason, reference);
    }

    @Override
    public String toString() {
        return "ChangeNote[by " + actor + (reason == null ? "" : ", because " + reason)
                + (reference == null ? "" : ", ref " + reference) + "]";
    }
}
