package dev.modelregistry.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.persistence.RegistryDatabase;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The active-version statements on SQLite: the model and the lineage come from covering indexes alone. */
class ActiveVersionPlanTest {

    @TempDir
    Path dir;

    @Test
    void theModelAndTheLineageAreReadFromCoveringIndexesAndTheVersionByItsKey() {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(dir)) {
            List<String> statements = database.readModels().activeVersions().statements();

            assertThat(plan(database, statements.get(0)))
                    .containsExactly("SEARCH models USING COVERING INDEX idx_models_active_details (sensor_id=? AND model_type=?)");
            assertThat(plan(database, statements.get(1)))
                    .contains("SEARCH m USING COVERING INDEX idx_models_active_details (sensor_id=? AND model_type=?)",
                            "SEARCH l USING COVERING INDEX idx_data_lineage_details (version_id=?) LEFT-JOIN")
                    .anyMatch(step -> step.startsWith("SEARCH v USING INDEX sqlite_autoindex_versions_1 (version_id=?)"));
        }
    }

    private static List<String> plan(RegistryDatabase database, String sql) {
        List<String> steps = new ArrayList<>();
        database.readModels().check(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (row.next()) {
                    steps.add(row.getString("detail"));
                }
            }
        });
        return steps;
    }
}
