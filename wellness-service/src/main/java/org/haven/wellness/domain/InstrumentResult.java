package org.haven.wellness.domain;

import java.util.List;
import java.util.Map;

/** What one person answered to one instrument and how it scored. Sealed at rest, shown only to them. */
public record InstrumentResult(String instrumentId, Map<String, Integer> answers, List<Instrument.Score> scores) {

    public InstrumentResult {
        answers = Map.copyOf(answers);
        scores = List.copyOf(scores);
    }
}
