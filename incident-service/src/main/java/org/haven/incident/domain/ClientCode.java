package org.haven.incident.domain;

/**
 * The pseudonymous code a program issues to a client, the only way a report may name one: {@code C-}, then 4 to 8
 * characters of an alphabet with no vowels and no lookalikes (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B), then a check
 * character over them. A name cannot be one, in any case ("Maria", "MARIA", "JOSE-LUIS"): it has vowels, no
 * {@code C-}, and would have to hit the check character too; a mistyped code fails the check instead of naming
 * the wrong client.
 *
 * <p>The check is a position-weighted sum mod 23, as ISBN-10's is mod 11: the character {@code p}-th from the
 * right (the check character is 1st) weighs {@code p}, and the weighted values of a valid code sum to 0 mod 23.
 * 23 is prime and every weight (1 to 9) differs, so every single mistyped character and every swap of two
 * characters is caught. (Luhn mod N would not do here: its doubling is not one-to-one for an odd N.)
 */
public final class ClientCode {

    /** 8 digits and 15 consonants: 23 characters, a prime modulus for the check. */
    public static final String ALPHABET = "23456789CDFHJKMNPQRTVWX";
    public static final String PREFIX = "C-";
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 8;
    /** A valid code, for hints and documentation. */
    public static final String EXAMPLE = "C-7F3KW";
    public static final String MESSAGE = "must be a client code as the program issues it: C- then 4 to 8 of "
            + ALPHABET + " and a check character (e.g. " + EXAMPLE + "), never a name";

    private static final int N = ALPHABET.length();

    private ClientCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || !code.startsWith(PREFIX)) {
            return false;
        }
        String checked = code.substring(PREFIX.length());
        if (checked.length() < MIN_LENGTH + 1 || checked.length() > MAX_LENGTH + 1) {
            return false;
        }
        for (int i = 0; i < checked.length(); i++) {
            if (ALPHABET.indexOf(checked.charAt(i)) < 0) {
                return false;
            }
        }
        return weightedSum(checked, 1) % N == 0;
    }

    /** The issued code for {@code body} (4 to 8 characters of {@link #ALPHABET}): prefix, body and check character. */
    public static String issue(String body) {
        if (body == null || body.length() < MIN_LENGTH || body.length() > MAX_LENGTH
                || body.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new IllegalArgumentException("a client code's body is " + MIN_LENGTH + " to " + MAX_LENGTH + " of " + ALPHABET);
        }
        return PREFIX + body + ALPHABET.charAt((N - weightedSum(body, 2) % N) % N);
    }

    /** Each character's value times its weight, the last character weighing {@code lastWeight}, the one before it one more. */
    private static int weightedSum(String characters, int lastWeight) {
        int sum = 0;
        int weight = lastWeight;
        for (int i = characters.length() - 1; i >= 0; i--, weight++) {
            sum += weight * ALPHABET.indexOf(characters.charAt(i));
        }
        return sum;
    }
}
