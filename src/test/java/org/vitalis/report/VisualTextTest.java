package org.vitalis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VisualTextTest {

    @Test
    void latinTextIsUntouched() {
        assertThat(VisualText.of("QTc Fridericia: 421 ms (median beat)")).isEqualTo("QTc Fridericia: 421 ms (median beat)");
    }

    @Test
    void lettersTakeTheirContextualFormsAndLamAlefBecomesOneLigature() {
        // سلامة: seen initial, lam-alef final (lam joined to seen), meem initial (alef does not join forward), teh marbuta final
        assertThat(ArabicShaping.shape("سلامة")).isEqualTo("\uFEB3\uFEFC\uFEE3\uFE94");
        // محمد: meem initial, hah medial, meem medial, dal final
        assertThat(ArabicShaping.shape("محمد")).isEqualTo("\uFEE3\uFEA4\uFEE4\uFEAA");
        // a lone letter, and hamza which never joins
        assertThat(ArabicShaping.shape("ب")).isEqualTo("\uFE8F");
        assertThat(ArabicShaping.shape("بءب")).isEqualTo("\uFE8F\uFE80\uFE8F");
        // harakat are transparent: the letters around a fatha still join
        assertThat(ArabicShaping.shape("بَب")).isEqualTo("\uFE91\u064E\uFE90");
    }

    @Test
    void rightToLeftRunsAreReversedForDrawingAndNumbersStayReadable() {
        assertThat(VisualText.of("سلامة")).isEqualTo("\uFE94\uFEE3\uFEFC\uFEB3");
        // an Arabic word in an English line keeps the line's order around it
        assertThat(VisualText.of("Name: محمد, MRN 42")).isEqualTo("Name: \uFEAA\uFEE4\uFEA4\uFEE3, MRN 42");
        // digits inside Arabic text read left to right
        assertThat(VisualText.of("محمد 42")).isEqualTo("42 \uFEAA\uFEE4\uFEA4\uFEE3");
        // a mark follows its base in drawing order
        assertThat(VisualText.of("بَب")).isEqualTo("\uFE90\uFE91\u064E");
    }

    /** Whatever is shaped decomposes back (NFKC) to the letters it came from: nothing is lost or invented. */
    @Test
    void shapingIsUndoneByCompatibilityDecompositionForRandomArabicText() {
        String alphabet = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگیـ ًٌَُِّ";
        Random random = new Random(20261124L);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            String shaped = ArabicShaping.shape(text);
            assertThat(Normalizer.normalize(shaped, Normalizer.Form.NFKC))
                    .as("NFKC(shape(%s))", text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFKC));
            assertThat(VisualText.of(text)).hasSize(shaped.length());
        }
    }
}
