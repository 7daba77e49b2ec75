package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.VersionPage;
import dev.modelregistry.app.VersionQuery;
import dev.modelregistry.app.VersionSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the versions of every model by any of the filters (all must hold), one page at a time;"
                + " * marks active versions. Which versions were trained on this data: --data-hash H, or"
                + " --data-source S --data-from D --data-to D."})
final class SearchCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--sensor", paramLabel = "S", description = "Only versions of this sensor.")
    String sensor;

    @Option(names = "--type", paramLabel = "T", description = "Only versions of this model type.")
    String type;

    @ArgGroup(exclusive = true)
    TagFilter tagFilter;

    /** --tag KEY or --tag-value KEY=VALUE, not both. */
    static final class TagFilter {
        @Option(names = "--tag", paramLabel = "KEY",
                description = "Only versions carrying exactly this tag key, with any value or none.")
        String key;

        @Option(names = "--tag-value", paramLabel = "KEY=VALUE",
                description = "Only versions whose tag KEY has exactly VALUE (split at the first '=': keys set with a value never hold one).")
        String keyValue;

        void applyTo(VersionQuery.Builder query, CommandLine commandLine) {
            if (key != null) {
                query.tag(key);
                return;
            }
            int separator = keyValue.indexOf('=');
            if (separator < 0) {
                throw new CommandLine.ParameterException(commandLine,
                        "--tag-value must be KEY=VALUE (an empty VALUE is allowed): '" + keyValue + "'");
            }
            query.tag(keyValue.substring(0, separator), keyValue.substring(separator + 1));
        }
    }

    @Option(names = "--min-score", paramLabel = "X", description = "Only versions scored at least X.")
    Double minScore;

    @Option(names = "--max-score", paramLabel = "X", description = "Only versions scored at most X.")
    Double maxScore;

    @Option(names = "--created-after", paramLabel = "INSTANT", converter = HistoryCommand.InstantConverter.class,
            description = "Only versions created at or after this instant (ISO-8601, e.g. 2025-09-30T12:00:00Z).")
    Instant createdAfter;

    @Option(names = "--created-before", paramLabel = "INSTANT", converter = HistoryCommand.InstantConverter.class,
            description = "Only versions created strictly before this instant.")
    Instant createdBefore;

    @Option(names = "--data-hash", paramLabel = "H", description = "Only versions trained on data with this hash.")
    String dataHash;

    @Option(names = "--data-source", paramLabel = "S", description = "Only versions whose lineage names this data source.")
    String dataSource;

    @Option(names = "--data-from", paramLabel = "DATE",
            description = "Only versions whose training-data period ends on or after DATE (yyyy-mm-dd).")
    LocalDate dataFrom;

    @Option(names = "--data-to", paramLabel = "DATE",
            description = "Only versions whose training-data period starts on or before DATE (yyyy-mm-dd).")
    LocalDate dataTo;

    @Option(names = "--active", description = "Only active versions.")
    boolean active;

    @Option(names = "--archived", description = "Also archived versions (left out by default).")
    boolean archived;

    @Option(names = "--order", paramLabel = "created|score", defaultValue = "created",
            description = "Sort by creation time (default) or score.")
    VersionQuery.Order order;

    @ArgGroup(exclusive = true)
    Direction direction;

    /** --asc or --desc, not both. */
    static final class Direction {
        @Option(names = "--asc", description = "Smallest first (oldest, worst).")
        boolean ascending;

        @Option(names = "--desc", description = "Largest first (newest, best): the default.")
        boolean descending;
    }

    @Option(names = "--limit", paramLabel = "N", converter = PageSize.class,
            description = "At most N versions per page, 1 to 1000 (default 100).")
    Integer limit;

    @Option(names = "--page-token", paramLabel = "TOKEN",
            description = "Continue after the page that printed this token (with the same filters and order).")
    String pageToken;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        VersionQuery.Builder query = VersionQuery.builder().sensorId(sensor).modelType(type)
                .minScore(minScore).maxScore(maxScore).createdAfter(createdAfter).createdBefore(createdBefore)
                .dataHash(dataHash).dataSource(dataSource).dataFrom(dataFrom).dataTo(dataTo).activeOnly(active)
                .orderBy(order).pageToken(pageToken);
        if (archived) {
            query.includeArchived();
        }
        if (tagFilter != null) {
            tagFilter.applyTo(query, spec.commandLine());
        }
        if (direction != null && direction.ascending) {
            query.ascending();
        }
        if (limit != null) {
            query.pageSize(limit);
        }
        VersionQuery built = query.build();
        try (ModelRegistry opened = registry.openForReading()) {
            VersionPage page = opened.searchVersions(built);
            if (json) {
                Map<String, Object> tree = new LinkedHashMap<>();
                tree.put("items", page.items().stream().map(JsonViews::version).toList());
                tree.put("next_page_token", page.nextPageToken().orElse(null));
                Formats.printJson(out(), tree);
                return RegistryCli.OK;
            }
            if (page.items().isEmpty()) {
                out().println(pageToken == null ? "No version matches." : "No more versions match.");
                return RegistryCli.OK;
            }
            out().println("Versions found (" + orderText(built) + ", * = active)");
            Table table = Table.of(" ", "model id", "version", "created at (UTC)", "score", "model path").right(4);
            for (VersionSummary v : page.items()) {
                table.row(v.isActive() ? "*" : " ", v.modelId(), v.versionId(), Formats.table(v.createdAt()),
                        Formats.score(v.performanceScore()), v.modelPath());
            }
            table.print(out());
            page.nextPageToken().ifPresent(token ->
                    out().println("(more versions match: repeat the command with --page-token " + token + ")"));
            return RegistryCli.OK;
        }
    }

    private static String orderText(VersionQuery query) {
        if (query.order() == VersionQuery.Order.SCORE) {
            return query.descending() ? "best first" : "worst first";
        }
        return query.descending() ? "newest first" : "oldest first";
    }
}
