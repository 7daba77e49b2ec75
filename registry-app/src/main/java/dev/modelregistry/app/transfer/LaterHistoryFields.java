package dev.modelregistry.app.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields a history entry gained within format version 2 (the alias of an alias entry, the
 * change note's actor, reason and reference), and a version's (when it was archived, R15): files
 * written before them lack them, and an absent one reads as null (none), which is what such a
 * file held. Every other field stays required.
 */
final class LaterHistoryFields {

    private static final List<String> NAMES = List.of("alias", "actor", "note_reason", "note_reference");
    private static final List<String> VERSION_NAMES = List.of("archived_at");

    private LaterHistoryFields() {
    }

    /** {@code line} (a freshly parsed model line, changed in place) with every absent one of them null. */
    static JsonNode filled(JsonNode line) {
        fill(line.get("history"), NAMES);
        fill(line.get("versions"), VERSION_NAMES);
        return line;
    }

    private static void fill(JsonNode entries, List<String> names) {
        if (entries != null && entries.isArray()) {
            for (JsonNode entry : entries) {
                if (entry instanceof ObjectNode fields) {
                    names.stream().filter(name -> !fields.has(name)).forEach(fields::putNull);
                }
            }
        }
    }
}
