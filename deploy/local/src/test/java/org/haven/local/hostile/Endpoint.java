package org.haven.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haven.local.ServiceSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** An operation of a service's public API, as its OpenAPI document at {@code /q/openapi} describes it. */
record Endpoint(String method, String path, boolean takesBody) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Operations that read a request body: the ones hostile bodies are aimed at. */
    static List<Endpoint> writesOf(ServiceSpec service) {
        return of(service).stream().filter(Endpoint::takesBody).toList();
    }

    static List<Endpoint> readsOf(ServiceSpec service) {
        return of(service).stream().filter(e -> e.method().equals("GET")).toList();
    }

    private static List<Endpoint> of(ServiceSpec service) {
        String document = given().queryParam("format", "json").when().get(service.baseUrl() + "/q/openapi")
                .then().statusCode(200).extract().asString();
        List<Endpoint> endpoints = new ArrayList<>();
        try {
            JsonNode paths = JSON.readTree(document).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    String method = operation.getKey().toUpperCase();
                    if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        endpoints.add(new Endpoint(method, path.getKey(), operation.getValue().has("requestBody")));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable OpenAPI document of " + service.name(), e);
        }
        if (endpoints.isEmpty()) {
            throw new IllegalStateException(service.name() + " documents no /api endpoint");
        }
        return endpoints;
    }

    /** The path with every template variable replaced by an id that exists nowhere. */
    String concretePath() {
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
