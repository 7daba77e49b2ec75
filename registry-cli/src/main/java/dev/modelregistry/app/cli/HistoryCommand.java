package dev.modelregistry.app.cli;

import dev.modelregistry.app.ActivationEntry;
import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.VersionId;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Every change of a model's active version (oldest first), or the version active at an instant.",
                "With --follow: the change feed, every change of an active version (of every model, or the one"
                        + " named) printed as it is committed, until interrupted."})
final class HistoryCommand extends RegistryCommand {

    /** How much of a note's reason the table and the follow lines show. */
    private static final int SHOWN_REASON = 80;

    @Mixin
    RegistryOptions registry;

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    ModelSelection model;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Show only the version active at this instant (ISO-8601, e.g. 2025-09-30T12:00:00Z).")
    Instant at;

    @Option(names = "--json", description = "Print JSON instead of text (with --follow: one JSON object a line).")
    boolean json;

    @Option(names = "--follow", description = "Print the changes as they are committed (by any process), until interrupted.")
    boolean follow;

    @Option(names = "--since", paramLabel = "CURSOR",
            description = "With --follow: first the changes committed after this cursor (each printed change shows its cursor).")
    Long since;

    @Override
    public Integer call() {
        if (follow) {
            return follow();
        }
        if (since != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since needs --follow");
        }
        if (model == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required options: '--sensor=S', '--type=T' (or --follow for every model)");
        }
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
            Table table = Table.of("#", "changed at (UTC)", "version", "previous", "reason", "score", "previous score",
                    "by", "note").right(0, 5, 6);
            history.forEach(e -> table.row(e.sequenceNo(), Formats.table(e.changedAt()), e.versionId(), e.previousVersionId(),
                    reason(e.reason(), e.alias()), Formats.score(e.score()), Formats.score(e.previousScore()),
                    e.note() == null ? null : e.note().actor(), why(e.note())));
            table.print(out());
            return RegistryCli.OK;
        }
    }

    /** Tails the change feed: prints each change (of the selected model, or of all) until the process ends. */
    private Integer follow() {
        if (at != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at and --follow cannot be combined");
        }
        String modelId = model == null ? null : model.modelId();
        PrintWriter out = out();
        CountDownLatch outputGone = new CountDownLatch(1);
        try (ModelRegistry opened = registry.openForReading();
             AutoCloseable subscription = subscribe(opened, change -> {
                 if (modelId == null || (change.sensorId().equals(model.sensor) && change.modelType().equals(model.type))) {
                     out.println(json ? Formats.compact(JsonViews.activation(change)) : line(change));
                     out.flush();
                     if (out.checkError()) {
                         outputGone.countDown(); // the reader went away (a closed pipe)
                     }
                 }
             })) {
            if (!json) {
                out.println("Following the activation changes of " + (modelId == null ? "every model" : modelId)
                        + " (Ctrl-C to stop)");
                out.flush();
            }
            outputGone.await();
            return RegistryCli.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RegistryCli.OK;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AutoCloseable subscribe(ModelRegistry opened, Consumer<ActivationEvent> print) {
        return since == null ? opened.onActivationChange(print) : opened.onActivationChange(since, print);
    }

    private static String line(ActivationEvent change) {
        return "#" + change.cursor() + "  " + Formats.table(change.at()) + "  " + change.modelId()
                + "  " + (change.previousVersionId() == null ? "-" : change.previousVersionId()) + " -> "
                + (change.versionId() == null ? "none" : change.versionId()) + "  "
                + reason(change.reason().name(), change.alias())
                + (change.note() == null ? "" : "  by " + change.note().actor()
                        + (why(change.note()) == null ? "" : ": " + why(change.note())));
    }

    /**
     * A note's reason and reference on one line ({@code rollback after incident 42 (INC-42)}):
     * line breaks and tabs as spaces, cut after {@value #SHOWN_REASON} characters (the whole
     * reason is in {@code --json}); null when the note has neither or there is no note.
     */
    static String why(ChangeNote note) {
        if (note == null || (note.reason().isEmpty() && note.reference().isEmpty())) {
            return null;
        }
        String reason = note.reason().map(text -> text.replaceAll("[\\t\\n\\r]+", " ")).orElse("");
        if (reason.length() > SHOWN_REASON) {
            reason = reason.substring(0, Character.isHighSurrogate(reason.charAt(SHOWN_REASON - 1))
                    ? SHOWN_REASON - 1 : SHOWN_REASON) + "...";
        }
        String reference = note.reference().map(ref -> "(" + ref + ")").orElse("");
        return (reason + " " + reference).strip();
    }

    /** The reason, and for an alias entry its alias ({@code ALIAS_SET challenger}). */
    private static String reason(String reason, String alias) {
        return alias == null ? reason : reason + " " + alias;
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
