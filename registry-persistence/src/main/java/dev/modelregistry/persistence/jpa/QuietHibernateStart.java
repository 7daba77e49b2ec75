package dev.modelregistry.persistence.jpa;

import java.util.function.Supplier;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.jdbc.batch.internal.BatchImpl;
import org.hibernate.engine.jdbc.batch.spi.Batch;
import org.hibernate.engine.jdbc.batch.spi.BatchBuilder;
import org.hibernate.engine.jdbc.batch.spi.BatchKey;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;
import org.hibernate.engine.jdbc.mutation.group.PreparedStatementGroup;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hibernate's services for the registry's session factory, chosen so that building it logs
 * nothing at INFO (an embedded registry is quiet in a host that logs at INFO) and behaves as
 * Hibernate's defaults would:
 * <ul>
 *   <li>the database info (HHH10001005, {@code org.hibernate.orm.connections.pooling}) goes to
 *       this class's SLF4J logger at DEBUG (INFO when {@code verbose}): Hibernate's own
 *       JDBC environment initiator with its one logging method overridden;</li>
 *   <li>no JTA (HHH000489, "No JTA platform available"): the registry runs resource-local
 *       transactions, so it hands Hibernate the {@link NoJtaPlatform} service itself instead
 *       of letting it look for one (naming that class in
 *       {@code hibernate.transaction.jta.platform} would still log the line);</li>
 *   <li>statement batching (HHH100501, "Automatic JDBC statement batching enabled"): a batch
 *       builder of batches of {@code batchSize} statements, as Hibernate's standard one builds
 *       them (Hibernate asks for the size it runs with, {@code hibernate.jdbc.batch_size},
 *       unchanged), without its start-up line.</li>
 * </ul>
 * Hibernate's version line (HHH000001, {@code org.hibernate.orm.core}) comes from a static
 * initializer that runs once per JVM, before any setting is read: it is the one line at INFO
 * of a JVM's first open (none in a host that started Hibernate itself already).
 */
public final class QuietHibernateStart {

    private static final Logger LOG = LoggerFactory.getLogger(QuietHibernateStart.class);

    private QuietHibernateStart() {
    }

    /** Registers the services above with {@code configuration}, whose statements are batched {@code batchSize} at a time. */
    public static void applyTo(Configuration configuration, int batchSize, boolean verbose) {
        configuration.getStandardServiceRegistryBuilder()
                .addInitiator(new DatabaseInfoAtDebug(verbose))
                .addService(JtaPlatform.class, NoJtaPlatform.INSTANCE);
        configuration.getProperties().put(BatchSettings.BUILDER, new Batches(batchSize));
    }

    /** Hibernate's JDBC environment initiator, telling the database info at DEBUG. */
    private static final class DatabaseInfoAtDebug extends JdbcEnvironmentInitiator {

        private final boolean verbose;

        DatabaseInfoAtDebug(boolean verbose) {
            this.verbose = verbose;
        }

        @Override
        protected void logConnectionInfo(DatabaseConnectionInfo info) {
            if (verbose) {
                LOG.info("Hibernate's database info:\n{}", info.toInfoString());
            } else if (LOG.isDebugEnabled()) {
                LOG.debug("Hibernate's database info:\n{}", info.toInfoString());
            }
        }
    }

    /** Batches as Hibernate's standard builder makes them; {@code size} when the caller gives none. */
    private record Batches(int size) implements BatchBuilder {

        @Override
        public Batch buildBatch(BatchKey key, Integer batchSize, Supplier<PreparedStatementGroup> statementGroup,
                                JdbcCoordinator jdbcCoordinator) {
            return new BatchImpl(key, statementGroup.get(), batchSize == null ? size : batchSize, jdbcCoordinator);
        }
    }
}
