package org.haven.wellness.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.wellness.config.WellnessConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instruments a self check-in offers, read once from the classpath ({@code instruments/<id>.json}):
 * the required short wellbeing check and any validated instrument the organisation adds by configuration.
 */
@ApplicationScoped
public class Instruments {

    private final Instrument required;
    private final Map<String, Instrument> all = new LinkedHashMap<>();

    Instruments(WellnessConfig config, ObjectMapper json) {
        required = load(config.checkIn().requiredInstrument(), json);
        all.put(required.id(), required);
        config.checkIn().optionalInstruments().orElse(List.of()).forEach(id -> all.put(id, load(id, json)));
    }

    public Instrument required() {
        return required;
    }

    public Optional<Instrument> byId(String id) {
        return Optional.ofNullable(all.get(id));
    }

    public List<Instrument> all() {
        return List.copyOf(all.values());
    }

    private static Instrument load(String id, ObjectMapper json) {
        String resource = "instruments/" + id + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No instrument " + resource + " on the classpath");
            }
            Instrument instrument = json.readValue(in, Instrument.class);
            if (!id.equals(instrument.id())) {
                throw new IllegalStateException(resource + " declares id " + instrument.id());
            }
            return instrument;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
