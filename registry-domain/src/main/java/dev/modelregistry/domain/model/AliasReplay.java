package dev.modelregistry.domain.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aliases a history leaves (R13): its alias entries replayed oldest first, ALIAS_SET making
 * the alias name the entry's version, ALIAS_REMOVED and ALIAS_REMOVED_WITH_VERSION removing it.
 * The one reading of alias entries: a model's aliases are always what its history replays to,
 * and {@link Model#restore} takes a restored model's aliases from it.
 */
public final class AliasReplay {

    private AliasReplay() {
    }

    /** The aliases after {@code history} (oldest first), ordered by alias. */
    public static Map<Alias, VersionId> of(List<? extends ActivationRecord> history) {
        Map<Alias, VersionId> aliases = new TreeMap<>(Comparator.comparing(Alias::value));
        for (ActivationRecord entry : history) {
            if (entry.alias().isEmpty()) {
                continue;
            }
            if (entry.reason() == ActivationReason.ALIAS_SET) {
                aliases.put(entry.alias().get(), entry.versionId().orElseThrow());
            } else {
                aliases.remove(entry.alias().get());
            }
        }
        return Collections.unmodifiableMap(aliases);
    }
}
