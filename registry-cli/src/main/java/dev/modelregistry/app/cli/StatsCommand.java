package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.RegistryStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts over the whole registry.")
final class StatsCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            RegistryStats stats = opened.getRegistryStats();
            if (json) {
                Formats.printJson(out(), JsonViews.stats(stats));
                return RegistryCli.OK;
            }
            out().println("Registry " + stats.location());
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"models", stats.totalModels() + (stats.modelsWithoutVersions() == 0 ? ""
                    : " (" + stats.modelsWithoutVersions() + " without versions)")});
            fields.add(new String[] {"versions", stats.totalVersions() + (stats.archivedVersions() == 0 ? ""
                    : " (" + stats.archivedVersions() + " archived)")});
            fields.add(new String[] {"active versions", String.valueOf(stats.activeVersions())});
            fields.add(new String[] {"average score", Formats.score(stats.averagePerformanceScore())});
            fields.add(new String[] {"newest version", Formats.iso(stats.newestVersionAt())});
            Table.fields(out(), fields);
            if (!stats.modelsByType().isEmpty() || !stats.versionsByType().isEmpty()) {
                out().println();
                Table table = Table.of("type", "models", "versions").right(1, 2);
                for (String type : new TreeSet<>(union(stats.modelsByType(), stats.versionsByType()))) {
                    table.row(type, stats.modelsByType().getOrDefault(type, 0L), stats.versionsByType().getOrDefault(type, 0L));
                }
                table.print(out());
            }
            return RegistryCli.OK;
        }
    }

    private static TreeSet<String> union(Map<String, Long> a, Map<String, Long> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
