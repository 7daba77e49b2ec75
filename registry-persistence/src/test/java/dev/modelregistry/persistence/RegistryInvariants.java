package dev.modelregistry.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's invariants, checked on the tables themselves (what another program reading
 * the database sees): for every model,
 * <ol>
 *   <li>a model with versions has exactly one version flagged {@code is_active}, one without none;</li>
 *   <li>the flagged version is {@code models.active_version};</li>
 *   <li>{@code active_version} is null exactly when the model has no versions, else one of its own;</li>
 *   <li>the history's newest entry names {@code active_version} (a model with versions);</li>
 *   <li>the history is numbered 1..n without gaps and n is the model's {@code activation_count}
 *       (the next change gets number n+1: a mismatch makes every later promotion clash).</li>
 * </ol>
 */
public final class RegistryInvariants {

    /** Invariants checked per model by {@link #violations}. */
    public static final int PER_MODEL = 5;

    private static final String SQL = "select m.model_id, m.active_version, m.activation_count,"
            + " (select count(*) from versions v where v.model_id = m.model_id),"
            + " (select count(*) from versions v where v.model_id = m.model_id and v.is_active),"
            + " (select max(v.version_id) from versions v where v.model_id = m.model_id and v.is_active),"
            + " (select count(*) from versions v where v.model_id = m.model_id and v.version_id = m.active_version),"
            + " (select h.version_id from activation_history h where h.model_id = m.model_id"
            + "    order by h.sequence_no desc limit 1),"
            + " (select count(*) from activation_history h where h.model_id = m.model_id),"
            + " (select coalesce(min(h.sequence_no), 1) from activation_history h where h.model_id = m.model_id),"
            + " (select coalesce(max(h.sequence_no), 0) from activation_history h where h.model_id = m.model_id)"
            + " from models m order by m.model_id";

    private RegistryInvariants() {
    }

    /** Models checked and every violation found, one sentence each. */
    public record Result(int models, List<String> violations) {
    }

    public static Result check(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        int models = 0;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SQL)) {
            while (row.next()) {
                models++;
                String model = row.getString(1);
                String active = row.getString(2);
                int activationCount = row.getInt(3);
                int versions = row.getInt(4);
                int flagged = row.getInt(5);
                String flaggedId = row.getString(6);
                boolean activeIsOwn = row.getInt(7) == 1;
                String newestHistory = row.getString(8);
                int historyRows = row.getInt(9);
                int firstSequence = row.getInt(10);
                int lastSequence = row.getInt(11);
                if (flagged != (versions > 0 ? 1 : 0)) {
                    violations.add(model + ": " + versions + " versions, " + flagged + " flagged active");
                }
                if (flagged == 1 && !flaggedId.equals(active)) {
                    violations.add(model + ": is_active on " + flaggedId + " but active_version " + active);
                }
                if (versions > 0 ? !activeIsOwn : active != null) {
                    violations.add(model + ": active_version " + active + " with " + versions + " versions");
                }
                if (versions > 0 && !String.valueOf(active).equals(newestHistory)) {
                    violations.add(model + ": newest history entry " + newestHistory + " but active " + active);
                }
                if (firstSequence != 1 && historyRows > 0 || lastSequence != historyRows || lastSequence != activationCount) {
                    violations.add(model + ": history " + firstSequence + ".." + lastSequence + " (" + historyRows
                            + " rows), activation_count " + activationCount);
                }
            }
        }
        return new Result(models, violations);
    }
}
