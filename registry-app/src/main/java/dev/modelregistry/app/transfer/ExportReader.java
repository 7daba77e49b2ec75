package dev.modelregistry.app.transfer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelregistry.app.transfer.ExportRecords.End;
import dev.modelregistry.app.transfer.ExportRecords.Header;
import dev.modelregistry.app.transfer.ExportRecords.ModelLine;
import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.domain.model.Model;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an export file line by line, one model in memory at a time: checks the header, turns
 * every model line into a {@link Model} through the domain, and checks that the end line comes
 * last with the right counts. Any problem is an {@link ExportFileException} naming the line.
 */
final class ExportReader {

    /** Receives each model restored from the file, with its line number. */
    interface ModelSink {
        void accept(Model model, long line);
    }

    private final Path file;
    private final int maxLineBytes;

    ExportReader(Path file, int maxLineBytes) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the whole file; returns the counts of its end line (equal to what was read). */
    TransferSummary read(ModelSink sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ExportLines lines = new ExportLines(in, maxLineBytes);
            try {
                return read(lines, sink);
            } catch (ExportLines.LineTooLong | ExportLines.UnterminatedLine e) {
                throw new ExportFileException(file, lines.number(), "the line " + e.getMessage(), null);
            }
        } catch (IOException e) {
            throw new ExportFileException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private TransferSummary read(ExportLines lines, ModelSink sink) throws IOException {
        byte[] first = lines.next();
        if (first == null) {
            throw new ExportFileException(file, 0, "is empty, not a registry export", null);
        }
        int version = checkHeader(parse(first, lines.number()), lines.number());
        long models = 0;
        long versions = 0;
        for (byte[] bytes = lines.next(); bytes != null; bytes = lines.next()) {
            long number = lines.number();
            JsonNode node = parse(bytes, number);
            if (node.has("end")) {
                checkEnd(convert(node, End.class, number), models, versions, number);
                if (lines.next() != null) {
                    throw new ExportFileException(file, lines.number(), "comes after the end line", null);
                }
                return new TransferSummary(file, models, versions);
            }
            JsonNode line = LaterHistoryFields.filled(version == ExportFormat.VERSION_1 ? FormatVersion1.upgraded(node) : node);
            Model model = restore(convert(line, ModelLine.class, number), number);
            sink.accept(model, number);
            models++;
            versions += model.versions().size();
        }
        throw new ExportFileException(file, lines.number(), "has no end line after " + models
                + " model(s): the file is truncated", null);
    }

    /** Checks the header; returns its format version (1 or 2). */
    private int checkHeader(JsonNode node, long number) {
        Header header;
        try {
            header = ExportFormat.MAPPER.treeToValue(node, Header.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ExportFileException(file, number, "is not a registry export header (expected {\"format\":\""
                    + ExportFormat.FORMAT + "\",\"format_version\":" + ExportFormat.VERSION + "})", null);
        }
        if (!ExportFormat.FORMAT.equals(header.format())) {
            throw new ExportFileException(file, number, "format \"" + header.format() + "\" is not \""
                    + ExportFormat.FORMAT + "\"", null);
        }
        if (header.formatVersion() != ExportFormat.VERSION && header.formatVersion() != ExportFormat.VERSION_1) {
            throw new ExportFileException(file, number, "format version " + header.formatVersion()
                    + " is not supported (this registry reads versions " + ExportFormat.VERSION_1 + " and "
                    + ExportFormat.VERSION + ")", null);
        }
        return header.formatVersion();
    }

    private void checkEnd(End end, long models, long versions, long number) {
        if (end.end() == null || end.end().models() != models || end.end().versions() != versions) {
            throw new ExportFileException(file, number, "the end line announces "
                    + (end.end() == null ? "nothing" : end.end().models() + " model(s) and " + end.end().versions()
                    + " version(s)") + " but the file holds " + models + " and " + versions, null);
        }
    }

    private Model restore(ModelLine line, long number) {
        try {
            return ModelRecords.toModel(line);
        } catch (RegistryException e) {
            throw new ExportFileException(file, number, "model " + line.modelId() + ": " + e.getMessage(), e);
        }
    }

    private JsonNode parse(byte[] bytes, long number) {
        try {
            JsonNode node = ExportFormat.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ExportFileException(file, number, "is not a JSON object", null);
            }
            return node;
        } catch (IOException e) {
            throw new ExportFileException(file, number, "is not valid JSON: " + jsonProblem(e), null);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type, long number) {
        try {
            return ExportFormat.MAPPER.treeToValue(node, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ExportFileException(file, number, "is not a valid " + (type == End.class ? "end" : "model")
                    + " line: " + jsonProblem(e), null);
        }
    }

    /** Jackson's reason without its location and source excerpt (the line is named already). */
    private static String jsonProblem(Exception e) {
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse("").strip()
                .replaceAll(" \\(index \\d+\\)|; `DeserializationFeature[^`]*` enabled", "")
                .replaceAll(" \\(class [^)]*\\), not marked as ignorable.*", "")
                .replace("Missing creator property", "Missing field");
    }
}
