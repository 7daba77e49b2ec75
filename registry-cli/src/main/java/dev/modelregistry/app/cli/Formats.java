package dev.modelregistry.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the CLI prints instants, scores and JSON. */
final class Formats {

    /** ISO-8601 UTC with microseconds, as the JSON output and the Python registry write them. */
    static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Seconds precision for tables. */
    private static final DateTimeFormatter TABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The mappers, built on first use: a command that prints no JSON (a plain {@code registry
     * stats}) does not pay for initialising Jackson.
     */
    private static final class Mappers {
        static final ObjectMapper JSON = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        static final ObjectMapper COMPACT = new ObjectMapper();
    }

    private Formats() {
    }

    static String iso(Instant instant) {
        return instant == null ? null : ISO_MICROS.format(instant);
    }

    static String table(Instant instant) {
        return instant == null ? "-" : TABLE.format(instant);
    }

    static String score(Double score) {
        return score == null ? "-" : score(score.doubleValue());
    }

    static String score(double score) {
        return Double.isFinite(score) ? String.format(Locale.ROOT, "%.4f", score) : String.valueOf(score);
    }

    /** Pretty JSON of a tree of maps, lists and scalars, on its own lines. */
    static void printJson(PrintWriter out, Object tree) {
        try {
            out.println(Mappers.JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** One-line JSON, for configs and metrics in human output. */
    static String compact(Object tree) {
        try {
            return Mappers.COMPACT.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return String.valueOf(tree);
        }
    }
}
