package dev.modelregistry.app.cli;

import dev.modelregistry.persistence.QuietLogging;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries quiet: WARN and above by default, INFO with {@code --verbose}, always on
 * stderr (stdout carries only the command's output).
 *
 * <ul>
 *   <li>slf4j (HikariCP, our code; Hibernate through JBoss Logging, told to use slf4j):
 *       slf4j-simple reads {@code org.slf4j.simpleLogger.*} system properties when it starts, so
 *       they are set here before anything logs ({@code simplelogger.properties} holds the same
 *       defaults).</li>
 *   <li>Liquibase logs through SLF4J, its INFO messages at debug level ({@link QuietLogging})
 *       unless {@code --verbose}; its summaries and banner go to its log, not stdout (the
 *       persistence module runs it with a {@code LoggerUIService}).</li>
 *   <li>java.util.logging (libraries that use it): the root logger and its handlers are set to
 *       WARNING (INFO with {@code --verbose}).</li>
 * </ul>
 * Explicit {@code -D} settings given by the user win.
 */
final class CliLogging {

    private static final String SLF4J_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    /** A level the user set with -D, which wins over the default (not over --verbose). */
    private static final String USER_LEVEL = System.getProperty(SLF4J_LEVEL);

    private CliLogging() {
    }

    static void configure(boolean verbose) {
        setIfAbsent("org.jboss.logging.provider", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty(SLF4J_LEVEL, verbose ? "info" : USER_LEVEL != null ? USER_LEVEL : "warn");
        System.setProperty(QuietLogging.VERBOSE, String.valueOf(verbose)); // the libraries' INFO chatter: shown only with --verbose
        setIfAbsent("liquibase.analytics.enabled", "false");
        setIfAbsent("liquibase.showBanner", "false");
        if (System.getProperty("java.util.logging.config.file") == null) {
            Level level = verbose ? Level.INFO : Level.WARNING;
            Logger root = Logger.getLogger("");
            root.setLevel(level);
            for (Handler handler : root.getHandlers()) {
                handler.setLevel(level);
            }
            Logger.getLogger("liquibase").setLevel(level);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
