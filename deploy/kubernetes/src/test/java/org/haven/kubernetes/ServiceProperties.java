package org.haven.kubernetes;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each service's application.properties expects from its deployment: the Kafka topics it consumes
 * ({@code mp.messaging.incoming.*.topic}) and names at all (outgoing, dead-letter), the topics its channels write
 * (outgoing and dead-letter topics), its consumer groups, the {@code haven.source} its outbox stamps on events, and the environment
 * variables its production configuration reads ({@code ${NAME}} or {@code ${NAME:default}} outside the
 * %dev and %test profiles), the ones without a default being required. A service without an
 * application.properties yet contributes nothing.
 */
final class ServiceProperties {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:)?");

    record Expectations(Set<String> consumedTopics, Set<String> namedTopics, Set<String> variables, Set<String> requiredVariables,
                        Set<String> channelWrittenTopics, Set<String> consumerGroups, String source) {
    }

    private ServiceProperties() {
    }

    static Map<String, Expectations> ofServices() {
        Map<String, Expectations> services = new LinkedHashMap<>();
        for (String service : Repository.SERVICES) {
            Path file = Repository.root().resolve(service).resolve("src/main/resources/application.properties");
            if (Files.exists(file)) {
                services.put(service, read(file));
            }
        }
        return services;
    }

    /** A service's application.properties as it is, every profile's keys included. */
    static Properties raw(String service) {
        return load(Repository.root().resolve(service).resolve("src/main/resources/application.properties"));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Expectations read(Path file) {
        Properties properties = load(file);
        Set<String> consumed = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        Set<String> variables = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.startsWith("%dev.") || key.startsWith("%test.")) {
                continue;
            }
            Matcher variable = VARIABLE.matcher(value);
            while (variable.find()) {
                variables.add(variable.group(1));
                if (variable.group(2) == null) {
                    required.add(variable.group(1));
                }
            }
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic") && !value.isEmpty()) {
                named.add(value);
                if (key.startsWith("mp.messaging.incoming.") && !key.endsWith(".dead-letter-queue.topic")) {
                    consumed.add(value);
                } else {
                    written.add(value);
                }
            }
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id") && !value.isEmpty()) {
                groups.add(value);
            }
        }
        return new Expectations(consumed, named, variables, required, written, groups, properties.getProperty("haven.source"));
    }
}
