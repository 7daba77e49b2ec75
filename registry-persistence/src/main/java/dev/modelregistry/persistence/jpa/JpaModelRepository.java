package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * {@link ModelRepository} on Hibernate. Works on the thread's current unit of work; outside one,
 * reads run on a short-lived session without a transaction (on SQLite a transaction would take
 * the write lock) and {@link #save} runs in a unit of work of its own.
 *
 * <p>Loading a model loads the {@code models} row only: its versions, their JSON blobs and the
 * history stay lazy, and registering a version only queues the addition (the inverse bag is not
 * initialized), so the 10,000th registration costs what the 10th does. Queries that return
 * versions fetch their owning model row with them (one join), so {@code modelId()} works on
 * versions read outside a unit of work.
 */
public final class JpaModelRepository implements ModelRepository {

    /**
     * Matches the partial index {@code uq_versions_one_active} literally (SQLite only uses a partial
     * index then); the pair's columns make it the version of exactly this pair (R1).
     */
    private static final String ACTIVE_VERSION_SQL = "select version_id from versions where model_id = :modelId"
            + " and is_active and sensor_id = :sensorId and model_type = :modelType";

    /** Ids per IN list: well below SQLite's 999 bound parameters of older builds and PostgreSQL's 32,767. */
    static final int IN_CHUNK = 500;

    private final JpaUnitOfWork unitOfWork;

    public JpaModelRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void save(Model model) {
        unitOfWork.write(session -> {
            if (session.contains(model)) {
                return null;
            }
            // known absent (a query of this unit of work found no such model), else find, not a
            // query: a query would flush the whole session first (quadratic in bulk imports)
            if (!unitOfWork.knownAbsent(model.id().value()) && session.find(Model.class, model.id().value()) != null) {
                session.merge(model);
            } else {
                session.persist(model);
            }
            return null;
        });
    }

    @Override
    public Optional<Model> findById(ModelId modelId) {
        return unitOfWork.read(session -> Optional.ofNullable(
                session.find(Model.class, modelId.value(), unitOfWork.modelLock(session))));
    }

    /** In a write unit of work on a server: the model row is locked before its version is read. */
    @Override
    public Optional<Model> findByVersion(VersionId versionId) {
        return unitOfWork.read(session -> {
            if (unitOfWork.modelLock(session) == LockModeType.NONE) {
                return versionIn(session, versionId).map(version -> session.find(Model.class, version.modelId().value()));
            }
            return session.createQuery("select v.model.id from ModelVersion v where v.id = :id", String.class)
                    .setParameter("id", versionId.value()).getResultStream().findFirst()
                    .map(modelId -> session.find(Model.class, modelId, LockModeType.PESSIMISTIC_WRITE))
                    .filter(model -> versionIn(session, versionId).isPresent());
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
            unitOfWork.rememberAbsent(absent);
            return models;
        });
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
    public Optional<VersionId> findActiveVersionId(SensorId sensorId, ModelType modelType) {
        return unitOfWork.read(session -> session.createNativeQuery(ACTIVE_VERSION_SQL, String.class)
                .addSynchronizedEntityClass(ModelVersion.class)
                .setParameter("modelId", ModelId.of(sensorId, modelType).value())
                .setParameter("sensorId", sensorId.value()).setParameter("modelType", modelType.value())
                .getResultStream().findFirst().map(VersionId::new));
    }

    @Override
    public List<Model> findAll() {
        return unitOfWork.read(session -> session.createQuery("from Model m order by m.id", Model.class).getResultList());
    }

    @Override
    public List<Model> findByType(ModelType modelType) {
        return unitOfWork.read(session -> session
                .createQuery("from Model m where m.modelType = :type order by m.id", Model.class)
                .setParameter("type", modelType.value()).getResultList());
    }

    @Override
    public List<ModelOverview> findOverviews(ModelType modelType) {
        String hql = "select m.id, m.sensorId, m.modelType, m.activeVersion.id,"
                + " (select count(v) from ModelVersion v where v.model = m), m.bestScore, m.createdAt, m.updatedAt"
                + " from Model m" + (modelType == null ? "" : " where m.modelType = :type") + " order by m.id";
        return unitOfWork.read(session -> {
            var query = session.createQuery(hql, Object[].class);
            if (modelType != null) {
                query.setParameter("type", modelType.value());
            }
            return query.getResultList().stream().map(row -> new ModelOverview(
                    new ModelId((String) row[0]), new SensorId((String) row[1]), new ModelType((String) row[2]),
                    Optional.ofNullable((String) row[3]).map(VersionId::new), ((Number) row[4]).longValue(),
                    Optional.ofNullable((Double) row[5]), (Instant) row[6], (Instant) row[7])).toList();
        });
    }

    @Override
    public List<ModelVersion> findVersionsNewestFirst(SensorId sensorId, ModelType modelType) {
        return unitOfWork.read(session -> session.createQuery(
                        "select v from ModelVersion v join fetch v.model m where m.id = :id"
                                + " and m.sensorId = :sensorId and m.modelType = :modelType"
                                + " order by v.createdAt desc, v.id desc", ModelVersion.class)
                .setParameter("id", ModelId.of(sensorId, modelType).value())
                .setParameter("sensorId", sensorId.value()).setParameter("modelType", modelType.value())
                .getResultList());
    }

    @Override
    public List<ModelVersion> findVersionsScoredAtLeast(double minimumScore) {
        return unitOfWork.read(session -> session.createQuery(
                        "select v from ModelVersion v join fetch v.model where v.performanceScore >= :minimum"
                                + " order by v.performanceScore desc, v.createdAt desc, v.id", ModelVersion.class)
                .setParameter("minimum", minimumScore).getResultList());
    }

    @Override
    public Set<String> findDistinctModelPaths() {
        return unitOfWork.read(session -> Set.copyOf(session
                .createQuery("select distinct v.modelPath from ModelVersion v where v.modelPath is not null", String.class)
                .getResultList()));
    }

    @Override
    public RegistryStatistics statistics() {
        return unitOfWork.read(session -> {
            long models = session.createQuery("select count(m) from Model m", Long.class).getSingleResult();
            Object[] versions = session.createQuery(
                    "select count(v), sum(case when v.active = true then 1 else 0 end), avg(v.performanceScore),"
                            + " max(v.createdAt) from ModelVersion v", Object[].class).getSingleResult();
            Map<String, Long> modelsByType = new LinkedHashMap<>();
            session.createQuery("select m.modelType, count(m) from Model m group by m.modelType order by m.modelType",
                    Object[].class).getResultList().forEach(row -> modelsByType.put((String) row[0], (Long) row[1]));
            Map<String, Long> versionsByType = new LinkedHashMap<>();
            session.createQuery("select v.modelType, count(v) from ModelVersion v group by v.modelType"
                            + " order by v.modelType", Object[].class)
                    .getResultList().forEach(row -> versionsByType.put((String) row[0], (Long) row[1]));
            long totalVersions = ((Number) versions[0]).longValue();
            long active = versions[1] == null ? 0 : ((Number) versions[1]).longValue();
            Optional<Double> average = totalVersions == 0 || versions[2] == null
                    ? Optional.empty() : Optional.of(((Number) versions[2]).doubleValue());
            Optional<Instant> newest = Optional.ofNullable((Instant) versions[3]);
            return new RegistryStatistics(models, totalVersions, active, modelsByType, versionsByType, average, newest);
        });
    }
}
