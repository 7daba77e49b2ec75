package dev.modelregistry.app.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields a history entry gained within format version 2 (the alias of an alias entry, the
 * change note's actor, reason and reference): files written before them lack them, and an absent
 * one reads as null (none), which is what such a file held. Every other field stays required.
 */
final class LaterHistoryFields {

    private static final List<String> NAMES = List.of("alias", "actor", "note_reason", "note_reference");

    private LaterHistoryFields() {
    }

    /** {@code line} (a freshly parsed model line, changed in place) with every absent one of them null. */
    static JsonNode filled(JsonNode line) {
        JsonNode history = line.get("history");
        if (history != null && history.isArray()) {
            for (JsonNode entry : history) {
                if (entry instanceof ObjectNode fields) {
                    NAMES.stream().filter(name -> !fields.has(name)).forEach(fields::putNull);
                }
            }
        }
        return line;
    }
}
