package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.legacy.LegacyProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a migration did or, for a dry run, would do: the plan, every problem, the paths,
 * the counts and the verification result.
 *
 * @param outcome              how it ended (for a dry run: how the real run would end)
 * @param dryRun               whether this was a dry run (nothing written)
 * @param legacyPath           the legacy folder read
 * @param databasePath         the database written (or that would be)
 * @param backupPath           the verified backup; for a dry run the path a real run would use;
 *                             empty when no backup was (or would be) taken
 * @param models               models in the legacy index
 * @param versions             versions the domain accepts for import
 * @param unvalidated          of those, versions failing the validation gate (imported too, reported)
 * @param imported             versions imported by this run (a dry run: that the real run would import)
 * @param alreadyPresent       versions found in the database with the same content (not imported again)
 * @param unvalidatedImported  imported versions failing the validation gate
 * @param problems             every problem found, blocking or not
 * @param skipped              problems whose items were left out (with --skip-invalid)
 * @param reelected            notes on models whose recorded active version was missing or skipped
 * @param notCreated           notes on legacy models left out because no version of theirs can be imported
 * @param mismatches           verification mismatches (empty when verified)
 * @param failure              why the run failed, when it did
 * @param elapsed              wall time
 */
public record MigrationReport(MigrationOutcome outcome, boolean dryRun, Path legacyPath, Path databasePath,
                              Optional<Path> backupPath, int models, int versions, int unvalidated, int imported,
                              int alreadyPresent, int unvalidatedImported, List<LegacyProblem> problems,
                              List<LegacyProblem> skipped, List<String> reelected, List<String> notCreated,
                              List<String> mismatches, Optional<String> failure, Duration elapsed) {

    public MigrationReport {
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
        reelected = List.copyOf(reelected);
        notCreated = List.copyOf(notCreated);
        mismatches = List.copyOf(mismatches);
    }

    public int exitCode() {
        return outcome.exitCode();
    }

    /** The problems that stop a real run (unless skipping): the one problem count every output shows. */
    public long blockingProblems() {
        return problems.stream().filter(LegacyProblem::blocking).count();
    }
}
