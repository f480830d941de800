package org.haven.wellness;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.haven.wellness.domain.Instrument;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The instrument mechanism against worked examples. The 30-item structure below is ProQOL 5's scoring
 * structure (three 10-item subscales on a 1-5 scale, burnout items 1, 4, 15, 17 and 29 reverse-scored,
 * sums cut at 22 and 41) with placeholder item text: Haven does not ship the ProQOL wording.
 */
class InstrumentScoringTest {

    static final List<String> COMPASSION_SATISFACTION = ids(3, 6, 12, 16, 18, 20, 22, 24, 27, 30);
    static final List<String> BURNOUT = ids(1, 4, 8, 10, 15, 17, 19, 21, 26, 29);
    static final List<String> SECONDARY_TRAUMATIC_STRESS = ids(2, 5, 7, 9, 11, 13, 14, 23, 25, 28);
    static final List<Instrument.Band> CUTS = List.of(new Instrument.Band(22, "low"), new Instrument.Band(41, "moderate"),
            new Instrument.Band(50, "high"));

    static final Instrument STRUCTURE = new Instrument("structure", "ProQOL 5 structure", "placeholder", null,
            IntStream.rangeClosed(1, 30).mapToObj(n -> new Instrument.Item(String.valueOf(n), "item " + n, 1, 5, null)).toList(),
            List.of(new Instrument.Subscale("cs", "Compassion satisfaction", COMPASSION_SATISFACTION, List.of(), CUTS),
                    new Instrument.Subscale("bo", "Burnout", BURNOUT, ids(1, 4, 15, 17, 29), CUTS),
                    new Instrument.Subscale("sts", "Secondary traumatic stress", SECONDARY_TRAUMATIC_STRESS, List.of(), CUTS)));

    @Test
    void allMiddleAnswersScoreThirtyOnEachSubscale() {
        assertThat(STRUCTURE.score(answers(n -> 3))).extracting(Instrument.Score::subscale, Instrument.Score::score, Instrument.Score::band)
                .containsExactly(tuple("cs", 30, "moderate"), tuple("bo", 30, "moderate"), tuple("sts", 30, "moderate"));
    }

    @Test
    void reverseScoredBurnoutItemsCountTheOtherWay() {
        // Everything 1: burnout = five plain items at 1 + five reversed items counted as 5 = 30.
        assertThat(STRUCTURE.score(answers(n -> 1))).extracting(Instrument.Score::score, Instrument.Score::band)
                .containsExactly(tuple(10, "low"), tuple(30, "moderate"), tuple(10, "low"));
        // Reversed items answered 1 and the rest 5: burnout at its maximum, 50.
        List<String> reversed = ids(1, 4, 15, 17, 29);
        assertThat(STRUCTURE.score(answers(n -> reversed.contains(String.valueOf(n)) ? 1 : 5)))
                .extracting(Instrument.Score::score, Instrument.Score::band)
                .containsExactly(tuple(50, "high"), tuple(50, "high"), tuple(50, "high"));
    }

    @Test
    void cutScoresSeparateLowModerateAndHighAt22And42() {
        assertThat(bandOfCompassionSatisfaction(22)).isEqualTo("low");
        assertThat(bandOfCompassionSatisfaction(23)).isEqualTo("moderate");
        assertThat(bandOfCompassionSatisfaction(41)).isEqualTo("moderate");
        assertThat(bandOfCompassionSatisfaction(42)).isEqualTo("high");
    }

    @Test
    void incompleteOrOutOfRangeAnswersAreRefused() {
        Map<String, Integer> answers = answers(n -> 3);
        answers.remove("7");
        answers.put("8", 6);
        answers.put("31", 1);
        assertThat(STRUCTURE.problemsWith(answers))
                .containsExactlyInAnyOrder("structure.7 is not answered", "structure.8 must be from 1 to 5", "structure.31 is not an item of structure");
        assertThatThrownBy(() -> STRUCTURE.score(answers)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedWellbeingCheckIsAValidInstrument() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("instruments/wellbeing-check.json")) {
            Instrument check = new ObjectMapper().readValue(in, Instrument.class);
            assertThat(check.score(Map.of("sleep", 4, "intrusive-thoughts", 4, "support-wanted", 1)))
                    .extracting(Instrument.Score::subscale, Instrument.Score::score, Instrument.Score::max, Instrument.Score::band)
                    .containsExactly(tuple("strain", 8, 8, "a lot"), tuple("support-wanted", 1, 2, "not sure"));
        }
    }

    /** Answers giving compassion satisfaction exactly {@code total} (10..50), everything else 3. */
    private static String bandOfCompassionSatisfaction(int total) {
        Map<String, Integer> answers = answers(n -> 3);
        int remaining = total;
        for (int i = 0; i < COMPASSION_SATISFACTION.size(); i++) {
            int left = COMPASSION_SATISFACTION.size() - i - 1;
            int value = Math.max(1, Math.min(5, remaining - left));
            answers.put(COMPASSION_SATISFACTION.get(i), value);
            remaining -= value;
        }
        Instrument.Score cs = STRUCTURE.score(answers).get(0);
        assertThat(cs.score()).isEqualTo(total);
        return cs.band();
    }

    private static Map<String, Integer> answers(java.util.function.IntUnaryOperator value) {
        Map<String, Integer> answers = new HashMap<>();
        IntStream.rangeClosed(1, 30).forEach(n -> answers.put(String.valueOf(n), value.applyAsInt(n)));
        return answers;
    }

    private static List<String> ids(int... numbers) {
        return IntStream.of(numbers).mapToObj(String::valueOf).toList();
    }
}
