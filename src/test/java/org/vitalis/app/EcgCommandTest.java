package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ecg.format.EcgFiles;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.format.WfdbWriter;

class EcgCommandTest {
    private static EcgRecord twoLeads() {
        int n = 2500;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = (int) Math.round(400 * Math.sin(i / 20.0)) + (i % 250 == 0 ? 900 : 0);
            b[i] = -a[i] / 2 + 7;
        }
        return new EcgRecord("demo", Instant.parse("2026-11-24T09:30:00Z"), 250,
                List.of(new EcgLead("II", a, 200, 0, "mV"), new EcgLead("V5", b, 200, 0, "mV")), List.of(), List.of());
    }

    @Test
    void convertsThroughEveryWritableFormatWithoutChangingASample(@TempDir Path dir) throws Exception {
        EcgRecord original = twoLeads();
        WfdbWriter.write(original, dir, "demo");
        Path previous = dir.resolve("demo.hea");
        for (String target : List.of("a.edf", "b.xml", "c.json", "d.hea")) {
            Path out = dir.resolve(target);
            var r = CommandLineTest.run("ecg", "convert", previous.toString(), out.toString(), "--patient", "Patient/7");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("2 leads, 250 Hz, 10.0 s");
            EcgRecord back = EcgFiles.read(out, ZoneOffset.UTC);
            for (int l = 0; l < 2; l++) {
                for (int i = 0; i < original.sampleCount(); i++) {
                    assertThat(back.leads().get(l).microvolts(i)).isCloseTo(original.leads().get(l).microvolts(i),
                            org.assertj.core.data.Offset.offset(1e-6));
                }
            }
            previous = out;
        }
    }

    @Test
    void convertsTheSharedScpAndDicomFilesToEdf(@TempDir Path dir) throws Exception {
        Path formats = org.vitalis.ecg.SharedData.require("ecg-formats");
        Path dicom = org.vitalis.ecg.SharedData.require("dicom");
        var scp = CommandLineTest.run("ecg", "convert", formats.resolve("scp-ecg/test.scp").toString(),
                dir.resolve("scp.edf").toString());
        assertThat(scp.code()).as(scp.err()).isZero();
        assertThat(scp.out()).contains("8 leads, 500 Hz, 10.0 s");
        var dcm = CommandLineTest.run("ecg", "convert", dicom.resolve("waveform_ecg.dcm").toString(),
                dir.resolve("dcm.xml").toString());
        assertThat(dcm.code()).as(dcm.err()).isZero();
        assertThat(dcm.out()).contains("12 leads, 1000 Hz, 10.0 s");
    }

    @Test
    void badInputGivesOneClearLine(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.edf");
        Files.writeString(junk, "this is not an EDF file at all");
        var r = CommandLineTest.run("ecg", "convert", junk.toString(), dir.resolve("x.xml").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("vitalis: ").contains("junk.edf").doesNotContain("Exception");

        var unknown = CommandLineTest.run("ecg", "convert", junk.toString(), dir.resolve("x.pdf").toString());
        assertThat(unknown.code()).isEqualTo(1);

        WfdbWriter.write(twoLeads(), dir, "demo");
        var noPatient = CommandLineTest.run("ecg", "convert", dir.resolve("demo.hea").toString(), dir.resolve("o.json").toString());
        assertThat(noPatient.code()).isEqualTo(1);
        assertThat(noPatient.err()).contains("--patient");
        var missing = CommandLineTest.run("ecg", "convert", dir.resolve("nope.edf").toString(), dir.resolve("o.xml").toString());
        assertThat(missing.err()).contains("no such file");
    }
}
