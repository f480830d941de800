package org.haven.incident;

import org.haven.incident.domain.ClientCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"Maria", "MARIA", "maria", "JOSE-LUIS", "Jose-Luis", "C-MARIA", "C-JOSELUIS", "MARIA LOPEZ",
            "C-7F3K", "c-7f3kp", "C-7F3KP ", "C-", "C-7F3P", "C-7F3K2X9DPQ"})
    void namesAndMalformedCodesAreNotClientCodes(String value) {
        assertThat(ClientCode.isValid(value)).isFalse();
    }

    @Test
    void theDocumentedExampleAndEveryIssuedCodeAreValid() {
        assertThat(ClientCode.isValid(ClientCode.EXAMPLE)).isTrue();
        assertThat(ClientCode.issue("7F3K")).isEqualTo(ClientCode.EXAMPLE);
        for (String tag : new String[] {"a", "run-42", "0c3b7e8f", "Maria", "JOSE-LUIS"}) {
            assertThat(ClientCodes.of(tag)).matches("C-[" + ClientCode.ALPHABET + "]{5,9}").satisfies(code ->
                    assertThat(ClientCode.isValid(code)).isTrue());
        }
    }

    @Test
    void everySingleMistypedCharacterFailsTheCheck() {
        String code = ClientCodes.of("mistype");
        for (int position = ClientCode.PREFIX.length(); position < code.length(); position++) {
            for (char other : ClientCode.ALPHABET.toCharArray()) {
                if (other != code.charAt(position)) {
                    String mistyped = code.substring(0, position) + other + code.substring(position + 1);
                    assertThat(ClientCode.isValid(mistyped)).as(mistyped).isFalse();
                }
            }
        }
    }
}
