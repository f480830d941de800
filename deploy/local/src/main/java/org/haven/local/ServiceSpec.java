package org.haven.local;

/** One Haven service as the launcher runs it: its module folder, its database, its HTTP port. */
public record ServiceSpec(String name, String module, String database, int port) {

    /** Another instance of this service on {@code port}: same module, database and consumer group. */
    public ServiceSpec replica(int number, int port) {
        return new ServiceSpec(name + "-" + number, module, database, port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
