package org.haven.wellness.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.haven.wellness.config.WellnessConfig;
import org.haven.wellness.domain.Instrument;
import org.haven.wellness.domain.InstrumentResult;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerSealTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final List<InstrumentResult> RESULTS = List.of(new InstrumentResult("wellbeing-check", Map.of("sleep", 3),
            List.of(new Instrument.Score("strain", "Strain", 3, 0, 8, "some"))));

    @Test
    void sealedResultsOpenOnlyForTheSameCheckInAndOwner() {
        AnswerSeal seal = new AnswerSeal(config(KEY), "none", new ObjectMapper());
        UUID checkIn = UUID.randomUUID();
        byte[] sealed = seal.seal(checkIn, "staff-ana", RESULTS);

        assertThat(seal.open(checkIn, "staff-ana", sealed)).isEqualTo(RESULTS);
        assertThatThrownBy(() -> seal.open(checkIn, "staff-ben", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open(UUID.randomUUID(), "staff-ana", sealed)).isInstanceOf(IllegalStateException.class);
        String otherKey = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
        assertThatThrownBy(() -> new AnswerSeal(config(otherKey), "none", new ObjectMapper()).open(checkIn, "staff-ana", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyTheServiceRefusesToStartExceptInTheLocalDemo() {
        assertThatThrownBy(() -> new AnswerSeal(config(null), "none", new ObjectMapper()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WELLNESS_ANSWERS_KEY");
        assertThatThrownBy(() -> new AnswerSeal(config(""), "none", new ObjectMapper())).isInstanceOf(IllegalStateException.class);
        AnswerSeal demo = new AnswerSeal(config(null), "demo", new ObjectMapper());
        UUID checkIn = UUID.randomUUID();
        assertThat(demo.open(checkIn, "staff-ana", demo.seal(checkIn, "staff-ana", RESULTS))).isEqualTo(RESULTS);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new AnswerSeal(config(Base64.getEncoder().encodeToString(new byte[16])), "none", new ObjectMapper()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    /** A configuration whose only answer is the answers key. */
    private static WellnessConfig config(String key) {
        WellnessConfig.Answers answers = () -> Optional.ofNullable(key);
        return (WellnessConfig) Proxy.newProxyInstance(WellnessConfig.class.getClassLoader(), new Class<?>[]{WellnessConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("answers")) {
                        return answers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
