package org.haven.local.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** A person of the local run, with what their tokens say about them. */
public record DemoUser(String username, String name, String email, String password, List<String> roles, List<String> sites) {

    public DemoUser {
        roles = List.copyOf(roles);
        sites = List.copyOf(sites);
    }

    /** A stable subject id, as Keycloak gives each user a UUID that never changes. */
    public String subject() {
        return UUID.nameUUIDFromBytes(("haven-local/" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
