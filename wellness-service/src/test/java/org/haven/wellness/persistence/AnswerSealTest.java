package org.haven.wellness.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.haven.wellness.config.WellnessConfig;
import org.haven.wellness.domain.Instrument;
import org.haven.wellness.domain.InstrumentResult;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerSealTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final List<InstrumentResult> RESULTS = List.of(new InstrumentResult("wellbeing-check", Map.of("sleep", 3),
            List.of(new Instrument.Score("strain", "Strain", 3, 0, 8, "some"))));
    static final List<String> PRODUCTION = List.of("prod");
    static final List<String> LOCAL_RUN = List.of("prod", "local");

    @Test
    void sealedResultsOpenOnlyForTheSameCheckInAndOwner() {
        AnswerSeal seal = inProfiles(PRODUCTION, () -> seal(KEY));
        UUID checkIn = UUID.randomUUID();
        byte[] sealed = seal.seal(checkIn, "staff-ana", RESULTS);

        assertThat(seal.open(checkIn, "staff-ana", sealed)).isEqualTo(RESULTS);
        assertThatThrownBy(() -> seal.open(checkIn, "staff-ben", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open(UUID.randomUUID(), "staff-ana", sealed)).isInstanceOf(IllegalStateException.class);
        String otherKey = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
        assertThatThrownBy(() -> inProfiles(PRODUCTION, () -> seal(otherKey)).open(checkIn, "staff-ana", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyProductionRefusesToStart() {
        for (String missing : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> inProfiles(PRODUCTION, () -> seal(missing)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("WELLNESS_ANSWERS_KEY) is not set")
                    .hasMessageContaining("only in the dev, test and local profiles; active profiles: [prod]");
        }
        assertThatThrownBy(() -> inProfiles(List.of("prod", "staging"), () -> seal(null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyTheLocalRunDevAndTestsSealWithTheDemoKey() {
        UUID checkIn = UUID.randomUUID();
        byte[] sealed = inProfiles(LOCAL_RUN, () -> seal(null)).seal(checkIn, "staff-ana", RESULTS);
        for (List<String> profiles : List.of(List.of("dev"), List.of("test"), LOCAL_RUN)) {
            assertThat(inProfiles(profiles, () -> seal(null)).open(checkIn, "staff-ana", sealed)).isEqualTo(RESULTS);
        }
        assertThat(inProfiles(LOCAL_RUN, () -> seal(AnswerSeal.DEMO_KEY)).open(checkIn, "staff-ana", sealed)).isEqualTo(RESULTS);
    }

    @Test
    void aKeyPublishedInTheRepositoryIsRefusedInProduction() {
        for (String published : List.of(AnswerSeal.DEMO_KEY, "ZGV2LW9ubHkta2V5LWZvci1oYXZlbi13ZWxsbmVzcyE=",
                "dGVzdC1vbmx5LWtleS1mb3ItaGF2ZW4td2VsbG5lc3M=", " " + AnswerSeal.DEMO_KEY + "\n")) {
            assertThatThrownBy(() -> inProfiles(PRODUCTION, () -> seal(published)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("published")
                    .hasMessageContaining("allowed only in the dev, test and local profiles");
        }
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> inProfiles(PRODUCTION, () -> seal(Base64.getEncoder().encodeToString(new byte[16]))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    private static AnswerSeal seal(String key) {
        return new AnswerSeal(config(key), new ObjectMapper());
    }

    /**
     * Runs {@code action} where {@link org.haven.messaging.LaunchProfile} sees exactly {@code profiles}: a configuration
     * of its own, registered for a class loader of its own, so nothing else in this JVM sees it.
     */
    private static <T> T inProfiles(List<String> profiles, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader isolated = new URLClassLoader(new URL[0], previous);
        Config config = new SmallRyeConfigBuilder().withProfiles(profiles).build();
        ConfigProviderResolver.instance().registerConfig(config, isolated);
        thread.setContextClassLoader(isolated);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
            ConfigProviderResolver.instance().releaseConfig(config);
        }
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
