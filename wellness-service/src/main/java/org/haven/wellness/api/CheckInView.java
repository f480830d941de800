package org.haven.wellness.api;

import org.haven.wellness.domain.Instrument;
import org.haven.wellness.domain.Instruments;
import org.haven.wellness.domain.SelfCheckIns;
import org.haven.wellness.domain.SupportOptions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A check-in as its owner, and only its owner, sees it: their answers, their result, their support options. */
public record CheckInView(
        UUID id,
        UUID followUpId,
        Instant submittedAt,
        List<Result> results,
        boolean conversationRequested,
        List<SupportOptions.Option> supportOptions) {

    public record Result(String instrumentId, String title, String credit, String note, Map<String, Integer> answers,
                         List<Instrument.Score> scores) {
    }

    static CheckInView of(SelfCheckIns.Result result, Instruments instruments, SupportOptions support) {
        List<Result> results = result.results().stream().map(r -> {
            Instrument instrument = instruments.byId(r.instrumentId()).orElse(null);
            return new Result(r.instrumentId(), instrument == null ? r.instrumentId() : instrument.title(),
                    instrument == null ? null : instrument.credit(), instrument == null ? null : instrument.note(),
                    r.answers(), r.scores());
        }).toList();
        return new CheckInView(result.checkIn().id, result.checkIn().followUpId, result.checkIn().submittedAt, results,
                result.conversationRequested(), support.all());
    }
}
