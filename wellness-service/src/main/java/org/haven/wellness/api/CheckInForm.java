package org.haven.wellness.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import org.haven.wellness.domain.Instrument;
import org.haven.wellness.domain.Instruments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self check-in as an HTML form: one radio group per item, named {@code <instrument>.<item>}. The
 * required instrument comes first; an optional one counts only if the person answered some of it.
 */
public record CheckInForm(List<Section> sections) {

    public record Section(String id, String title, String note, String credit, boolean required, List<Question> questions) {
    }

    public record Question(String name, String fieldId, String text, List<Choice> choices) {
    }

    public record Choice(String value, String label, String inputId) {
    }

    static CheckInForm of(Instruments instruments) {
        List<Section> sections = new ArrayList<>();
        for (Instrument instrument : instruments.all()) {
            boolean required = instrument.id().equals(instruments.required().id());
            List<Question> questions = instrument.items().stream().map(item -> {
                String name = instrument.id() + "." + item.id();
                String fieldId = "q-" + name.replaceAll("[^A-Za-z0-9-]", "-");
                List<Choice> choices = new ArrayList<>();
                for (int value = item.min(); value <= item.max(); value++) {
                    String label = item.labels().isEmpty() ? String.valueOf(value) : item.labels().get(value - item.min());
                    choices.add(new Choice(String.valueOf(value), label, fieldId + "-" + value));
                }
                return new Question(name, fieldId, item.text(), choices);
            }).toList();
            sections.add(new Section(instrument.id(), instrument.title(), instrument.note(), instrument.credit(), required, questions));
        }
        return new CheckInForm(sections);
    }

    /** The answers the form carries, per instrument; a value that is not a whole number is refused. */
    static Map<String, Map<String, Integer>> answersFrom(MultivaluedMap<String, String> form, Instruments instruments) {
        Map<String, Map<String, Integer>> answers = new LinkedHashMap<>();
        for (Instrument instrument : instruments.all()) {
            String prefix = instrument.id() + ".";
            Map<String, Integer> given = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> field : form.entrySet()) {
                if (!field.getKey().startsWith(prefix) || field.getValue().isEmpty() || field.getValue().get(0).isBlank()) {
                    continue;
                }
                try {
                    given.put(field.getKey().substring(prefix.length()), Integer.valueOf(field.getValue().get(0).trim()));
                } catch (NumberFormatException e) {
                    throw new BadRequestException(field.getKey() + " must be one of the offered answers");
                }
            }
            if (!given.isEmpty() || instrument.id().equals(instruments.required().id())) {
                answers.put(instrument.id(), given);
            }
        }
        return answers;
    }
}
