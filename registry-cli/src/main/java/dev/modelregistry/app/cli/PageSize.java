package dev.modelregistry.app.cli;

import dev.modelregistry.app.VersionQuery;
import picocli.CommandLine;

/**
 * Converts the page size of {@code search --limit}: a whole number of 1 to
 * {@value VersionQuery#MAX_PAGE_SIZE}. A wrong value is a usage error (exit 2) naming the option.
 */
final class PageSize implements CommandLine.ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int size = new PositiveCount().convert(value);
        if (size > VersionQuery.MAX_PAGE_SIZE) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is more than " + VersionQuery.MAX_PAGE_SIZE + ", the largest page");
        }
        return size;
    }
}
