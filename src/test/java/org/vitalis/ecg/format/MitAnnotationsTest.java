package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class MitAnnotationsTest {

    @Test
    void readsRecord100sLikeRdann() throws IOException {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        Path ref = SharedData.require("ecg-formats/wfdb-reference-outputs");
        byte[] bytes = Files.readAllBytes(dir.resolve("100s.atr"));
        List<Annotation> anns = MitAnnotations.read(bytes, "100s.atr");
        List<String> expected = Files.readAllLines(ref.resolve("rdann.out")).stream().filter(l -> !l.isBlank()).toList();
        assertThat(anns).hasSize(expected.size());
        for (int k = 0; k < anns.size(); k++) {
            // rdann columns: time, sample, mnemonic, subtype, chan, num, then aux after a tab
            String line = expected.get(k);
            String[] t = line.strip().split("\\s+", 7);
            Annotation a = anns.get(k);
            assertThat(a.sample()).as(line).isEqualTo(Long.parseLong(t[1]));
            assertThat(a.mnemonic()).as(line).isEqualTo(t[2]);
            assertThat(a.subtype()).as(line).isEqualTo(Integer.parseInt(t[3]));
            assertThat(a.channel()).as(line).isEqualTo(Integer.parseInt(t[4]));
            assertThat(a.num()).as(line).isEqualTo(Integer.parseInt(t[5]));
            assertThat(a.aux()).as(line).isEqualTo(t.length > 6 ? t[6] : "");
        }
        // the writer reproduces the reference file byte for byte
        assertThat(MitAnnotations.write(anns)).isEqualTo(bytes);
    }

    @Test
    void roundTripsEveryModifier() {
        List<Annotation> anns = List.of(
                new Annotation(0, AnnotationCodes.NOTQRS, 0, 0, 0, "## header"),
                new Annotation(0, AnnotationCodes.RHYTHM, 0, 0, 0, "(AFIB"),
                Annotation.of(5, AnnotationCodes.NORMAL),
                new Annotation(5, AnnotationCodes.PVC, -3, 1, 7, ""),
                new Annotation(2_000, AnnotationCodes.NOISE, 2, 1, 7, "odd"),
                new Annotation(100_000_000L, AnnotationCodes.NOTQRS, 0, 0, 0, ""),
                Annotation.of(100_000_500L, AnnotationCodes.code("?")));
        byte[] bytes = MitAnnotations.write(anns);
        assertThat(MitAnnotations.read(bytes, "mem")).containsExactlyElementsOf(anns);
    }

    @Test
    void truncatedOrInvalidFilesFailClearly() {
        byte[] ok = MitAnnotations.write(List.of(new Annotation(3000, 1, 0, 0, 0, "abc")));
        for (int cut = 0; cut < ok.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(ok, cut);
            assertThatThrownBy(() -> MitAnnotations.read(part, "cut.atr")).isInstanceOf(WfdbFormatException.class)
                    .hasMessageStartingWith("cut.atr: ");
        }
        assertThatThrownBy(() -> MitAnnotations.read(new byte[] {5, (byte) 0xF0, 0, 0}, "num.atr"))
                .hasMessageContaining("precedes any annotation");
        assertThatThrownBy(() -> MitAnnotations.read(new byte[] {1, (byte) 0xD0, 0, 0}, "t.atr"))
                .hasMessageContaining("unknown annotation type 52");
    }

    @Test
    void beatLabelsFollowEc57() {
        assertThat("NLRBAaJSVrFejnE/fQ?".chars().allMatch(c -> AnnotationCodes.isBeat(AnnotationCodes.code(Character.toString(c))))).isTrue();
        assertThat(AnnotationCodes.isBeat(AnnotationCodes.code("+"))).isFalse();
        assertThat(AnnotationCodes.isBeat(AnnotationCodes.code("~"))).isFalse();
        assertThat(AnnotationCodes.isBeat(AnnotationCodes.code("|"))).isFalse();
    }
}
