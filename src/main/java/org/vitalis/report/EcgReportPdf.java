package org.vitalis.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The ECG report as a PDF/A-2b document on landscape A4: a header with the patient, recording, measurements, rhythm
 * statements, signal quality and the interpretation with who confirmed it (or, prominently, that nobody has), then the
 * traces at true scale (25 mm/s, 10 mm/mV) on a millimetre grid. Header text that does not fit its box continues,
 * complete, on pages at the end, so nothing the caller passed is left out.
 */
public final class EcgReportPdf {
    private EcgReportPdf() {
    }

    /**
     * Writes the report; {@code out} is left open.
     *
     * @throws IOException when the PDF cannot be written to {@code out}
     */
    public static void write(EcgReportContent content, OutputStream out) throws IOException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(out, "out");
        TraceLeads leads = TraceLeads.of(content.record());
        TracePages.Plan plan = TracePages.plan(leads, content.record().samplingFrequency(), content.record().sampleCount());
        try (PDDocument doc = new PDDocument()) {
            PdfA.apply(doc, content.printedAt());
            ReportFonts fonts = ReportFonts.load(doc);
            TextFlow flow = new TextFlow(fonts);
            ReportHeader header = ReportHeader.layout(content, leads, plan, flow, plan.pages().size() + 1);
            List<List<TextFlow.Line>> notes = ReportHeader.notePages(header.continued(), flow);
            int total = plan.pages().size() + notes.size();
            int number = 1;
            for (TracePages.Page page : plan.pages()) {
                try (PdfCanvas canvas = newPage(doc)) {
                    header.draw(canvas, page.title());
                    TraceDrawing drawing = new TraceDrawing(canvas, fonts, content.record().samplingFrequency());
                    drawing.grid();
                    for (int r = 0; r < page.rows().size(); r++) {
                        drawing.row(page.rows().get(r), r);
                    }
                    header.footer(canvas, number++, total);
                }
            }
            for (List<TextFlow.Line> lines : notes) {
                try (PdfCanvas canvas = newPage(doc)) {
                    header.drawTopLine(canvas, "Report text continued");
                    flow.draw(canvas, lines, EcgPaper.MARGIN, EcgPaper.PAGE_WIDTH - 2 * EcgPaper.MARGIN, ReportHeader.NOTES_TOP);
                    header.footer(canvas, number++, total);
                }
            }
            // PDFBox closes the stream it saves to; the caller owns it
            doc.save(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
        }
    }

    private static PdfCanvas newPage(PDDocument doc) throws IOException {
        PDPage page = new PDPage(new PDRectangle((float) (EcgPaper.PAGE_WIDTH * EcgPaper.PT_PER_MM),
                (float) (EcgPaper.PAGE_HEIGHT * EcgPaper.PT_PER_MM)));
        doc.addPage(page);
        return new PdfCanvas(doc, page);
    }
}
