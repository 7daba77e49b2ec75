package dev.modelregistry.domain;

/**
 * A change note (who changed the active version or an alias, why, under which reference) breaks
 * its limits: the message names the field ({@code actor}, {@code reason}, {@code reference}) and
 * the value, e.g. {@code change note actor must not be blank: "  "}.
 */
public class InvalidChangeNoteException extends InvalidValueException {

    public InvalidChangeNoteException(String field, Object value, String reason) {
        super("change note ", field, value, reason);
    }
}
