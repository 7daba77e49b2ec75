package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The archived versions a history leaves (R15): its archive entries replayed oldest first,
 * ARCHIVED marking the entry's version archived since the entry's time, UNARCHIVED putting it
 * back. The one reading of archive entries: {@link Model#restore} checks a restored model's
 * archived versions against it. Versions deleted since may be among them.
 */
public final class ArchiveReplay {

    private ArchiveReplay() {
    }

    /** The versions archived after {@code history} (oldest first), each with the time it was archived. */
    public static Map<VersionId, Instant> of(List<? extends ActivationRecord> history) {
        Map<VersionId, Instant> archived = new HashMap<>();
        for (ActivationRecord entry : history) {
            if (entry.reason() == ActivationReason.ARCHIVED) {
                archived.put(entry.versionId().orElseThrow(), entry.changedAt());
            } else if (entry.reason() == ActivationReason.UNARCHIVED) {
                archived.remove(entry.versionId().orElseThrow());
            }
        }
        return Collections.unmodifiableMap(archived);
    }
}
