package dev.modelregistry.app.cli;

import dev.modelregistry.app.ActivationEntry;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.VersionId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Every change of a model's active version (oldest first), or the version active at an instant.")
final class HistoryCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Mixin
    ModelSelection model;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Show only the version active at this instant (ISO-8601, e.g. 2025-09-30T12:00:00Z).")
    Instant at;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            String modelId = model.modelId();
            if (at != null) {
                printActiveAt(modelId, opened.getActiveVersionAt(model.sensor, model.type, at));
                return RegistryCli.OK;
            }
            List<ActivationEntry> history = opened.getActivationHistory(model.sensor, model.type);
            if (json) {
                Map<String, Object> tree = new LinkedHashMap<>();
                tree.put("model_id", modelId);
                tree.put("history", history.stream().map(JsonViews::activation).toList());
                Formats.printJson(out(), tree);
                return RegistryCli.OK;
            }
            out().println("Activation history of " + modelId + " (oldest first)");
            Table table = Table.of("#", "changed at (UTC)", "version", "previous", "reason", "score", "previous score")
                    .right(0, 5, 6);
            history.forEach(e -> table.row(e.sequenceNo(), Formats.table(e.changedAt()), e.versionId(), e.previousVersionId(),
                    e.reason(), Formats.score(e.score()), Formats.score(e.previousScore())));
            table.print(out());
            return RegistryCli.OK;
        }
    }

    private void printActiveAt(String modelId, ActiveVersionAt answer) {
        String version = answer.versionId().map(VersionId::value).orElse(null);
        String migratedAt = answer.migratedAt().map(Formats::iso).orElse(null);
        if (json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("model_id", modelId);
            tree.put("at", Formats.iso(at));
            tree.put("status", answer.kind().name().toLowerCase(Locale.ROOT));
            tree.put("active_version", version);
            tree.put("migrated_at", migratedAt);
            Formats.printJson(out(), tree);
            return;
        }
        String what = switch (answer.kind()) {
            case ACTIVE -> version;
            case NONE -> "none";
            case UNKNOWN_BEFORE_MIGRATION -> "unknown (the model was migrated at " + migratedAt
                    + " from a registry that kept no history; its state before the migration is unknown)";
        };
        out().println("Active version of " + modelId + " at " + Formats.iso(at) + ": " + what);
    }

    /** ISO-8601 instant ({@code ...Z}) or date-time with offset. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException(
                            "'" + value + "' is not an ISO-8601 instant such as 2025-09-30T12:00:00Z");
                }
            }
        }
    }
}
