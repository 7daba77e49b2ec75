package dev.modelregistry.testing;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.RegistrySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A {@link ModelRegistry} for a host's tests: a real registry (the embedded SQLite adapter, the
 * same rules, queries, errors and change feed as production, not a mock) in a fresh temporary
 * folder of its own, which {@link ModelRegistry#close()} deletes with everything in it. Each
 * {@link #create()} is isolated from every other; nothing is left on disk after close.
 *
 * <pre>{@code
 * try (ModelRegistry registry = TemporaryModelRegistry.create()) {
 *     RetrainingService service = new RetrainingService(registry);   // the host's code, on the port
 *     ...
 * }
 * }</pre>
 *
 * Artifacts: {@code deleteArtifacts} removes files only inside {@link #artifactRoot(ModelRegistry)}
 * (the temporary folder's {@code artifacts/}), so a test never deletes the host's files.
 * {@link #inMemory()} is the same registry held in memory (a RAM file system).
 */
public final class TemporaryModelRegistry {

    private static final String PREFIX = "model-registry-test-";

    private TemporaryModelRegistry() {
    }

    /** A new empty registry with every setting at its default. */
    public static ModelRegistry create() {
        return create(RegistrySettings.defaults());
    }

    /**
     * A new empty registry opened with {@code settings} (e.g. other scoring weights), except
     * the artifact root, which is always this registry's own {@code artifacts/} folder.
     */
    public static ModelRegistry create(RegistrySettings settings) {
        return createIn(null, settings);
    }

    /**
     * A new empty registry held in memory: the same adapter as {@link #create()} (the same
     * SQLite file format, WAL, locks and concurrency; nothing is emulated), in a folder on the
     * operating system's RAM file system ({@value #RAM_FILE_SYSTEM}, Linux), so no write waits
     * for a disk and {@link ModelRegistry#close()} gives the memory back. Where there is no RAM
     * file system it is {@link #create()}'s temporary folder: the same registry, on disk.
     */
    public static ModelRegistry inMemory() {
        return inMemory(RegistrySettings.defaults());
    }

    /** As {@link #inMemory()}, opened with {@code settings} (the artifact root as in {@link #create(RegistrySettings)}). */
    public static ModelRegistry inMemory(RegistrySettings settings) {
        return createIn(ramFileSystem(), settings);
    }

    /** Whether {@link #inMemory()} registries live in memory here (false: in the temporary folder, on disk). */
    public static boolean inMemoryAvailable() {
        return ramFileSystem() != null;
    }

    /** Linux's RAM file system, shared by every process and emptied at reboot. */
    static final String RAM_FILE_SYSTEM = "/dev/shm";

    /** The RAM file system when this machine has one that this process can write, else null. */
    private static Path ramFileSystem() {
        Path ram = Path.of(RAM_FILE_SYSTEM);
        return Files.isDirectory(ram) && Files.isWritable(ram) ? ram : null;
    }

    /** @param parent the folder of the registry's temporary folder; null: the system's temporary folder */
    private static ModelRegistry createIn(Path parent, RegistrySettings settings) {
        Path folder;
        try {
            folder = parent == null ? Files.createTempDirectory(PREFIX) : Files.createTempDirectory(parent, PREFIX);
            Files.createDirectory(folder.resolve("artifacts"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for a test registry", e);
        }
        ModelRegistry registry;
        try {
            registry = ModelRegistrySQLite.open(folder.resolve("registry"),
                    settings.toBuilder().artifactRoot(folder.resolve("artifacts")).build());
        } catch (RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
        return (ModelRegistry) Proxy.newProxyInstance(ModelRegistry.class.getClassLoader(),
                new Class<?>[] {ModelRegistry.class, Temporary.class},
                (proxy, method, args) -> invoke(proxy, registry, folder, method, args));
    }

    /** The folder under which {@code deleteArtifacts} of this test registry may remove files. */
    public static Path artifactRoot(ModelRegistry registry) {
        if (!(registry instanceof Temporary temporary)) {
            throw new IllegalArgumentException("not a TemporaryModelRegistry: " + registry);
        }
        return temporary.folder().resolve("artifacts");
    }

    /** What the proxy adds to the port: its folder. */
    private interface Temporary {
        Path folder();
    }

    private static Object invoke(Object proxy, ModelRegistry registry, Path folder, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Temporary.class) {
            return folder;
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "TemporaryModelRegistry[" + folder + "]";
            };
        }
        try {
            return method.invoke(registry, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                deleteTree(folder);
            }
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test registry's folder " + folder, e);
        }
    }
}
