package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.CleanupProgress;
import dev.modelregistry.app.ModelFilter;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.RegistryListener;
import dev.modelregistry.app.VersionQuery;
import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.persistence.SqliteFaults;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public method of {@link ModelRegistry} (found by reflection, so a method added later is
 * walked too) is called under each injected fault: a full disk, a read-only database, a file
 * whose pages are garbage, a file whose header is garbage (no connection opens) and a closed
 * registry. Whatever a call throws is a {@link RegistryException} subclass (never a Hibernate,
 * JDBC or pool exception), with a message that says what happened.
 */
class PublicApiUnderFaultsTest {

    private static final String SENSOR = "s1";
    private static final String TYPE = "telemanom";

    @TempDir
    Path dir;

    private final Map<String, List<String>> outcomes = new TreeMap<>();

    @Test
    void underEveryFaultOnlyRegistryExceptionsEscapeThePublicApi() throws Exception {
        walk("disk full", faults -> faults.fillDisk(0), "disk full (no space left on device)");
        walk("read-only", SqliteFaults::readOnly, "read-only");
        walk("corrupt pages", SqliteFaults::corruptPages, "corrupt");
        walk("garbage header", SqliteFaults::overwriteHeader, "not a SQLite database");
        walk("closed", null, "closed");

        outcomes.forEach((fault, lines) -> {
            long returned = lines.stream().filter(line -> line.endsWith("-> returned")).count();
            System.out.printf("under fault '%s': %d calls, %d returned, %d threw a RegistryException%n",
                    fault, lines.size(), returned, lines.size() - returned);
            lines.stream().filter(line -> !line.endsWith("-> returned")).map(line -> line.replaceFirst(".* -> ", ""))
                    .distinct().forEach(message -> System.out.println("    " + message));
        });
    }

    /** Opens a registry with two versions, injects the fault ({@code null}: closes the registry), calls every method. */
    private void walk(String fault, Consumer<SqliteFaults> inject, String expectedWords) throws Exception {
        Path registryDir = dir.resolve(fault.replace(' ', '-'));
        List<String> lines = new ArrayList<>();
        try (SqliteFaults faults = SqliteFaults.open(registryDir)) {
            ModelRegistry registry = FaultyRegistry.on(faults, dir);
            String first = registry.registerModel(registration(0.05, 100));
            String second = registry.registerModel(registration(0.02, 100));
            if (inject == null) {
                registry.close();
            } else {
                inject.accept(faults);
            }
            for (Method method : publicMethods()) {
                Object[] arguments = argumentsFor(method, first, second);
                String call = method.getName() + Arrays.toString(method.getParameterTypes()).replace("class ", "")
                        .replace("java.lang.", "");
                try {
                    method.invoke(registry, arguments);
                    lines.add(call + " -> returned");
                } catch (InvocationTargetException invocation) {
                    Throwable thrown = invocation.getCause();
                    assertThat(thrown).as("%s under fault '%s'", call, fault).isInstanceOf(RegistryException.class);
                    if (thrown.getMessage().contains("the registry database is")
                            || thrown.getMessage().contains("the registry is")) {
                        assertThat(thrown.getMessage()).as("%s under fault '%s'", call, fault).contains(expectedWords);
                    }
                    lines.add(call + " -> " + thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
                }
            }
            for (int i = 0; i < 2; i++) { // close, then close again
                try {
                    registry.close();
                    lines.add("close[] -> returned");
                } catch (RuntimeException thrown) {
                    assertThat(thrown).as("close under fault '%s'", fault).isInstanceOf(RegistryException.class);
                    lines.add("close[] -> " + thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
                }
            }
        }
        assertThat(lines).as("some call failed under fault '%s'", fault).anyMatch(line -> line.contains(expectedWords));
        outcomes.put(fault, lines);
    }

    private static List<Method> publicMethods() {
        return Arrays.stream(ModelRegistry.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !method.getName().equals("close")) // last, twice, for every fault
                .sorted(Comparator.comparing((Method method) -> DESTRUCTIVE.indexOf(method.getName()))
                        .thenComparing(Method::getName).thenComparing(Method::getParameterCount))
                .toList();
    }

    /** Called last, in this order (they remove what the other calls use); every other method comes first. */
    private static final List<String> DESTRUCTIVE = List.of("deleteVersion", "cleanupOldVersions");

    /**
     * Arguments that would succeed without the fault: existing ids; by position for strings
     * (one string: a version id, or a model type for {@code listModels}; two or more: sensor,
     * type, then text).
     */
    private static Object[] argumentsFor(Method method, String versionId, String otherVersionId) {
        Class<?>[] types = method.getParameterTypes();
        long strings = Arrays.stream(types).filter(type -> type == String.class).count();
        Object[] arguments = new Object[types.length];
        int stringIndex = 0;
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == String.class) {
                if (strings == 1) {
                    arguments[i] = method.getName().startsWith("listModels") ? TYPE
                            : method.getName().equals("listVersionsOfSensor") ? SENSOR
                            : method.getName().startsWith("delete") ? otherVersionId : versionId;
                } else {
                    arguments[i] = switch (stringIndex) {
                        case 0 -> SENSOR;
                        case 1 -> TYPE;
                        default -> "text";
                    };
                }
                stringIndex++;
            } else if (type == ModelRegistration.class) {
                arguments[i] = registration(0.03, 40_000); // more pages than a deletion frees
            } else if (type == int.class || type == Integer.class) {
                arguments[i] = 1;
            } else if (type == long.class || type == Long.class) {
                arguments[i] = 0L;
            } else if (type == double.class || type == Double.class) {
                arguments[i] = 0.0;
            } else if (type == boolean.class || type == Boolean.class) {
                arguments[i] = true;
            } else if (type == Instant.class) {
                arguments[i] = Instant.now();
            } else if (type == ModelFilter.class) {
                arguments[i] = ModelFilter.all().sensor(SENSOR);
            } else if (type == VersionQuery.class) {
                arguments[i] = VersionQuery.builder().sensorId(SENSOR).tag("anomaly").build();
            } else if (type == dev.modelregistry.domain.model.ChangeNote.class) {
                arguments[i] = dev.modelregistry.domain.model.ChangeNote.by("ops-oncall").because("a fault walk");
            } else if (type == dev.modelregistry.app.CleanupMode.class) {
                arguments[i] = dev.modelregistry.app.CleanupMode.ARCHIVE;
            } else if (type == CleanupProgress.class) {
                arguments[i] = CleanupProgress.SILENT;
            } else if (type == RegistryListener.class) {
                arguments[i] = new RegistryListener() { };
            } else if (type == java.util.function.Consumer.class) {
                arguments[i] = (java.util.function.Consumer<Object>) change -> { };
            } else {
                throw new AssertionError("PublicApiUnderFaultsTest needs an argument of type " + type.getName()
                        + " for " + method);
            }
        }
        return arguments;
    }

    private static ModelRegistration registration(double anomalyRate, int descriptionLength) {
        return ModelRegistration.builder().sensorId(SENSOR).modelType(TYPE)
                .trainingConfig(Map.of("epochs", 35)).trainingMetrics(Map.of("final_loss", 0.1))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .trainingTimeSeconds(12.5).dataHash("hash-" + anomalyRate).dataSource("nasa_smap")
                .description("x".repeat(descriptionLength)).tags(List.of("anomaly")).build();
    }
}
