package dev.modelregistry.app.cli;

import picocli.CommandLine;

/**
 * Converts a count option ({@code --keep}, {@code --limit}) that must be a whole number of at
 * least 1. A wrong value is a usage error (exit 2) naming the option, like any value picocli
 * cannot convert.
 */
final class PositiveCount implements CommandLine.ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of at least 1");
        }
        if (count < 1) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of at least 1");
        }
        return count;
    }
}
