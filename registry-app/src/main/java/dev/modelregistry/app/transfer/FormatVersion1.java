package dev.modelregistry.app.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A model line of format version 1 as version 2 reads it: the fields version 2 added get their
 * "none" (the model's {@code description} null and {@code tags} empty, each version's
 * {@code tag_values} empty), which is what a version 1 export held; a line that already holds
 * them is read as it is.
 */
final class FormatVersion1 {

    private FormatVersion1() {
    }

    static JsonNode upgraded(JsonNode line) {
        if (!(line instanceof ObjectNode model)) {
            return line;
        }
        ObjectNode copy = model.deepCopy();
        if (!copy.has("description") && !copy.has("tags")) {
            copy.putNull("description");
            copy.putObject("tags");
        }
        JsonNode versions = copy.get("versions");
        if (versions != null && versions.isArray()) {
            for (JsonNode version : versions) {
                if (version instanceof ObjectNode fields && !fields.has("tag_values")) {
                    fields.putObject("tag_values");
                }
            }
        }
        return copy;
    }
}
