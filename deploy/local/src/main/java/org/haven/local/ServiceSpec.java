package org.haven.local;

/** One Haven service as the launcher runs it: its module folder, its database, its HTTP port. */
public record ServiceSpec(String name, String module, String database, int port) {

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
