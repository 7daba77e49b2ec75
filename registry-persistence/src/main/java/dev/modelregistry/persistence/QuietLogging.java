package dev.modelregistry.persistence;

import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.logging.LogService;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;

/**
 * An embedded library is quiet by default: opening a registry logs nothing at INFO. The start-up
 * chatter of the libraries underneath goes to debug level instead:
 * <ul>
 *   <li>Liquibase: its INFO messages (and the update summary) are logged at FINE (debug)
 *       through whatever Liquibase log service is in place;</li>
 *   <li>Hibernate and HikariCP on java.util.logging (JBoss Logging's choice when no log4j2 or
 *       logback is present): their loggers are set to WARNING, unless the application configured
 *       a level for them (e.g. {@code org.hibernate.level=INFO} in logging.properties), which wins;
 *       Hibernate's log of failed statements is off (the registry's exception reports the failure
 *       in words, and the log line would show the statement's values).
 *       On slf4j/logback the application's configuration decides alone.</li>
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

    /** Liquibase's log service with INFO turned into FINE (unless verbose). */
    public static LogService liquibase(LogService current) {
        return verbose() || current == null ? current : new DebugLevelLogService(current);
    }

    private static final class DebugLevelLogService extends AbstractLogService {

        private final LogService delegate;

        DebugLevelLogService(LogService delegate) {
            this.delegate = delegate;
        }

        @Override
        public int getPriority() {
            return delegate.getPriority();
        }

        @Override
        public liquibase.logging.Logger getLog(Class clazz) {
            liquibase.logging.Logger target = delegate.getLog(clazz);
            return new AbstractLogger() {
                @Override
                public void log(Level level, String message, Throwable e) {
                    target.log(level.intValue() == Level.INFO.intValue() ? Level.FINE : level, message, e);
                }
            };
        }
    }
}
