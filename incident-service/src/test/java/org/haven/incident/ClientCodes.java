package org.haven.incident;

import org.haven.incident.domain.ClientCode;

/**
 * Valid client codes for tests: {@code ClientCodes.of("any tag")} is a code as the program would issue it
 * ({@code C-} + 4 to 8 characters of {@link ClientCode#ALPHABET} + a mod-23 check character), the same
 * for the same tag.
 */
public final class ClientCodes {

    private ClientCodes() {
    }

    public static String of(String tag) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < tag.length() && body.length() < ClientCode.MAX_LENGTH; i++) {
            body.append(ClientCode.ALPHABET.charAt(Math.floorMod(tag.charAt(i) * 31 + i, ClientCode.ALPHABET.length())));
        }
        while (body.length() < ClientCode.MIN_LENGTH) {
            body.append(ClientCode.ALPHABET.charAt(body.length()));
        }
        return ClientCode.issue(body.toString());
    }
}
