package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.VersionId;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * {@link ModelRepository} on Hibernate. Works on the thread's current unit of work; outside one,
 * reads run on a short-lived session without a transaction (on SQLite a transaction would take
 * the write lock) and {@link #save} runs in a unit of work of its own.
 *
 * <p>Loading a model loads the {@code models} row only: its versions, their JSON blobs and the
 * history stay lazy, and registering a version only queues the addition (the inverse bag is not
 * initialized), so the 10,000th registration costs what the 10th does. Queries that return
 * versions fetch their owning model row with them (one join), so {@code modelId()} works on
 * versions read outside a unit of work. Saving a loaded model that only gained versions (a
 * registration) hands its rows to the transaction's {@link PendingRows} ({@link AppendedRows})
 * instead of leaving them to the flush: they are written with the other calls' of its group
 * commit, before anything reads.
 */
public final class JpaModelRepository implements ModelRepository {

    /** Ids per IN list: well below SQLite's 999 bound parameters of older builds and PostgreSQL's 32,767. */
    static final int IN_CHUNK = 500;

    private final JpaUnitOfWork unitOfWork;

    public JpaModelRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void save(Model model) {
        unitOfWork.write(session -> {
            String modelId = model.id().value();
            Optional<WriteContext> context = unitOfWork.context();
            context.ifPresent(known -> known.handled(modelId));
            if (session.contains(model)) {
                // registrations: the appended rows with the other calls' of the batch, the model out of the flush's way
                PendingRows pending = context.map(WriteContext::pendingRows).orElseGet(PendingRows::new);
                AppendedRows.Taken taken = AppendedRows.take(session, model, pending);
                if (taken != null) {
                    context.ifPresent(known -> known.wroteOutsideSession(taken.versionIds(), taken.history()));
                }
                if (context.isEmpty()) {
                    pending.writeOn(session); // no transaction of the unit of work's own to wait for
                }
                return null;
            }
            // known absent (a query of this unit of work found no such model), else find, not a
            // query: a query would flush the whole session first (quadratic in bulk imports)
            boolean knownAbsent = context.map(known -> known.knownAbsent(modelId)).orElse(false);
            if (!knownAbsent && session.find(Model.class, modelId) != null) {
                session.merge(model);
            } else {
                session.persist(model);
                context.ifPresent(known -> known.persisted(modelId));
            }
            return null;
        });
    }

    /**
     * Inserts only, on the unit of work's connection: see {@link BulkInserts}. The history rows it
     * writes bypass the session, so the unit of work is told to number them for the change feed.
     */
    @Override
    public void insertNew(Collection<Model> models) {
        unitOfWork.write(session -> {
            BulkInserts.insert(session, models, unitOfWork.context());
            unitOfWork.context().ifPresent(WriteContext::wroteHistoryOutsideSession);
            return null;
        });
    }

    @Override
    public Optional<Model> findById(ModelId modelId) {
        return unitOfWork.read(session -> handled(Optional.ofNullable(
                session.find(Model.class, modelId.value(), unitOfWork.modelLock(session)))));
    }

    /** In a write unit of work on a server: the model row is locked before its version is read. */
    @Override
    public Optional<Model> findByVersion(VersionId versionId) {
        return unitOfWork.read(session -> {
            if (unitOfWork.modelLock(session) == LockModeType.NONE) {
                return handled(versionIn(session, versionId)
                        .map(version -> session.find(Model.class, version.modelId().value())));
            }
            return handled(session.createQuery("select v.model.id from ModelVersion v where v.id = :id", String.class)
                    .setParameter("id", versionId.value()).getResultStream().findFirst()
                    .map(modelId -> session.find(Model.class, modelId, LockModeType.PESSIMISTIC_WRITE))
                    .filter(model -> versionIn(session, versionId).isPresent()));
        });
    }

    @Override
    public Optional<ModelVersion> findVersion(VersionId versionId) {
        return unitOfWork.read(session -> versionIn(session, versionId));
    }

    @Override
    public Set<VersionId> findExistingVersionIds(Collection<VersionId> versionIds) {
        List<String> ids = versionIds.stream().map(VersionId::value).distinct().toList();
        return unitOfWork.read(session -> {
            Set<VersionId> existing = new HashSet<>();
            for (List<String> chunk : chunks(ids)) {
                // a query: Hibernate flushes pending versions of this unit of work first, so they count
                session.createQuery("select v.id from ModelVersion v where v.id in :ids", String.class)
                        .setParameter("ids", chunk).getResultList().forEach(id -> existing.add(new VersionId(id)));
            }
            return existing;
        });
    }

    @Override
    public List<Model> findAllWithVersions(Collection<ModelId> modelIds) {
        List<String> ids = modelIds.stream().map(ModelId::value).distinct().sorted().toList();
        return unitOfWork.read(session -> {
            List<Model> models = new ArrayList<>();
            for (List<String> chunk : chunks(ids)) {
                models.addAll(session.createQuery("select distinct m from Model m left join fetch m.versions"
                        + " where m.id in :ids order by m.id", Model.class).setParameter("ids", chunk).getResultList());
            }
            Set<String> absent = new HashSet<>(ids);
            models.forEach(model -> absent.remove(model.id().value()));
            unitOfWork.context().ifPresent(known -> {
                models.forEach(model -> known.handled(model.id().value()));
                known.foundAbsent(absent);
            });
            return models;
        });
    }

    /** A stateless session on the current session's connection: rows become versions and are forgotten. */
    @Override
    public void forEachVersionOf(Collection<ModelId> modelIds, Consumer<ModelVersion> action) {
        List<String> ids = modelIds.stream().map(ModelId::value).distinct().sorted().toList();
        unitOfWork.read(session -> {
            unitOfWork.writePendingRows(session.unwrap(SharedSessionContractImplementor.class)); // read beside the session
            try (StatelessSession rows = session.statelessWithOptions().connection().noInterceptor().open()) {
                for (List<String> chunk : chunks(ids)) {
                    try (Stream<ModelVersion> versions = rows.createSelectionQuery("select v from ModelVersion v"
                                    + " join fetch v.model where v.model.id in :ids order by v.model.id, v.id", ModelVersion.class)
                            .setParameter("ids", chunk).getResultStream()) {
                        versions.forEach(action);
                    }
                }
            }
            return null;
        });
    }

    /** The model, recorded in the unit of work's context (named if a concurrent writer gets in the way). */
    private Optional<Model> handled(Optional<Model> model) {
        model.ifPresent(found -> unitOfWork.context().ifPresent(known -> known.handled(found.id().value())));
        return model;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
        }
        return chunks;
    }

    /**
     * Lookup by primary key: sees versions added earlier in the same unit of work without
     * flushing the session, and loads the owning model row so the version is usable afterwards.
     */
    private static Optional<ModelVersion> versionIn(Session session, VersionId versionId) {
        ModelVersion version = session.find(ModelVersion.class, versionId.value());
        if (version != null) {
            version.modelId();
        }
        return Optional.ofNullable(version);
    }

    @Override
    public List<ModelId> findAllIds() {
        return unitOfWork.read(session -> session.createQuery("select m.id from Model m order by m.id", String.class)
                .getResultList().stream().map(ModelId::new).toList());
    }

    @Override
    public List<ModelId> findIdsWithMoreVersionsThan(int count) {
        return unitOfWork.read(session -> session.createQuery("select m.id from Model m where"
                        + " (select count(v) from ModelVersion v where v.model = m) > :count order by m.id", String.class)
                .setParameter("count", (long) count).getResultList().stream().map(ModelId::new).toList());
    }

    @Override
    public Set<String> findDistinctModelPaths() {
        return unitOfWork.read(session -> Set.copyOf(session
                .createQuery("select distinct v.modelPath from ModelVersion v where v.modelPath is not null", String.class)
                .getResultList()));
    }
}
