package org.haven.local;

/**
 * Client codes the services accept, for the end-to-end tests: {@code C-}, 4 to 8 characters of the alphabet
 * below and a check character (position-weighted sum mod 23), as incident-service's {@code ClientCode} checks them. A copy of that
 * rule, not a dependency: these tests talk to the packaged services over HTTP only.
 */
public final class ClientCodes {

    private static final String ALPHABET = "23456789CDFHJKMNPQRTVWX";
    private static final int N = ALPHABET.length();

    private ClientCodes() {
    }

    /** A valid code made from {@code tag} (any text), the same for the same tag. */
    public static String of(String tag) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < tag.length() && body.length() < 8; i++) {
            body.append(ALPHABET.charAt(Math.floorMod(tag.charAt(i) * 31 + i, N)));
        }
        while (body.length() < 4) {
            body.append(ALPHABET.charAt(body.length()));
        }
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--, weight++) {
            sum += weight * ALPHABET.indexOf(body.charAt(i));
        }
        return "C-" + body + ALPHABET.charAt((N - sum % N) % N);
    }
}
