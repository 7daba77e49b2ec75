package dev.modelregistry.persistence;

import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.logging.LogService;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/**
 * An embedded library is quiet by default: the registry logs through SLF4J only, and opening a
 * registry logs nothing of its own at INFO. The start-up chatter of the libraries underneath goes
 * to debug level where the library decides it:
 * <ul>
 *   <li>Liquibase logs through SLF4J (its own logger names, {@code liquibase.*}), never
 *       java.util.logging: its INFO messages (and the update summary) at DEBUG, its warnings and
 *       errors as they are;</li>
 *   <li>Hibernate and HikariCP on java.util.logging (JBoss Logging's choice when no log4j2 or
 *       logback is present): their loggers are set to WARNING, unless the application configured
 *       a level for them (e.g. {@code org.hibernate.level=INFO} in logging.properties), which wins;
 *       Hibernate's log of failed statements is off (the registry's exception reports the failure
 *       in words, and the log line would show the statement's values).</li>
 *   <li>HikariCP (always SLF4J) and Hibernate on an SLF4J backend with logback: the host's
 *       configuration decides alone, and the registry starts them so that they have nothing
 *       to say at INFO but Hibernate's version, once per JVM ({@code pool.QuietPool},
 *       {@code jpa.QuietHibernateStart}).</li>
 * </ul>
 * {@code -D}{@value #VERBOSE}{@code =true} (the CLI's {@code --verbose} sets it) keeps every
 * message at its own level.
 */
public final class QuietLogging {

    /** System property: {@code true} logs the libraries' INFO messages as INFO. */
    public static final String VERBOSE = "dev.modelregistry.logging.verbose";

    /**
     * Strong references: java.util.logging forgets the level of a logger nobody holds. Hibernate's
     * {@code org.hibernate.orm.jdbc.error} logs every failed statement (with its bound values,
     * which are stored data) before the registry turns the failure into its own exception: off.
     */
    private static final Logger[] CHATTY = {Logger.getLogger("org.hibernate"), Logger.getLogger("com.zaxxer.hikari"),
            Logger.getLogger("org.hibernate.orm.jdbc.error")};
    private static final Level[] QUIET = {Level.WARNING, Level.WARNING, Level.OFF};
    private static final Level[] CONFIGURED = {CHATTY[0].getLevel(), CHATTY[1].getLevel(), CHATTY[2].getLevel()};

    private QuietLogging() {
    }

    static boolean verbose() {
        return Boolean.getBoolean(VERBOSE);
    }

    /** Before Hibernate and the pool start: their java.util.logging loggers to WARNING, failed statements off (see above). */
    static synchronized void quietLibraries() {
        for (int i = 0; i < CHATTY.length; i++) {
            if (CONFIGURED[i] == null) {
                CHATTY[i].setLevel(verbose() ? null : QUIET[i]);
            }
        }
    }

    /** Liquibase's log service: SLF4J, with INFO turned into DEBUG (unless verbose). */
    public static LogService liquibase() {
        return new Slf4jLogService(verbose());
    }

    /**
     * Liquibase's messages to the SLF4J logger of the class that logs them. Levels map as
     * java.util.logging's to SLF4J's (SEVERE error, WARNING warn, INFO info, CONFIG and FINE
     * debug, finer trace), except that INFO becomes DEBUG unless {@code verbose}.
     */
    private static final class Slf4jLogService extends AbstractLogService {

        private final boolean verbose;

        Slf4jLogService(boolean verbose) {
            this.verbose = verbose;
        }

        @Override
        public int getPriority() {
            return PRIORITY_SPECIALIZED;
        }

        @Override
        public liquibase.logging.Logger getLog(Class clazz) {
            org.slf4j.Logger target = LoggerFactory.getLogger(clazz);
            return new AbstractLogger() {
                @Override
                public void log(Level level, String message, Throwable e) {
                    int value = level.intValue();
                    if (value == Level.OFF.intValue()) {
                        return;
                    }
                    if (value >= Level.SEVERE.intValue()) {
                        target.error(message, e);
                    } else if (value >= Level.WARNING.intValue()) {
                        target.warn(message, e);
                    } else if (value >= Level.INFO.intValue() && verbose) {
                        target.info(message, e);
                    } else if (value >= Level.FINE.intValue()) {
                        target.debug(message, e);
                    } else {
                        target.trace(message, e);
                    }
                }
            };
        }
    }
}
