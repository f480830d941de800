package org.haven.notification;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A first run: no seed, so the directory starts empty (each application start gets a clean schema). */
public class EmptyDirectory implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("haven.directory.seed", "");
    }
}
