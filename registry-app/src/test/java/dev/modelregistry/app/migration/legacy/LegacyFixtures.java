package dev.modelregistry.app.migration.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The real platform registry from test resources, and small tools to damage copies of it. */
public final class LegacyFixtures {

    public static final String FIXTURE = "/fixtures/iot-registry-2025-09-30";
    public static final int FIXTURE_MODELS = 12;

    private LegacyFixtures() {
    }

    /**
     * The fixture root (holding data/models/...): read only, never damage it. Inside
     * target/test-classes, or inside registry-app's test-jar when another module (registry-cli)
     * uses it: then a path of the jar's file system, which {@link #copyOfRealRegistry} copies out.
     */
    public static Path fixtureRoot() {
        try {
            URI fixture = LegacyFixtures.class.getResource(FIXTURE).toURI();
            if ("jar".equals(fixture.getScheme())) {
                openJarFileSystem(fixture);
            }
            return Path.of(fixture);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void openJarFileSystem(URI inJar) {
        try {
            FileSystems.getFileSystem(inJar);
        } catch (FileSystemNotFoundException notYet) {
            try {
                FileSystems.newFileSystem(inJar, Map.of()); // stays open for the test JVM's life
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The real registry folder (data/models/registry) of the fixture. */
    public static Path realRegistry() {
        return fixtureRoot().resolve("data/models/registry");
    }

    /** Copies the whole fixture (model folders included) under {@code tmp}; returns the copy's registry folder. */
    public static Path copyOfRealRegistry(Path tmp) {
        Path source = fixtureRoot();
        Path target = tmp.resolve("iot");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolve("data/models/registry");
    }

    public static Path metadata(Path registry, String versionId) {
        return registry.resolve("metadata").resolve(versionId + ".json");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact piece of text in a file, failing loudly if it is not there. */
    public static void replaceIn(Path file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        write(file, text.replace(from, to));
    }

    /** SHA-256 of every file under {@code root}, by relative path. */
    public static Map<String, String> hashTree(Path root) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    hashes.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
                } else if (Files.isDirectory(p)) {
                    hashes.put(root.relativize(p) + "/", "dir");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether the domain's validation gate passes a legacy version (the reader itself judges nothing). */
    public static boolean validated(LegacyVersion version) {
        return dev.modelregistry.domain.model.ValidationGate.passes(
                dev.modelregistry.domain.model.Attributes.of(version.validationMetrics()));
    }

    /** Versions of the registry the validation gate does not pass. */
    public static long unvalidated(LegacyRegistry registry) {
        return registry.models().stream().flatMap(model -> model.versions().stream()).filter(v -> !validated(v)).count();
    }
}
