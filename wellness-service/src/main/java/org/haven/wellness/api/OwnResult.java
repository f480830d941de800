package org.haven.wellness.api;

import org.haven.wellness.domain.Instrument;
import org.haven.wellness.domain.InstrumentResult;
import org.haven.wellness.domain.Instruments;
import org.haven.wellness.domain.SelfCheckIns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A check-in as its owner reads it on the page: each question with the answer they chose, and their scores. */
public record OwnResult(UUID id, UUID followUpId, Instant submittedAt, boolean conversationRequested, List<Part> parts) {

    public record Part(String title, String note, String credit, List<Instrument.Score> scores, List<Answer> answers) {
    }

    public record Answer(String question, String chosen) {
    }

    static OwnResult of(SelfCheckIns.Result result, Instruments instruments) {
        List<Part> parts = result.results().stream().map(r -> part(r, instruments)).toList();
        return new OwnResult(result.checkIn().id, result.checkIn().followUpId, result.checkIn().submittedAt,
                result.conversationRequested(), parts);
    }

    private static Part part(InstrumentResult result, Instruments instruments) {
        Instrument instrument = instruments.byId(result.instrumentId()).orElse(null);
        if (instrument == null) {
            return new Part(result.instrumentId(), null, null, result.scores(), List.of());
        }
        List<Answer> answers = instrument.items().stream().filter(item -> result.answers().containsKey(item.id()))
                .map(item -> {
                    int value = result.answers().get(item.id());
                    String chosen = item.labels().isEmpty() ? String.valueOf(value) : item.labels().get(value - item.min());
                    return new Answer(item.text(), chosen);
                }).toList();
        return new Part(instrument.title(), instrument.note(), instrument.credit(), result.scores(), answers);
    }
}
