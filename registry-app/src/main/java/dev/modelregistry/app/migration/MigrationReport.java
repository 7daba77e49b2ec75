package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.legacy.LegacyProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a migration did or would do: the plan, every problem, the paths, the counts and
 * the verification result.
 *
 * @param outcome              how it ended
 * @param legacyPath           the legacy folder read
 * @param databasePath         the database written (or that would be)
 * @param backupPath           the verified backup; for a dry run the path a real run would use
 * @param models               models in the legacy index
 * @param versions             versions readable from the legacy files
 * @param unvalidated          of those, versions whose validation was never performed (imported too, reported)
 * @param imported             versions imported by this run
 * @param alreadyPresent       versions found in the database with the same content (not imported again)
 * @param unvalidatedImported  imported versions whose validation was never performed
 * @param problems             every problem found, blocking or not
 * @param skipped              problems whose items were left out (with --skip-invalid)
 * @param reelected            notes on models whose recorded active version was missing, deleted or skipped
 * @param mismatches           verification mismatches (empty when verified)
 * @param failure              why the run failed, when it did
 * @param elapsed              wall time
 */
public record MigrationReport(MigrationOutcome outcome, Path legacyPath, Path databasePath, Optional<Path> backupPath,
                              int models, int versions, int unvalidated, int imported, int alreadyPresent, int unvalidatedImported,
                              List<LegacyProblem> problems, List<LegacyProblem> skipped, List<String> reelected,
                              List<String> mismatches, Optional<String> failure, Duration elapsed) {

    public MigrationReport {
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
        reelected = List.copyOf(reelected);
        mismatches = List.copyOf(mismatches);
    }

    public int exitCode() {
        return outcome.exitCode();
    }
}
