package org.haven.kubernetes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets deploy/README.md tells an admin to create, read from its {@code kubectl create secret} commands:
 * name, keys, and the literal values the README fixes (e.g. a database role's username).
 */
final class DocumentedSecrets {

    private static final Pattern COMMAND = Pattern.compile("create secret (generic|tls|docker-registry) ([a-z0-9][a-z0-9.-]*)([^\\n]*)");
    private static final Pattern LITERAL = Pattern.compile("--from-literal=([A-Za-z0-9._-]+)=(\"[^\"]*\"|'[^']*'|\\S*)");
    private static final Pattern FILE = Pattern.compile("--from-file=([A-Za-z0-9._-]+)=");

    /** One documented Secret: its keys, and the value of each key the README spells out (not generated). */
    record Secret(String name, Set<String> keys, Map<String, String> fixedValues) {
    }

    private DocumentedSecrets() {
    }

    static Map<String, Secret> inReadme() {
        String readme = Repository.read(Repository.deploy().resolve("README.md")).replace("\\\n", " ");
        Map<String, Secret> secrets = new LinkedHashMap<>();
        Matcher command = COMMAND.matcher(readme);
        while (command.find()) {
            String name = command.group(2);
            String arguments = command.group(3);
            Set<String> keys = new LinkedHashSet<>();
            Map<String, String> fixed = new LinkedHashMap<>();
            if (command.group(1).equals("tls")) {
                keys.add("tls.crt");
                keys.add("tls.key");
            }
            Matcher literal = LITERAL.matcher(arguments);
            while (literal.find()) {
                keys.add(literal.group(1));
                String value = literal.group(2);
                if (!value.contains("$")) {
                    fixed.put(literal.group(1), value.replaceAll("^[\"']|[\"']$", ""));
                }
            }
            Matcher file = FILE.matcher(arguments);
            while (file.find()) {
                keys.add(file.group(1));
            }
            secrets.put(name, new Secret(name, keys, fixed));
        }
        return secrets;
    }
}
