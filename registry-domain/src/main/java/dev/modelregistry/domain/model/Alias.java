package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidIdentifierException;

/**
 * The name of an alias: a second name of one version of a model besides its active version
 * ({@code challenger}, {@code shadow}, {@code last-known-good}). 1 to {@value #MAX_LENGTH}
 * characters of lowercase ASCII letters {@code a-z}, digits, {@code '-'}, {@code '_'} or
 * {@code '.'}, starting with a letter or a digit. So an alias never needs percent-encoding in a
 * model URI ({@code models:/telemanom/sensor_001@challenger}), two aliases never look alike (no
 * upper case, white space or characters of other scripts such as the Cyrillic {@code а} beside
 * the Latin {@code a}), and it never holds the URI's {@code @} or {@code /}.
 *
 * <p>{@link #ACTIVE} is a well-formed name but reserved: it always names the active version
 * and can be neither set nor removed ({@link Model#assignAlias}).
 */
public record Alias(String value) {

    /** The reserved alias that always names the model's active version. */
    public static final Alias ACTIVE = new Alias("active");
    public static final int MAX_LENGTH = 64;

    private static final String RULE = "must be 1 to " + MAX_LENGTH + " characters of lowercase letters a-z, digits,"
            + " '-', '_' or '.', starting with a letter or a digit";

    public Alias {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException("alias", value, RULE);
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException("alias", value, RULE + " (it has " + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!allowed(c, i == 0)) {
                throw new InvalidIdentifierException("alias", value, RULE + " (" + String.format("U+%04X", (int) c)
                        + " at index " + i + (c >= 'A' && c <= 'Z' ? ": aliases are lower case" : "") + ")");
            }
        }
    }

    public static Alias of(String value) {
        return new Alias(value);
    }

    private static boolean allowed(char c, boolean first) {
        boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        return letterOrDigit || !first && (c == '-' || c == '_' || c == '.');
    }

    /** Whether this is the reserved {@link #ACTIVE}. */
    public boolean isReserved() {
        return equals(ACTIVE);
    }

    @Override
    public String toString() {
        return value;
    }
}
