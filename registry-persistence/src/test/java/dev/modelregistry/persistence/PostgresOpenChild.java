package dev.modelregistry.persistence;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Child JVM of {@link PostgresConcurrentFirstOpenTest}: for every JDBC URL read from stdin,
 * opens the registry there (user and password from the arguments) and prints
 * {@code RESULT ok} or {@code RESULT failed <message>}.
 */
public final class PostgresOpenChild {

    private PostgresOpenChild() {
    }

    public static void main(String[] args) throws Exception {
        String user = args.length > 0 && !args[0].isEmpty() ? args[0] : null;
        String password = args.length > 1 && !args[1].isEmpty() ? args[1] : null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("RESULT ready");
        for (String url = in.readLine(); url != null; url = in.readLine()) {
            try {
                RegistryDatabase.openJdbc(url, user, password).close();
                System.out.println("RESULT ok");
            } catch (RuntimeException e) {
                System.out.println("RESULT failed " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            System.out.flush();
        }
    }
}
