package dev.modelregistry.persistence.adoption;

import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.UpgradeReport;
import java.nio.file.Path;
import java.time.ZoneOffset;

/** Child JVM of {@link AdoptionCrashTest}: upgrades the registry folder given as argument, then prints "adopted". */
public final class AdoptionChild {

    private AdoptionChild() {
    }

    public static void main(String[] args) {
        UpgradeReport report = RegistryDatabase.upgrade(Path.of(args[0]), ZoneOffset.UTC);
        System.out.println(report.adopted() ? "adopted" : "not adopted");
    }
}
