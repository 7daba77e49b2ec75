package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelVersion;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.Type;

/**
 * Session interceptor that keeps the database's "at most one active version per model" index
 * satisfiable during a flush, and records what the session touched (for error reports).
 *
 * <p>Hibernate flushes inserts before updates, and updates in no particular order, so moving
 * the active flag (a new winning version inserted active while the old one is still active; a
 * promotion; a re-election) would violate the partial unique index {@code versions(model_id)
 * WHERE is_active} half-way through the flush. Before each flush, for every loaded model whose
 * active version changed since the last flush (its {@code activationCount} moved), this clears
 * the flag of every other version of that model with one indexed UPDATE; the flush then writes
 * the new state without an intermediate clash.
 *
 * <p>It also spares bulk imports two look-ups per new model: versions owned by a model being
 * persisted are new (a new model is created empty and gets only new versions), so Hibernate
 * need not SELECT the active version to learn that it is transient; and model ids that a query
 * of this session found absent ({@link #absentModelIds()}) need no existence check on save.
 */
final class ActiveFlagSynchronizer implements Interceptor {

    private static final String DEACTIVATE_OTHERS =
            "update versions set is_active = false where model_id = ? and is_active and version_id <> ?";
    private static final String DEACTIVATE_ALL =
            "update versions set is_active = false where model_id = ? and is_active";

    private final EntityPersister modelPersister;
    private final Map<String, Integer> syncedActivationCounts = new HashMap<>();
    private final Set<String> touchedModelIds = new LinkedHashSet<>();
    private final List<String> persistedVersionIds = new ArrayList<>();
    private final Set<Object> versionsOfNewModels = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> absentModelIds = new HashSet<>();
    private Session session;

    ActiveFlagSynchronizer(EntityPersister modelPersister) {
        this.modelPersister = modelPersister;
    }

    void attach(Session session) {
        this.session = session;
    }

    Set<String> touchedModelIds() {
        return touchedModelIds;
    }

    List<String> persistedVersionIds() {
        return persistedVersionIds;
    }

    /** Model ids a query of this session looked for and did not find; forgotten when the model is persisted. */
    Set<String> absentModelIds() {
        return absentModelIds;
    }

    /** Only answers for the versions of a model being persisted in this session (new); else Hibernate decides. */
    @Override
    public Boolean isTransient(Object entity) {
        return entity instanceof ModelVersion && versionsOfNewModels.contains(entity) ? Boolean.TRUE : null;
    }

    @Override
    public boolean onLoad(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        if (entity instanceof Model) {
            touchedModelIds.add((String) id);
            for (int i = 0; i < propertyNames.length; i++) {
                if ("activationCount".equals(propertyNames[i])) {
                    syncedActivationCounts.put((String) id, (Integer) state[i]);
                }
            }
        }
        return false;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        if (entity instanceof Model model) {
            touchedModelIds.add((String) id);
            absentModelIds.remove((String) id);
            versionsOfNewModels.addAll(model.versions());
        } else if (entity instanceof ModelVersion) {
            persistedVersionIds.add((String) id);
        }
        return false;
    }

    @Override
    public void preFlush(Iterator<Object> entities) {
        while (entities.hasNext()) {
            if (entities.next() instanceof Model model) {
                String modelId = model.id().value();
                Integer synced = syncedActivationCounts.get(modelId);
                int now = activationCount(model);
                if (synced != null && synced != now) {
                    deactivateOthers(modelId, activeVersionId(model));
                }
                syncedActivationCounts.put(modelId, now);
            }
        }
    }

    @Override
    public void postFlush(Iterator<Object> entities) {
        versionsOfNewModels.clear(); // flushed: the persistence context knows them now
        while (entities.hasNext()) {
            if (entities.next() instanceof Model model) {
                syncedActivationCounts.put(model.id().value(), activationCount(model));
            }
        }
    }

    private int activationCount(Model model) {
        return (Integer) modelPersister.getPropertyValue(model, "activationCount");
    }

    /** The active version's id, read from the proxy when there is one (no load). */
    private String activeVersionId(Model model) {
        Object active = modelPersister.getPropertyValue(model, "activeVersion");
        if (active == null) {
            return null;
        }
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(active);
        return proxy != null ? (String) proxy.getInternalIdentifier() : ((ModelVersion) active).id().value();
    }

    private void deactivateOthers(String modelId, String activeVersionId) {
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    activeVersionId == null ? DEACTIVATE_ALL : DEACTIVATE_OTHERS)) {
                statement.setString(1, modelId);
                if (activeVersionId != null) {
                    statement.setString(2, activeVersionId);
                }
                statement.executeUpdate();
            }
        });
    }
}
