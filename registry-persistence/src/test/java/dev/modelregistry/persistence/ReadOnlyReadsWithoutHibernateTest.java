package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.ReadOnlyRegistryException;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.ReadModels;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry opened read-only answers every read from the read models, without a Hibernate session factory. */
class ReadOnlyReadsWithoutHibernateTest {

    @TempDir
    Path dir;

    @Test
    void everyReadOfAReadOnlyRegistryIsAnsweredWithoutBuildingASessionFactory() {
        VersionId id;
        try (RegistryDatabase writable = RegistryDatabase.openSqlite(dir)) {
            id = writable.unitOfWork().execute(() -> {
                Model model = Fixtures.aModel();
                VersionId registered = register(model, 0.05, 1).id();
                writable.repository().save(model);
                return registered;
            });
        }

        try (RegistryDatabase database = RegistryDatabase.openSqliteReadOnly(dir)) {
            ReadModels reads = database.readModels();
            assertThat(reads.activeVersions().activeVersionId(Fixtures.SENSOR, Fixtures.TELEMANOM)).contains(id);
            assertThat(reads.activeVersions().activeVersion(Fixtures.SENSOR, Fixtures.TELEMANOM)).isPresent();
            assertThat(reads.versions().details(id)).isPresent();
            assertThat(reads.versions().lineage(id)).isPresent();
            assertThat(reads.versions().newestFirst(Fixtures.SENSOR, Fixtures.TELEMANOM, false)).hasSize(1);
            assertThat(reads.versions().ofSensor(Fixtures.SENSOR)).isPresent();
            assertThat(reads.versions().scoredAtLeast(0.0)).hasSize(1);
            assertThat(reads.models().overviews(Optional.empty(), Optional.empty())).hasSize(1);
            assertThat(reads.models().history(Fixtures.SENSOR, Fixtures.TELEMANOM)).isPresent();
            assertThat(reads.statistics().statistics().totalVersions()).isEqualTo(1);
            assertThatThrownBy(() -> database.unitOfWork().execute(() -> null))
                    .isInstanceOf(ReadOnlyRegistryException.class);

            assertThat(database.sessionFactoryBuilt()).isFalse();

            ModelId modelId = ModelId.of(Fixtures.SENSOR, Fixtures.TELEMANOM);
            assertThat(database.unitOfWork().read(() -> database.repository().findById(modelId))).isPresent();
            assertThat(database.sessionFactoryBuilt()).as("built on the first read that needs the aggregate").isTrue();
        }
    }
}
