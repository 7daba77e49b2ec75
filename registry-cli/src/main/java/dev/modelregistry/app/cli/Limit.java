package dev.modelregistry.app.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --limit N} option of listings: show at most the first N rows. */
final class Limit {

    @Option(names = "--limit", paramLabel = "N", converter = PositiveCount.class,
            description = "Show at most the first N rows.")
    Integer limit;

    <T> List<T> apply(List<T> rows) {
        return limit == null || rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    /** After a table: says how many rows were left out, if any. */
    void footnote(PrintWriter out, int total, String noun) {
        if (limit != null && total > limit) {
            out.println("(showing the first " + limit + " of " + total + " " + noun + "; see --limit)");
        }
    }
}
