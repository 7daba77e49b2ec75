package dev.modelregistry.app.transfer;

import java.nio.file.Path;

/** What an export wrote or an import read: the file, how many models and versions. */
public record TransferSummary(Path file, long models, long versions) {
}
