package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Another process writing to the registry, for the change feed's tests:
 * {@code FeedChild sqlite DIR} or {@code FeedChild postgres URL USER PASSWORD}. Prints
 * {@code READY}, then for each line on stdin: {@code register SENSOR RATE} registers a version
 * (a lower anomaly rate scores higher), {@code promote VERSION} promotes one; prints
 * {@code done VERSION} after each commit. Ends at the end of stdin.
 */
public final class FeedChild {

    private FeedChild() {
    }

    static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FeedChild.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    static ModelRegistration registration(String sensor, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("hash-" + anomalyRate).build();
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        try (ModelRegistry registry = args[0].equals("sqlite") ? ModelRegistrySQLite.open(Path.of(args[1]))
                : ModelRegistryJdbc.open(args[1], args[2].isEmpty() ? null : args[2], args[3])) {
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.split(" ");
                String version = switch (words[0]) {
                    case "register" -> registry.registerModel(registration(words[1], Double.parseDouble(words[2])));
                    case "promote" -> {
                        registry.promoteVersion(words[1]);
                        yield words[1];
                    }
                    default -> throw new IllegalArgumentException("unknown command " + line);
                };
                System.out.println("done " + version);
                System.out.flush();
            }
        }
    }
}
