package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ActivationRecord;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.VersionId;
import java.time.Instant;
import java.util.Optional;

/** One {@code activation_history} row, read as the domain reads a history entry. */
public record ActivationRow(int sequenceNo, Optional<VersionId> versionId, Optional<VersionId> previousVersionId,
                            ActivationReason reason, Optional<Double> score, Optional<Double> previousScore,
                            Instant changedAt, Optional<Alias> alias, Optional<ChangeNote> note)
        implements ActivationRecord {
}
