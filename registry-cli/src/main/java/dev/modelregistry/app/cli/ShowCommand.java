package dev.modelregistry.app.cli;

import dev.modelregistry.app.DataLineageDetails;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.VersionNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Everything recorded about one version, with its data lineage.")
final class ShowCommand extends RegistryCommand {

    /** Shown in place of a JSON field whose stored text could not be read back. */
    static final String UNREADABLE = "(unreadable: the stored JSON could not be read)";

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "VERSION_ID", description = "The version id.")
    String versionId;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            ModelVersionDetails d = opened.getModelMetadata(versionId)
                    .orElseThrow(() -> new VersionNotFoundException(versionId));
            Optional<DataLineageDetails> lineage = opened.getDataLineage(versionId);
            if (json) {
                Formats.printJson(out(), JsonViews.details(d, lineage));
                return RegistryCli.OK;
            }
            out().println("Version " + d.versionId() + (d.isActive() ? " (active)" : d.isArchived() ? " (archived)" : ""));
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"model", d.modelId()});
            fields.add(new String[] {"sensor", d.sensorId()});
            fields.add(new String[] {"type", d.modelType()});
            fields.add(new String[] {"created at", Formats.iso(d.createdAt())});
            fields.add(new String[] {"active", d.isActive() ? "yes" : "no"});
            fields.add(new String[] {"held", d.isHeld() ? "since " + Formats.iso(d.heldSince()) : "no"});
            fields.add(new String[] {"archived", d.isArchived() ? "since " + Formats.iso(d.archivedAt()) : "no"});
            fields.add(new String[] {"aliases", d.aliases().isEmpty() ? "-" : String.join(", ", d.aliases())});
            fields.add(new String[] {"performance score", Formats.score(d.performanceScore())});
            fields.add(new String[] {"model path", d.modelPath()});
            fields.add(new String[] {"model size bytes", String.valueOf(d.modelSizeBytes())});
            fields.add(new String[] {"model hash", blankAsDash(d.modelHash())});
            fields.add(new String[] {"training time s", d.trainingTimeSeconds() == null ? null : String.valueOf(d.trainingTimeSeconds())});
            fields.add(new String[] {"data hash", d.dataHash()});
            fields.add(new String[] {"description", d.description()});
            fields.add(new String[] {"tags", d.isUnreadable("tags") ? UNREADABLE
                    : d.tags().isEmpty() ? "-" : String.join(", ", d.tags().stream()
                            .map(key -> d.tagValues().containsKey(key) ? key + "=" + d.tagValues().get(key) : key).toList())});
            fields.add(new String[] {"training config", json(d, "training_config", d.trainingConfig())});
            fields.add(new String[] {"training metrics", json(d, "training_metrics", d.trainingMetrics())});
            fields.add(new String[] {"validation metrics", json(d, "validation_metrics", d.validationMetrics())});
            Table.fields(out(), fields);
            out().println("Data lineage");
            if (lineage.isEmpty()) {
                out().println("  none recorded");
            } else {
                DataLineageDetails l = lineage.get();
                List<String[]> lines = new ArrayList<>();
                lines.add(new String[] {"data hash", l.dataHash()});
                lines.add(new String[] {"data source", l.dataSource()});
                lines.add(new String[] {"data start date", l.dataStartDate()});
                lines.add(new String[] {"data end date", l.dataEndDate()});
                lines.add(new String[] {"num samples", l.numSamples() == null ? null : String.valueOf(l.numSamples())});
                lines.add(new String[] {"recorded at", Formats.iso(l.recordedAt())});
                Table.fields(out(), lines);
            }
            return RegistryCli.OK;
        }
    }

    private static String json(ModelVersionDetails d, String field, Map<String, Object> value) {
        return d.isUnreadable(field) ? UNREADABLE : Formats.compact(value);
    }

    private static String blankAsDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
