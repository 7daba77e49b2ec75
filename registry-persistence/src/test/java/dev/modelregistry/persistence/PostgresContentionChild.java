package dev.modelregistry.persistence;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Child JVM of {@link PostgresContentionTest}: {@code URL USER PASSWORD SENSOR THREADS PER_THREAD}.
 * Opens the registry, prints {@code READY}, waits for a line on stdin, then registers
 * {@code PER_THREAD} versions into the model of {@code SENSOR} from each of {@code THREADS}
 * threads; prints {@code registered <id>} or {@code failed <exception>: <message>} per call.
 */
public final class PostgresContentionChild {

    private PostgresContentionChild() {
    }

    public static void main(String[] args) throws Exception {
        String user = args[1].isEmpty() ? null : args[1];
        String password = args[2].isEmpty() ? null : args[2];
        int threads = Integer.parseInt(args[4]);
        int perThread = Integer.parseInt(args[5]);
        try (RegistryDatabase database = RegistryDatabase.openJdbc(args[0], user, password)) {
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        try {
                            lines.add("registered " + ConcurrentRegistrar.registerOne(database, args[3]).value());
                        } catch (RuntimeException e) {
                            lines.add("failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }
                    return lines;
                }));
            }
            for (Future<List<String>> worker : workers) {
                worker.get().forEach(System.out::println);
            }
            pool.shutdown();
        }
    }
}
