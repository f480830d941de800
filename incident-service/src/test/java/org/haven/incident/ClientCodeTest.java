package org.haven.incident;

import org.haven.incident.domain.ClientCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"Maria", "MARIA", "maria", "JOSE-LUIS", "Jose-Luis", "C-MARIA", "C-JOSELUIS", "MARIA LOPEZ",
            "C-7F3K", "c-7f3kw", "C-7F3KW ", "C-7F3KP", "C-F73KW", "C-", "C-7F3W", "C-7F3K2X9DPQ"})
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
    void everySwapOfTwoCharactersFailsTheCheck() {
        String code = ClientCodes.of("swapped");
        for (int i = ClientCode.PREFIX.length(); i < code.length(); i++) {
            for (int j = i + 1; j < code.length(); j++) {
                if (code.charAt(i) != code.charAt(j)) {
                    char[] swapped = code.toCharArray();
                    swapped[i] = code.charAt(j);
                    swapped[j] = code.charAt(i);
                    assertThat(ClientCode.isValid(new String(swapped))).as(new String(swapped)).isFalse();
                }
            }
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
