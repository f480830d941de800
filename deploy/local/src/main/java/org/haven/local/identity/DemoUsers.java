package org.haven.local.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo people, read from {@code identity/demo-users.json} on the class path. */
public final class DemoUsers {

    public static final String RESOURCE = "identity/demo-users.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record UsersFile(List<DemoUser> users) {
    }

    private final Map<String, DemoUser> byUsername;

    private DemoUsers(List<DemoUser> users) {
        Map<String, DemoUser> map = new LinkedHashMap<>();
        users.forEach(user -> map.put(user.username(), user));
        this.byUsername = Collections.unmodifiableMap(map);
        if (map.size() != users.size()) {
            throw new IllegalStateException("Two demo users share a username in " + RESOURCE);
        }
    }

    public static DemoUsers load() {
        try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new DemoUsers(new ObjectMapper().readValue(in, UsersFile.class).users());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public Optional<DemoUser> find(String username) {
        return Optional.ofNullable(username).map(byUsername::get);
    }

    /** The user whose password this is; the comparison takes the same time whatever the mismatch. */
    public Optional<DemoUser> authenticate(String username, String password) {
        Optional<DemoUser> user = find(username);
        byte[] given = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        byte[] expected = user.map(DemoUser::password).orElse("\u0000").getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(given, expected);
        return matches ? user : Optional.empty();
    }

    public Collection<DemoUser> all() {
        return byUsername.values();
    }
}
