package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "hold", mixinStandardHelpOptions = true,
        description = "Freeze a model's active version: better registrations are stored but wait for 'release'.")
final class HoldCommand extends HoldChangeCommand {

    @Override
    void change(ModelRegistry opened, ChangeNote note) {
        boolean started = opened.holdActiveVersion(model.sensorId, model.modelType, note);
        ModelVersionDetails held = opened.getActiveModel(model.sensorId, model.modelType).orElseThrow();
        if (json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("model_id", held.modelId());
            tree.put("held_version", held.versionId());
            tree.put("held_since", Formats.iso(held.heldSince()));
            tree.put("changed", started);
            JsonViews.putNote(tree, note);
            Formats.printJson(out(), tree);
        } else if (started) {
            out().println("Held " + held.modelId() + ": " + held.versionId() + " stays active until 'registry release'.");
        } else {
            out().println(held.modelId() + " was already held (since " + Formats.iso(held.heldSince()) + ", on "
                    + held.versionId() + ").");
        }
    }
}
