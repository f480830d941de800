package org.haven.wellness.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's own application.properties, read as each launch would read it, with only the environment given here. */
class DatabaseSettingsTest {

    static final List<String> DATASOURCE = List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");

    @Test
    void productionWithoutTheDatabaseEnvironmentHasNoUrlUserOrPasswordToFallBackTo() throws IOException {
        SmallRyeConfig prod = config(List.of("prod"), Map.of());
        for (String setting : DATASOURCE) {
            assertThatThrownBy(() -> prod.getValue(setting, String.class)).as(setting).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void productionAndTheLocalRunTakeTheDatabaseFromTheEnvironment() throws IOException {
        Map<String, String> environment = Map.of("DB_URL", "jdbc:postgresql://db:5432/haven_wellness", "DB_USER", "haven_wellness",
                "DB_PASSWORD", "from-a-secret");
        for (List<String> profiles : List.of(List.of("prod"), List.of("prod", "local"))) {
            SmallRyeConfig config = config(profiles, environment);
            assertThat(DATASOURCE.stream().map(setting -> config.getValue(setting, String.class)))
                    .containsExactly("jdbc:postgresql://db:5432/haven_wellness", "haven_wellness", "from-a-secret");
        }
    }

    @Test
    void devFallsBackToTheLocalDatabase() throws IOException {
        SmallRyeConfig dev = config(List.of("dev"), Map.of());
        assertThat(dev.getValue("quarkus.datasource.jdbc.url", String.class)).isEqualTo("jdbc:postgresql://localhost:5432/haven_wellness");
        assertThat(dev.getValue("quarkus.datasource.password", String.class)).isEqualTo("haven");
    }

    private static SmallRyeConfig config(List<String> profiles, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder().withProfiles(profiles)
                .withSources(new PropertiesConfigSource(DatabaseSettingsTest.class.getClassLoader().getResource("application.properties")))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
