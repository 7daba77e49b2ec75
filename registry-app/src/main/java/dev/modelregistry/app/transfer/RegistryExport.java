package dev.modelregistry.app.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.modelregistry.app.transfer.ExportRecords.Counts;
import dev.modelregistry.app.transfer.ExportRecords.End;
import dev.modelregistry.app.transfer.ExportRecords.Header;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the whole registry to an export file (docs/export-format.md), streaming: the model ids
 * are listed once, then models are read {@value #MODELS_PER_READ} at a time, each with its
 * versions, lineage and history, written and forgotten. Each model is one consistent snapshot
 * of its aggregate. The file appears only when complete: everything goes to a temporary file
 * beside it, which is synced and then renamed over {@code out}; a failure leaves {@code out} as
 * it was.
 */
public final class RegistryExport {

    static final int MODELS_PER_READ = 100;

    private final ModelRepository repository;
    private final UnitOfWork unitOfWork;

    public RegistryExport(ModelRepository repository, UnitOfWork unitOfWork) {
        this.repository = repository;
        this.unitOfWork = unitOfWork;
    }

    public TransferSummary writeTo(Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ExportFileException(out, 0, "is a folder; give the export file's name", null);
        }
        Path temporary = null;
        try {
            Path folder = target.getParent();
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".partial");
            TransferSummary summary = writeFile(temporary, out);
            moveOver(temporary, target);
            return summary;
        } catch (IOException e) {
            throw new ExportFileException(out, 0, "cannot be written: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private TransferSummary writeFile(Path file, Path shownAs) throws IOException {
        List<ModelId> ids = new ArrayList<>(unitOfWork.read(repository::findAllIds));
        ids.sort(Comparator.comparing(ModelId::value)); // the same order on every database (no collation)
        long[] versions = {0};
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            writeLine(out, new Header(ExportFormat.FORMAT, ExportFormat.VERSION));
            for (int from = 0; from < ids.size(); from += MODELS_PER_READ) {
                List<ModelId> chunk = ids.subList(from, Math.min(ids.size(), from + MODELS_PER_READ));
                unitOfWork.read(() -> {
                    List<Model> models = new ArrayList<>(repository.findAllWithVersions(chunk));
                    models.sort(Comparator.comparing(model -> model.id().value()));
                    for (Model model : models) {
                        writeLine(out, ModelRecords.toLine(model));
                        versions[0] += model.versions().size();
                    }
                    return null;
                });
            }
            writeLine(out, new End(new Counts(ids.size(), versions[0])));
            out.flush();
            channel.force(true);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new TransferSummary(shownAs, ids.size(), versions[0]);
    }

    private static void writeLine(OutputStream out, Object line) {
        try {
            JsonGenerator generator = ExportFormat.MAPPER.createGenerator(out);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            ExportFormat.MAPPER.writeValue(generator, line);
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The temporary file lies beside the target, so the rename is atomic on every local file system. */
    private static void moveOver(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the failure being reported matters more than a leftover temporary file
            }
        }
    }
}
