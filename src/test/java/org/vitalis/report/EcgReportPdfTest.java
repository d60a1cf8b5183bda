package org.vitalis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;
import org.vitalis.ecg.format.EcgFiles;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.EcgAnalyzer;

/**
 * Real PDFs, read back: the text with PDFBox's text extractor, the geometry by rendering page 1 at 10 px/mm and
 * measuring the grid, the calibration pulse and a 1 mV step with a pixel ruler.
 */
class EcgReportPdfTest {
    private static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    private static final Instant PRINTED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Path PNG_DIR = Path.of("target", "report-png");

    static EcgAnalysis analyse(EcgRecord r) {
        List<EcgLead> leads = r.leads().stream().filter(l -> !l.unit().equals("mmHg")).toList();
        return EcgAnalyzer.analyze(leads.stream().map(EcgLead::millivolts).toArray(double[][]::new),
                leads.stream().map(EcgLead::label).toArray(String[]::new), r.samplingFrequency());
    }

    static byte[] pdf(EcgReportContent content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EcgReportPdf.write(content, out);
        return out.toByteArray();
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    private static EcgReportContent confirmedTwelveLead() {
        EcgRecord r = SyntheticEcg.twelveLead();
        return new EcgReportContent(
                Optional.of(new EcgReportContent.PatientLine("Salma Al-Khatib", "سلامة الخطيب", "000417",
                        LocalDate.of(1961, 3, 2), "female")),
                r, analyse(r), List.of("Sinus rhythm, 72 /min", "No pauses"),
                Optional.of(new EcgReportContent.Confirmation("Normal ECG. No acute changes.", "Dr. Omar Haddad",
                        Instant.parse("2026-11-24T08:40:00Z"))),
                "clinic-desk-2", PRINTED, AMMAN);
    }

    @Test
    void twelveLeadReportSaysWhoWhatAndWhoConfirmed() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf(confirmedTwelveLead()))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth() / EcgPaper.PT_PER_MM).isCloseTo(297f, offset(0.01f));
            assertThat(doc.getPage(0).getMediaBox().getHeight() / EcgPaper.PT_PER_MM).isCloseTo(210f, offset(0.01f));
            String text = text(doc);
            assertThat(text).contains("Salma Al-Khatib").contains("000417").contains("born 1961-03-02 (65 y)")
                    .contains("female").contains("12-lead ECG")
                    .contains("Source: record synthetic-12").contains("Recorded: 2026-11-24 11:15:00 (Asia/Amman)")
                    .contains("Sampling: 500 Hz · 12 leads · 10 s")
                    .contains("Printed: 2026-11-24 12:00:00 (Asia/Amman) at")
                    .containsPattern("Heart rate: 7[12] /min").containsPattern("PR: \\d+ ms").containsPattern("QRS: \\d+ ms")
                    .containsPattern("QT: \\d+ ms").containsPattern("QTc Bazett: \\d+ ms")
                    .containsPattern("QTc Fridericia: \\d+ ms")
                    .contains("Sinus rhythm, 72 /min").contains("No pauses")
                    .contains("Normal ECG. No acute changes.")
                    .contains("Confirmed by Dr. Omar Haddad at")
                    .contains("2026-11-24 11:40:00 (Asia/Amman)").contains("clinic-desk-2")
                    .contains("25 mm/s · 10 mm/mV").contains("Page 1 of 1")
                    .contains("Analysis algorithm: " + EcgAnalyzer.VERSION.substring(0, 30))
                    .doesNotContain("Unconfirmed").doesNotContain("NaN");
            for (String lead : TraceLeads.STANDARD) {
                assertThat(text).containsPattern("(?m)^" + lead + "\\b|\\s" + lead + "\\s");
            }
        }
    }

    @Test
    void theArabicNameComesBackAsLettersInReadingOrder() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf(confirmedTwelveLead()))) {
            String text = text(doc);
            assertThat(text).contains("سلامة").contains("الخطيب").doesNotContain("\uFFFD").doesNotContain("?");
        }
    }

    @Test
    void gridCalibrationPulseAndTraceAreAtTrueScale() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf(confirmedTwelveLead()))) {
            PageRuler ruler = PageRuler.render(doc, 0);
            ruler.savePng(PNG_DIR.resolve("ecg-report-12-lead.png"));
            assertGridIsInMillimetres(ruler);

            // calibration pulse of row 1: 10 mm tall, 5 mm wide, rising at its place
            Pulse pulse = Pulse.find(ruler, 0);
            assertThat(pulse.height()).as("calibration pulse height, mm").isCloseTo(10.0, offset(0.2));
            assertThat(pulse.width()).as("calibration pulse width, mm").isCloseTo(5.0, offset(0.2));
            assertThat(pulse.rise()).isCloseTo(EcgPaper.CAL_RISE, offset(0.2));
            double base = pulse.baseline();

            // V4, column 4 of row 1, is 0 mV then 1 mV from 8.75 s: the levels 10 mm apart, the step at 8.75 s
            double columnStart = EcgPaper.TRACE_LEFT + 7.5 * 25;
            double before = columnStart + 0.5 * 25;
            double after = columnStart + 2.0 * 25;
            List<Double> low = ruler.alongColumn(before, EcgPaper.rowTop(0) + 6, EcgPaper.rowTop(1), PageRuler.INK);
            List<Double> high = ruler.alongColumn(after, EcgPaper.rowTop(0) + 6, EcgPaper.rowTop(1), PageRuler.INK);
            assertThat(low).hasSize(1);
            assertThat(high).hasSize(1);
            assertThat(low.get(0) - high.get(0)).as("1 mV step, mm").isCloseTo(10.0, offset(0.2));
            List<Double> step = ruler.alongRow(base, columnStart + 1, EcgPaper.TRACE_RIGHT, PageRuler.INK);
            assertThat(step).hasSize(1);
            assertThat(step.get(0)).as("step position, mm from the page edge")
                    .isCloseTo(EcgPaper.TRACE_LEFT + SyntheticEcg.STEP_AT_S * 25, offset(0.2));
        }
    }

    /** The calibration pulse of a row, found on the page: baseline left of it, top across it, its two edges. */
    record Pulse(double baseline, double top, double rise, double fall) {
        static Pulse find(PageRuler ruler, int row) {
            double from = EcgPaper.rowTop(row) + 0.5;
            double to = EcgPaper.rowTop(row) + EcgPaper.ROW_HEIGHT - 0.5;
            List<Double> baseline = ruler.alongColumn(EcgPaper.CAL_RISE - 1.5, from, to, PageRuler.INK);
            List<Double> top = ruler.alongColumn(EcgPaper.CAL_RISE + 2.5, from, to, PageRuler.INK);
            assertThat(baseline).as("pulse baseline in row %d", row).hasSize(1);
            assertThat(top).as("pulse top in row %d", row).hasSize(1);
            List<Double> edges = ruler.alongRow((baseline.get(0) + top.get(0)) / 2, EcgPaper.GRID_LEFT,
                    EcgPaper.TRACE_LEFT - 0.5, PageRuler.INK);
            assertThat(edges).as("pulse edges in row %d", row).hasSize(2);
            return new Pulse(baseline.get(0), top.get(0), edges.get(0), edges.get(1));
        }

        double height() {
            return baseline - top;
        }

        double width() {
            return fall - rise;
        }
    }

    /** Major lines every 5 mm along a pixel row and a pixel column clear of traces and text. */
    static void assertGridIsInMillimetres(PageRuler ruler) {
        double clearRow = EcgPaper.GRID_TOP + EcgPaper.GRID_HEIGHT - 2.5;
        List<Double> vertical = ruler.alongRow(clearRow, EcgPaper.GRID_LEFT - 1, EcgPaper.GRID_LEFT + EcgPaper.GRID_WIDTH + 1,
                PageRuler.MAJOR_RED);
        assertThat(vertical).hasSize(56);
        assertSpacing(vertical, EcgPaper.GRID_LEFT);
        double clearColumn = EcgPaper.GRID_LEFT + EcgPaper.GRID_WIDTH - 2.5;
        List<Double> horizontal = ruler.alongColumn(clearColumn, EcgPaper.GRID_TOP - 1,
                EcgPaper.GRID_TOP + EcgPaper.GRID_HEIGHT + 2, PageRuler.MAJOR_RED);
        assertThat(horizontal).hasSize(29);
        assertSpacing(horizontal, EcgPaper.GRID_TOP);
    }

    private static void assertSpacing(List<Double> lines, double first) {
        assertThat(lines.get(0)).isCloseTo(first, offset(0.2));
        double mean = (lines.get(lines.size() - 1) - lines.get(0)) / (lines.size() - 1);
        assertThat(mean).as("mean major spacing, mm").isCloseTo(5.0, offset(0.01));
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i) - lines.get(i - 1)).as("major spacing %d, mm", i).isCloseTo(5.0, offset(0.2));
        }
    }

    @Test
    void unconfirmedReportSaysSoAndAbsentMeasurementsAreNotMeasurable() throws Exception {
        EcgRecord flat = new EcgRecord("flat", null, 250,
                List.of(new EcgLead("II", new int[2500], 200, 0, "mV")), List.of(), List.of());
        EcgReportContent content = new EcgReportContent(Optional.empty(), flat, analyse(flat), List.of(),
                Optional.empty(), "ws-1", PRINTED, ZoneId.of("UTC"));
        try (PDDocument doc = Loader.loadPDF(pdf(content))) {
            String text = text(doc);
            assertThat(text).contains(ReportText.UNCONFIRMED.substring(0, 20)).contains("decision support")
                    .contains("Recording flat").contains("Recorded: time not given by the source")
                    .contains("Heart rate: not measurable").contains("PR: not measurable").contains("QRS: not measurable")
                    .contains("QTc Fridericia: not measurable").contains("Rhythm strips").doesNotContain("NaN");
        }
    }

    @Test
    void mitBih100sPrintsAsTenSecondStripsOverThreePagesAtTrueScale() throws Exception {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        EcgRecord r = EcgFiles.read(dir.resolve("100s"), ZoneId.of("UTC"));
        EcgAnalysis a = analyse(r);
        EcgReportContent content = new EcgReportContent(Optional.empty(), r, a, List.of("no flags"), Optional.empty(),
                "ws-1", PRINTED, ZoneId.of("UTC"));
        try (PDDocument doc = Loader.loadPDF(pdf(content))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            String text = text(doc);
            assertThat(text).contains("Rhythm strips").contains("MLII").contains("V5").contains("0–10 s")
                    .contains("50–60 s").contains("Page 3 of 3").contains("Sampling: 360 Hz · 2 leads · 60 s")
                    .containsPattern("Heart rate: 7\\d /min").contains("Unconfirmed");
            PageRuler ruler = PageRuler.render(doc, 0);
            ruler.savePng(PNG_DIR.resolve("ecg-report-mitbih-100s.png"));
            assertGridIsInMillimetres(ruler);
            for (int row = 0; row < EcgPaper.ROWS; row++) {
                Pulse pulse = Pulse.find(ruler, row);
                assertThat(pulse.height()).as("row %d pulse height", row).isCloseTo(10.0, offset(0.2));
                assertThat(pulse.width()).as("row %d pulse width", row).isCloseTo(5.0, offset(0.2));
            }
        }
    }

    @Test
    void aTraceTallerThanItsRowIsClippedAndMarkedNotScaled() throws Exception {
        EcgRecord big = SyntheticEcg.singleLead("V2", 10, 4.0);
        EcgReportContent content = new EcgReportContent(Optional.empty(), big, analyse(big), List.of(), Optional.empty(),
                "ws-1", PRINTED, ZoneId.of("UTC"));
        try (PDDocument doc = Loader.loadPDF(pdf(content))) {
            PageRuler ruler = PageRuler.render(doc, 0);
            ruler.savePng(PNG_DIR.resolve("ecg-report-clipped.png"));
            assertThat(text(doc)).contains("V2 clipped");
            // the calibration pulse still measures 10 mm: the trace was clipped, the scale kept
            assertThat(Pulse.find(ruler, 0).height()).isCloseTo(10.0, offset(0.2));
            // the first R peak (0.4 s) would be 40 mm tall: nothing of it is drawn above the row's top
            double peakX = EcgPaper.TRACE_LEFT + 0.4 * 25;
            assertThat(ruler.alongColumn(peakX, EcgPaper.GRID_TOP - 2, EcgPaper.GRID_TOP - 0.1, PageRuler.INK)).isEmpty();
        }
    }

    @Test
    void textThatDoesNotFitItsBoxContinuesInFullOnALaterPage() throws Exception {
        EcgRecord r = SyntheticEcg.twelveLead();
        StringBuilder interpretation = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            interpretation.append("Finding ").append(i).append(": the ST segment is unremarkable in this lead group. ");
        }
        interpretation.append("\nتخطيط القلب طبيعي. Last sentence.");
        List<String> statements = new java.util.ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            statements.add("premature beat " + i + " at " + i + ".0 s (RR 520 ms after 830 ms)");
        }
        String longName = "Abdulrahman Mohammed Abdullah Al-Abdulrahman Bin Khalid Al-Hashimi Al-Qurashi Al-Makki";
        EcgReportContent content = new EcgReportContent(
                Optional.of(new EcgReportContent.PatientLine(longName, "عبد الرحمن محمد عبد الله العبد الرحمن بن خالد الهاشمي",
                        "123456789", LocalDate.of(2025, 6, 1), null)),
                r, analyse(r), statements,
                Optional.of(new EcgReportContent.Confirmation(interpretation.toString(), "Dr. Omar Haddad", PRINTED)),
                "ws-1", PRINTED, AMMAN);
        try (PDDocument doc = Loader.loadPDF(pdf(content))) {
            PageRuler.render(doc, 0).savePng(PNG_DIR.resolve("ecg-report-overflow-page1.png"));
            PageRuler.render(doc, 1).savePng(PNG_DIR.resolve("ecg-report-overflow-page2.png"));
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = text(doc);
            assertThat(text).contains("continued on page 2").contains("Page 2 of 2").contains("Report text continued")
                    .contains("Finding 40: the ST segment").contains("Last sentence").contains("تخطيط القلب طبيعي")
                    .contains("premature beat 15 at 15.0 s").contains("Confirmed by Dr. Omar Haddad")
                    .contains(longName).contains("born 2025-06-01 (17 mo)");
        }
    }

    /**
     * The parts of PDF/A-2b this writer is responsible for (no PDF/A validator is available offline to run here):
     * conformance declared in unfiltered XMP that agrees with the document information, an sRGB output intent, every
     * font embedded, a file identifier; and no patient data in the metadata.
     */
    @Test
    void documentCarriesPdfA2bMetadataOutputIntentAndEmbeddedFonts() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        EcgReportPdf.write(confirmedTwelveLead(), out);
        assertThat(closed[0]).as("the caller's stream is left open").isFalse();
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getVersion()).isEqualTo(1.7f);
            var metadata = doc.getDocumentCatalog().getMetadata();
            assertThat(metadata.getCOSObject().containsKey(COSName.FILTER)).isFalse();
            String xmp = new String(metadata.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            var info = doc.getDocumentInformation();
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>")
                    .contains("<xmp:CreateDate>2026-11-24T09:00:00Z</xmp:CreateDate>")
                    .contains(">" + info.getTitle() + "<").contains(">" + info.getProducer() + "<")
                    .contains(">" + info.getCreator() + "<").doesNotContain("Salma").doesNotContain("000417");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(PRINTED);
            var intents = doc.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.get(0).getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
            try (var icc = intents.get(0).getDestOutputIntent().createInputStream()) {
                assertThat(icc.readAllBytes()).hasSizeGreaterThan(128);
            }
            var resources = doc.getPage(0).getResources();
            int fonts = 0;
            for (COSName name : resources.getFontNames()) {
                assertThat(resources.getFont(name).isEmbedded()).as("font %s embedded", name).isTrue();
                fonts++;
            }
            assertThat(fonts).isEqualTo(2);
            assertThat(doc.getDocument().getTrailer().getCOSArray(COSName.ID)).isNotNull();
        }
    }

    @Test
    void malformedContentIsRefusedWithAClearMessage() {
        EcgRecord r = SyntheticEcg.twelveLead();
        EcgAnalysis a = analyse(r);
        assertThatThrownBy(() -> new EcgReportContent(Optional.empty(), r, a, List.of("ok", " "), Optional.empty(), "ws",
                PRINTED, AMMAN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rhythm statement");
        assertThatThrownBy(() -> new EcgReportContent(Optional.empty(), r, a, List.of(), Optional.empty(), " ",
                PRINTED, AMMAN)).hasMessageContaining("workstation");
        EcgRecord pressure = new EcgRecord("abp", null, 500, List.of(new EcgLead("ABP", new int[5000], 1, 0, "mmHg")),
                List.of(), List.of());
        EcgRecord other = SyntheticEcg.singleLead("II", 10, 1);
        assertThatThrownBy(() -> new EcgReportContent(Optional.empty(), pressure, analyse(other), List.of(),
                Optional.empty(), "ws", PRINTED, AMMAN)).hasMessageContaining("no lead in volts");
        EcgRecord empty = new EcgRecord("empty", null, 500, List.of(new EcgLead("II", new int[0], 1, 0, "mV")),
                List.of(), List.of());
        assertThatThrownBy(() -> new EcgReportContent(Optional.empty(), empty, a, List.of(), Optional.empty(), "ws",
                PRINTED, AMMAN)).hasMessageContaining("no samples");
        EcgRecord slower = new EcgRecord("slow", null, 250, other.leads(), List.of(), List.of());
        assertThatThrownBy(() -> new EcgReportContent(Optional.empty(), slower, a, List.of(), Optional.empty(), "ws",
                PRINTED, AMMAN)).hasMessageContaining("not of this recording");
        assertThatThrownBy(() -> new EcgReportContent(Optional.empty(), other, a, List.of(), Optional.empty(), "ws",
                PRINTED, AMMAN)).hasMessageContaining("lead");
        assertThatThrownBy(() -> new EcgReportContent.Confirmation("Normal ECG", " ", PRINTED))
                .hasMessageContaining("who confirmed");
        assertThatThrownBy(() -> new EcgReportContent.PatientLine("", null, "M1", null, null)).hasMessageContaining("name");
        assertThatThrownBy(() -> new EcgReportContent(null, r, a, List.of(), Optional.empty(), "ws", PRINTED, AMMAN))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("patient");
    }
}
