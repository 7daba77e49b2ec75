package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The other process of the change-feed benchmark: promotes two versions in turn, {@code count}
 * times, {@code pauseMillis} apart, printing {@code sent} and the wall clock (epoch microseconds) just after each
 * promotion's commit returns.
 *
 * <pre>java -cp registry-bench.jar dev.modelregistry.bench.FeedWriter sqlite:DIR|JDBC_URL COUNT PAUSE_MS FIRST SECOND</pre>
 */
public final class FeedWriter {

    private FeedWriter() {
    }

    public static void main(String[] args) throws Exception {
        String target = args[0];
        int count = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        String[] versions = {args[3], args[4]};
        try (ModelRegistry registry = target.startsWith("sqlite:") ? Bench.openSqlite(Path.of(target.substring(7)))
                : Bench.openPostgres(target)) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < count; i++) {
                Thread.sleep(pause);
                registry.promoteVersion(versions[i % 2]);
                System.out.println("sent " + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
                System.out.flush();
            }
        }
    }
}
