package dev.modelregistry.app.migration.legacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** How the legacy Python registry's JSON is parsed, and turned into compact Java values. */
final class LegacyJson {

    /**
     * Python's json module: NaN/Infinity/-Infinity literals, \\uXXXX escapes (standard JSON),
     * doubles for decimals; duplicate keys and trailing garbage are errors, never silently
     * resolved.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LegacyJson() {
    }

    /** Parses a whole file; null when the file holds no JSON value at all (empty or blank). */
    static JsonNode parse(byte[] bytes) throws IOException {
        JsonNode node = MAPPER.readTree(bytes);
        return node == null || node.isMissingNode() ? null : node;
    }

    /** One line describing a parse error without echoing the file's content. */
    static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg != null) {
            msg = msg.replaceAll("\\s+", " ").trim();
            if (msg.length() > 200) {
                msg = msg.substring(0, 200) + "...";
            }
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return msg + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return msg;
    }

    /** The offending value as short JSON text, for messages. */
    static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /**
     * Shares equal short strings (tags, descriptions, metric labels) between versions, so that
     * 50,000 versions do not hold 50,000 copies of "forecasting". Bounded: beyond its capacity
     * strings are simply not shared.
     */
    static final class Canonicalizer {
        private static final int MAX_ENTRIES = 200_000;
        private static final int MAX_LENGTH = 256;
        private final Map<String, String> strings = new HashMap<>();

        String of(String s) {
            if (s == null || s.length() > MAX_LENGTH) {
                return s;
            }
            String known = strings.get(s);
            if (known != null) {
                return known;
            }
            if (strings.size() < MAX_ENTRIES) {
                strings.put(s, s);
            }
            return s;
        }
    }

    /** An ordered, unmodifiable map from a JSON object node. */
    static Map<String, Object> toMap(JsonNode object, Canonicalizer strings) {
        int size = object.size();
        if (size == 0) {
            return JsonObjectMap.empty();
        }
        String[] keys = new String[size];
        Object[] values = new Object[size];
        int i = 0;
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            keys[i] = strings.of(e.getKey());
            values[i] = toValue(e.getValue(), strings);
            i++;
        }
        return JsonObjectMap.wrap(keys, values, i);
    }

    /** A Java value from a JSON node: Map, List, String, Boolean, Integer/Long/BigInteger, Double or null. */
    static Object toValue(JsonNode node, Canonicalizer strings) {
        switch (node.getNodeType()) {
            case OBJECT:
                return toMap(node, strings);
            case ARRAY: {
                Object[] items = new Object[node.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = toValue(node.get(i), strings);
                }
                return java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
            }
            case STRING:
                return strings.of(node.textValue());
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                if (node.isInt()) {
                    return node.intValue();
                }
                if (node.isLong()) {
                    return node.longValue();
                }
                if (node.isBigInteger()) {
                    return node.bigIntegerValue();
                }
                return node.doubleValue();
            case NULL:
            case MISSING:
                return null;
            default:
                return node.toString();
        }
    }
}
