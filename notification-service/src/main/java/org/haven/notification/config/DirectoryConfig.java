package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

@ConfigMapping(prefix = "haven.directory")
public interface DirectoryConfig {

    /**
     * Directory data to load at startup, merged into what is stored: a bundled seed by name
     * ({@code demo} reads {@code directory/demo-directory.json} from the classpath) or the path of a
     * JSON file of the same shape. Absent in production, whose directory starts empty.
     */
    Optional<String> seed();
}
