package dev.modelregistry.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample host on SQLite: the host's data source on its own file, the registry embedded in its folder. */
@SpringBootTest
class SampleHostOnSqliteTest extends SampleHostContract {

    private static final Path DIR = temporaryFolder();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:sqlite:" + DIR.resolve("host.db"));
        properties.add("spring.jpa.database-platform", () -> "org.hibernate.community.dialect.SQLiteDialect");
        properties.add("registry.sqlite.path", () -> DIR.resolve("registry_sqlite").toString());
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("sample-host");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
