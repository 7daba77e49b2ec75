package dev.modelregistry.app.cli;

import dev.modelregistry.app.HoldReleaseResult;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Release a model's hold: the version that would be active without it becomes active.")
final class ReleaseCommand extends HoldChangeCommand {

    @Override
    void change(ModelRegistry opened, ChangeNote note) {
        HoldReleaseResult release = opened.releaseHold(model.sensorId, model.modelType, note);
        if (json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("model_id", release.modelId());
            tree.put("held_version", release.heldVersion());
            tree.put("active_version", release.activeVersion());
            tree.put("changed", release.changed());
            JsonViews.putNote(tree, note);
            Formats.printJson(out(), tree);
        } else if (release.changed()) {
            out().println("Released " + release.modelId() + ": " + release.activeVersion() + " is now active (was "
                    + release.heldVersion() + ").");
        } else {
            out().println("Released " + release.modelId() + ": " + release.heldVersion() + " stays active.");
        }
    }
}
