package dev.modelregistry.persistence;

import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.jpa.GroupCommitStats;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Child JVM of {@link GroupCommitCrashTest}: {@code REGISTRY_DIR THREADS MODELS}. Writes until it
 * is killed: {@code THREADS} threads register into {@code MODELS} shared models, and one more
 * thread registers into, promotes and deletes versions of a model of its own. After each call
 * returns it prints {@code registered <id>}, {@code promoted <id>} or {@code deleted <id>} (or
 * {@code kept <id> <exception>}), and {@code deleting <id>} before a deletion is called; every
 * 50 calls {@code batched <calls> <batches>} (how many calls shared the commits so far).
 */
public final class BatchingWriter {

    static final String MIXED = "mixed";

    private BatchingWriter() {
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[1]);
        int models = Integer.parseInt(args[2]);
        RegistryDatabase database = RegistryDatabase.openSqlite(Path.of(args[0]));
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                while (true) {
                    VersionId id = ConcurrentRegistrar.registerOne(database,
                            "shared" + ThreadLocalRandom.current().nextInt(models));
                    print(database, "registered " + id.value());
                }
            }, "writer " + t).start();
        }
        new Thread(() -> mixed(database), "mixed writer").start();
    }

    /** Registers into its own model, promotes an older version of it, deletes an inactive one. */
    private static void mixed(RegistryDatabase database) {
        List<VersionId> mine = new ArrayList<>();
        for (int i = 0; ; i++) {
            VersionId registered = ConcurrentRegistrar.registerOne(database, MIXED);
            mine.add(registered);
            print(database, "registered " + registered.value());
            VersionId chosen = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
            if (i % 2 == 0) {
                database.unitOfWork().run(() -> owner(database, chosen).promote(chosen, now()));
                print(database, "promoted " + chosen.value());
            } else {
                try {
                    print(database, "deleting " + chosen.value()); // in flight: the kill may come after its commit
                    database.unitOfWork().run(() -> owner(database, chosen).deleteVersion(chosen, false, now()));
                    mine.remove(chosen);
                    print(database, "deleted " + chosen.value());
                } catch (RegistryException activeOne) {
                    // the active version is not deleted without force; the reason is printed for the test's report
                    print(database, "kept " + chosen.value() + " " + activeOne.getClass().getSimpleName());
                }
            }
        }
    }

    private static Model owner(RegistryDatabase database, VersionId id) {
        return database.repository().findByVersion(id).orElseThrow();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static int printed;

    private static synchronized void print(RegistryDatabase database, String line) {
        System.out.println(line);
        if (++printed % 50 == 0) {
            GroupCommitStats stats = GroupCommitStats.of(database);
            System.out.println("batched " + stats.calls() + " " + stats.batches());
        }
        System.out.flush();
    }
}
