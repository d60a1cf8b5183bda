package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.format.TextMutations;

/**
 * The stored quality report's reader on seeds and seeded random mutations (Jazzer cannot instrument Java 25 classes,
 * so the campaign runs as plain JUnit): it reads a report or refuses with IllegalArgumentException, never anything
 * else, and what it reads writes back to the same report.
 */
class LesionQualityJsonFuzzTest {
    private static boolean read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        LesionQuality q;
        try {
            q = LesionQualityJson.read(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return false;
        }
        assertThat(LesionQualityJson.read(LesionQualityJson.write(q))).isEqualTo(q);
        return true;
    }

    @Test
    void seedsAndMutantsReadOrAreRefusedWithASentence() throws Exception {
        TextMutations.campaign(LesionQualityJsonFuzzTest.class, new String[] {"passed.json", "blurred.json",
                "empty-object.json"}, "{}[]\":,0123456789.-truefalsnul", LesionQualityJsonFuzzTest::read);
    }

    @Test
    void writesAndReadsBackEveryField() {
        LesionQuality q = new LesionQuality(List.of(new LesionQuality.Check("TOO_SMALL", false, 180, 224,
                "The lesion fills too little of the picture: move closer."),
                new LesionQuality.Check("OVEREXPOSED", true, Double.NaN, 0.05, "")));
        LesionQuality back = LesionQualityJson.read(LesionQualityJson.write(q));
        assertThat(back.checks().getFirst()).isEqualTo(q.checks().getFirst());
        assertThat(back.checks().get(1).value()).isNaN();
        assertThat(back.passed()).isFalse();
    }

    @Test
    void refusesWhatIsNotAReport() {
        for (String bad : new String[] {null, "", "[]", "{\"format\":2,\"checks\":[]}", "{\"format\":1}",
                "{\"format\":1,\"checks\":[{\"kind\":\"BLUR\"}]}", "{\"format\":1,\"checks\":[{\"kind\":\"\","
                        + "\"passed\":true,\"sentence\":\"\"}]}", "{\"format\":1,\"checks\":[{\"kind\":\"BLUR\","
                        + "\"passed\":true,\"value\":\"high\",\"sentence\":\"\"}]}"}) {
            assertThatThrownBy(() -> LesionQualityJson.read(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
