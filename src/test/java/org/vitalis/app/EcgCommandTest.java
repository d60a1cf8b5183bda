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
    void analyzePrintsTheSummaryAndWritesBeatsAsWfdbAnnotationsAndCsv(@TempDir Path dir) throws Exception {
        Path record = org.vitalis.ecg.SharedData.require("ecg-formats/wfdb-100s").resolve("100s");
        Path atr = dir.resolve("100s.qrs");
        Path csv = dir.resolve("beats.csv");
        var r = CommandLineTest.run("ecg", "analyze", record.toString(), "--annotations", atr.toString(), "--csv",
                csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Record 100s: 2 leads (MLII, V5), 360 Hz, 60.0 s")
                .containsPattern("Beats: 7[3-5] detected")
                .contains("QRS duration").contains("[LOINC 8633-0]").contains("Algorithm: vitalis-ecg-analysis/");
        var beats = org.vitalis.ecg.format.MitAnnotations.read(atr);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("sample,time_s,label");
        assertThat(lines).hasSize(beats.size() + 1);
        String[] first = lines.get(1).split(",");
        assertThat(Long.parseLong(first[0])).isEqualTo(beats.get(0).sample());
        assertThat(Double.parseDouble(first[1])).isCloseTo(beats.get(0).sample() / 360.0,
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(first[2]).isEqualTo("N");
    }

    @Test
    void analyzeWorksWithoutSharedDataOnAWrittenRecordAndRefusesARateOutOfRange(@TempDir Path dir) throws Exception {
        WfdbWriter.write(twoLeads(), dir, "demo");
        var r = CommandLineTest.run("ecg", "analyze", dir.resolve("demo").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Record demo: 2 leads (II, V5), 250 Hz, 10.0 s").contains("Decision support");
        EcgRecord slow = new EcgRecord("slow", null, 50, twoLeads().leads(), List.of(), List.of());
        WfdbWriter.write(slow, dir, "slow");
        var refused = CommandLineTest.run("ecg", "analyze", dir.resolve("slow.hea").toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("sampling frequency").doesNotContain("\tat ");
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

    @Test
    void reportWritesThePdfOfARecordWithTheSummarysRhythmWording(@TempDir Path dir) throws Exception {
        WfdbWriter.write(twoLeads(), dir, "demo");
        Path pdf = dir.resolve("demo.pdf");
        Path station = dir.resolve("station");
        Files.createDirectories(station);
        Files.writeString(station.resolve("vitalis.properties"), "workstation.name=ecg-desk-3\n");
        var r = CommandLineTest.run("ecg", "report", "--data-dir", station.toString(), dir.resolve("demo").toString(),
                pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote the ECG report of demo (2 leads, 10.0 s) to " + pdf);
        EcgRecord record = EcgFiles.read(dir.resolve("demo"), ZoneOffset.UTC);
        List<String> statements = org.vitalis.registry.EcgStatements.summary(EcgCommand.analyse(record, dir.resolve("demo")));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Recording demo").contains("Rhythm strips").contains("Unconfirmed")
                    .contains("Sampling: 250 Hz · 2 leads · 10 s").contains("Page 1 of 1")
                    .as("the station's configured workstation name").contains("ecg-desk-3");
            for (String s : statements) {
                assertThat(text).contains(s.substring(0, Math.min(25, s.length())));
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void reportOfMitBih100sHasThreePagesOfStrips(@TempDir Path dir) throws Exception {
        Path record = org.vitalis.ecg.SharedData.require("ecg-formats/wfdb-100s").resolve("100s.hea");
        Path pdf = dir.resolve("100s.pdf");
        var r = CommandLineTest.run("ecg", "report", "--data-dir", dir.resolve("station").toString(), record.toString(),
                pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
        }
    }

    @Test
    void reportRefusesBadInputWithOneClearLineAndKeepsAnExistingFile(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.edf");
        Files.writeString(junk, "this is not an EDF file at all");
        Path existing = dir.resolve("old.pdf");
        Files.writeString(existing, "an earlier report");
        var bad = CommandLineTest.run("ecg", "report", junk.toString(), existing.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(bad.err()).startsWith("vitalis: ").contains("junk.edf").doesNotContain("Exception");
        assertThat(Files.readString(existing)).isEqualTo("an earlier report");

        WfdbWriter.write(twoLeads(), dir, "demo");
        var notPdf = CommandLineTest.run("ecg", "report", dir.resolve("demo").toString(), dir.resolve("r.txt").toString());
        assertThat(notPdf.code()).isEqualTo(1);
        assertThat(notPdf.err()).contains("*.pdf").doesNotContain("\tat ");
        var noFolder = CommandLineTest.run("ecg", "report", "--data-dir", dir.resolve("station").toString(),
                dir.resolve("demo").toString(), dir.resolve("missing/r.pdf").toString());
        assertThat(noFolder.code()).isEqualTo(1);
        assertThat(noFolder.err()).contains("does not exist");
        var missing = CommandLineTest.run("ecg", "report", dir.resolve("nope.hea").toString(), dir.resolve("r.pdf").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
        assertThat(dir.resolve("r.pdf")).doesNotExist();
    }
}
