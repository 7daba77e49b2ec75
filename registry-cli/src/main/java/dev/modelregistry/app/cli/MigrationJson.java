package dev.modelregistry.app.cli;

import dev.modelregistry.app.migration.MigrationReport;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code migrate --json}: the plan (dry run) or the summary with stable snake_case keys (README, "The migration"). */
final class MigrationJson {

    private MigrationJson() {
    }

    static Map<String, Object> of(MigrationReport report, String database) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", report.outcome().name());
        json.put("dry_run", report.dryRun());
        json.put("exit_code", report.exitCode());
        json.put("legacy_registry", report.legacyPath().toString());
        json.put("database", database);
        json.put("backup", report.backupPath().map(Path::toString).orElse(null));
        json.put("models", report.models());
        json.put("versions", report.versions());
        json.put("unvalidated", report.unvalidated());
        json.put("imported", report.imported());
        json.put("already_present", report.alreadyPresent());
        json.put("unvalidated_imported", report.unvalidatedImported());
        json.put("problem_count", report.blockingProblems());
        json.put("warning_count", report.problems().size() - report.blockingProblems());
        json.put("problems", report.problems().stream().map(MigrationJson::problem).toList());
        json.put("skipped", report.skipped().stream().map(LegacyProblem::message).toList());
        json.put("reelected", report.reelected());
        json.put("not_created", report.notCreated());
        json.put("verification", MigrateCommand.verification(report));
        json.put("mismatches", report.mismatches());
        json.put("error", MigrateCommand.failureLine(report).orElse(null));
        json.put("seconds", report.elapsed().toNanos() / 1e9);
        return json;
    }

    private static Map<String, Object> problem(LegacyProblem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", problem.kind().name().toLowerCase(Locale.ROOT));
        json.put("blocking", problem.blocking());
        json.put("file", problem.file().toString());
        json.put("model_id", problem.modelId());
        json.put("version_id", problem.versionId());
        json.put("message", problem.message());
        return json;
    }

}
