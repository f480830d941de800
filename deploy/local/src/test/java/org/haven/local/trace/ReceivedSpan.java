package org.haven.local.trace;

import java.util.Map;

/** One span as a service exported it over OTLP: ids in lowercase hex, as in a W3C traceparent. */
public record ReceivedSpan(String service, String name, String kind, String traceId, String spanId, String parentSpanId,
                           Map<String, String> attributes) {

    @Override
    public String toString() {
        return service + " " + kind + " '" + name + "' trace=" + traceId + " span=" + spanId + " parent=" + parentSpanId;
    }
}
