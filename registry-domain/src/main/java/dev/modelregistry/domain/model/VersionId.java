package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidIdentifierException;
import java.util.regex.Pattern;

/**
 * Identity of a model version. New ids are 12 lowercase hex characters; ids imported from the
 * legacy registry (8 hex characters) are kept as they are. Any id is 1 to 64 characters of
 * letters, digits, '-', '_' or '.'.
 */
public record VersionId(String value) {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public VersionId {
        if (value == null || !WELL_FORMED.matcher(value).matches()) {
            throw new InvalidIdentifierException("version_id", value,
                    "must be 1 to 64 characters of letters, digits, '-', '_' or '.'");
        }
    }

    public static VersionId of(String value) {
        return new VersionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
