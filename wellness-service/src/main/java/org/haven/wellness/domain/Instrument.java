package org.haven.wellness.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A self-report questionnaire as data: its items with their response scale, its subscales (which
 * items they sum, which of those are reverse-scored) and the cut scores that name a subscale's band.
 * A validated instrument is reproduced exactly as published, with its author credited in {@code credit}.
 */
public record Instrument(String id, String title, String credit, String note, List<Item> items, List<Subscale> subscales) {

    public Instrument {
        items = List.copyOf(items);
        subscales = subscales == null ? List.of() : List.copyOf(subscales);
        Set<String> itemIds = new HashSet<>();
        for (Item item : items) {
            if (!itemIds.add(item.id())) {
                throw new IllegalArgumentException("instrument " + id + " repeats item " + item.id());
            }
        }
        for (Subscale subscale : subscales) {
            if (!itemIds.containsAll(subscale.items()) || !subscale.items().containsAll(subscale.reverseScored())) {
                throw new IllegalArgumentException("subscale " + subscale.id() + " of " + id + " names unknown items");
            }
        }
    }

    /** One question, answered with a whole number from {@code min} to {@code max}; {@code labels} name each value. */
    public record Item(String id, String text, int min, int max, List<String> labels) {

        public Item {
            if (max <= min) {
                throw new IllegalArgumentException("item " + id + " has no range");
            }
            labels = labels == null ? List.of() : List.copyOf(labels);
            if (!labels.isEmpty() && labels.size() != max - min + 1) {
                throw new IllegalArgumentException("item " + id + " must label each of its " + (max - min + 1) + " values");
            }
        }

        /** The value a reverse-scored answer counts as: the lowest answer counts as the highest and so on. */
        int reversed(int answer) {
            return min + max - answer;
        }
    }

    /** A sum over some items; its band is the first whose {@code upTo} is not below the sum. */
    public record Subscale(String id, String title, List<String> items, List<String> reverseScored, List<Band> bands) {

        public Subscale {
            items = List.copyOf(items);
            reverseScored = reverseScored == null ? List.of() : List.copyOf(reverseScored);
            bands = bands == null ? List.of() : List.copyOf(bands);
        }
    }

    /** A named range of subscale scores ending at {@code upTo} (inclusive). */
    public record Band(int upTo, String label) {
    }

    /** The score of one subscale and the band it falls in (null when the instrument names no bands). */
    public record Score(String subscale, String title, int score, int min, int max, String band) {
    }

    /**
     * Checks that every item is answered once within its range and nothing else is answered.
     *
     * @return the problems found, empty when the answers are complete
     */
    public List<String> problemsWith(Map<String, Integer> answers) {
        List<String> problems = new ArrayList<>();
        for (Item item : items) {
            Integer answer = answers.get(item.id());
            if (answer == null) {
                problems.add(id + "." + item.id() + " is not answered");
            } else if (answer < item.min() || answer > item.max()) {
                problems.add(id + "." + item.id() + " must be from " + item.min() + " to " + item.max());
            }
        }
        answers.keySet().stream().filter(key -> items.stream().noneMatch(item -> item.id().equals(key)))
                .forEach(key -> problems.add(id + "." + key + " is not an item of " + id));
        return problems;
    }

    /** Scores complete answers (see {@link #problemsWith}) per subscale, as the instrument's manual does: sums. */
    public List<Score> score(Map<String, Integer> answers) {
        List<String> problems = problemsWith(answers);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Map<String, Item> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        List<Score> scores = new ArrayList<>();
        for (Subscale subscale : subscales) {
            int sum = 0;
            int min = 0;
            int max = 0;
            for (String itemId : subscale.items()) {
                Item item = byId.get(itemId);
                int answer = answers.get(itemId);
                sum += subscale.reverseScored().contains(itemId) ? item.reversed(answer) : answer;
                min += item.min();
                max += item.max();
            }
            scores.add(new Score(subscale.id(), subscale.title(), sum, min, max, bandOf(subscale, sum)));
        }
        return scores;
    }

    private static String bandOf(Subscale subscale, int score) {
        return subscale.bands().stream().filter(band -> score <= band.upTo()).map(Band::label).findFirst().orElse(null);
    }
}
