package org.vitalis.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.vitalis.report.ReportText.Para;
import org.vitalis.report.ReportText.Style;
import org.vitalis.report.TextFlow.Line;

/**
 * The header every trace page repeats (a page torn off still says whose ECG it is and what was measured) and the
 * footer. Four boxes side by side: recording, measurements, rhythm and signal quality, interpretation. A box whose
 * text does not fit ends with a pointer to the continuation pages, which repeat that box's text in full.
 */
final class ReportHeader {
    static final double NOTES_TOP = 24;
    private static final double TOP_BASELINE = 15;
    private static final double NAME_PT = 12;
    private static final double DETAILS_PT = 9;
    private static final double MIN_TOP_PT = 5;
    private static final double MIN_DETAILS_PT = 7.5;
    private static final double FIRST_BASELINE = 20.5;
    private static final int CAPACITY = 9;
    private static final double WARNING_PT = 10;
    private static final double WARNING_LINE = 4.3;
    private static final double FOOTER_BASELINE = 194.5;
    private static final double FOOTER_PT = 7;
    private static final double ALGORITHM_PT = 6;
    private static final double ALGORITHM_LINE = 2.6;
    private static final double NOTES_BOTTOM = 190;

    private static final double[] COLUMN_X = {10, 85, 135};
    private static final double[] COLUMN_W = {72, 47, 79};
    private static final double BOX_X = 217;
    private static final double BOX_W = 70;
    private static final double BOX_TOP = 16.5;
    private static final double BOX_BOTTOM = 48.5;
    private static final double BOX_PAD = 2.5;

    /** A box's full text, for the continuation pages. */
    record Continued(String title, List<Para> paras) {
    }

    private final TextFlow flow;
    private final ReportFonts fonts;
    private final List<String> topLine;
    private final List<List<Line>> columns;
    private final List<Line> interpretation;
    private final List<String> warning;
    private final List<Line> confirmed;
    private final List<String> algorithm;
    private final List<Continued> continued;

    private ReportHeader(TextFlow flow, ReportFonts fonts, List<String> topLine, List<List<Line>> columns,
            List<Line> interpretation, List<String> warning, List<Line> confirmed, List<String> algorithm,
            List<Continued> continued) {
        this.flow = flow;
        this.fonts = fonts;
        this.topLine = topLine;
        this.columns = columns;
        this.interpretation = interpretation;
        this.warning = warning;
        this.confirmed = confirmed;
        this.algorithm = algorithm;
        this.continued = continued;
    }

    /** @param continuationPage the page number continuation pages start at, named in the pointers */
    static ReportHeader layout(EcgReportContent c, TraceLeads leads, TracePages.Plan plan, TextFlow flow,
            int continuationPage) throws IOException {
        ReportFonts fonts = flow.fonts();
        List<Continued> continued = new ArrayList<>();
        List<List<Para>> blocks = List.of(ReportText.recording(c, leads, plan), ReportText.measurements(c.analysis()),
                ReportText.rhythmAndQuality(c));
        List<List<Line>> columns = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            columns.add(fit(blocks.get(i), flow, COLUMN_W[i], CAPACITY, continuationPage, continued));
        }
        double inner = BOX_W - 2 * BOX_PAD;
        List<Line> confirmed = flow.wrap(ReportText.confirmedBy(c), inner);
        List<Line> interpretation;
        List<String> warning = List.of();
        if (c.confirmation().isPresent()) {
            interpretation = fit(ReportText.interpretation(c), flow, inner, CAPACITY - confirmed.size(), continuationPage,
                    continued);
        } else {
            interpretation = List.of(new Line("Interpretation", Style.TITLE));
            warning = TextFlow.wrap(ReportText.UNCONFIRMED, fonts.bold, WARNING_PT, inner);
        }
        List<String> algorithm = TextFlow.wrap(ReportText.algorithm(c.analysis()), fonts.regular, ALGORITHM_PT,
                EcgPaper.PAGE_WIDTH - 2 * EcgPaper.MARGIN);
        return new ReportHeader(flow, fonts, ReportText.patientLine(c), columns, interpretation, warning, confirmed,
                algorithm, continued);
    }

    /** The block's lines, or as many as fit followed by a pointer to the page that has them all. */
    private static List<Line> fit(List<Para> paras, TextFlow flow, double width, int capacity, int continuationPage,
            List<Continued> continued) throws IOException {
        List<Line> lines = flow.wrap(paras, width);
        if (lines.size() <= capacity) {
            return lines;
        }
        continued.add(new Continued(paras.get(0).text(), paras.subList(1, paras.size())));
        List<Line> shown = new ArrayList<>(lines.subList(0, capacity - 1));
        shown.add(new Line("… continued on page " + continuationPage, Style.STRONG));
        return shown;
    }

    List<Continued> continued() {
        return continued;
    }

    /** The continuation text, wrapped to the page width and split into pages. */
    static List<List<Line>> notePages(List<Continued> continued, TextFlow flow) throws IOException {
        List<Para> all = new ArrayList<>();
        for (Continued k : continued) {
            all.add(new Para(k.title() + " (continued from the header)", Style.TITLE));
            all.addAll(k.paras());
            all.add(Para.body(" "));
        }
        List<Line> lines = flow.wrap(all, EcgPaper.PAGE_WIDTH - 2 * EcgPaper.MARGIN);
        int perPage = (int) Math.floor((NOTES_BOTTOM - NOTES_TOP) / TextFlow.LINE_MM) + 1;
        List<List<Line>> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += perPage) {
            pages.add(lines.subList(i, Math.min(lines.size(), i + perPage)));
        }
        return pages;
    }

    void draw(PdfCanvas canvas, String title) throws IOException {
        drawTopLine(canvas, title);
        for (int i = 0; i < columns.size(); i++) {
            flow.draw(canvas, columns.get(i), COLUMN_X[i], COLUMN_W[i], FIRST_BASELINE);
        }
        boolean unconfirmed = !warning.isEmpty();
        canvas.stroke(unconfirmed ? TextFlow.WARNING : Color.BLACK, unconfirmed ? 0.6 : 0.3);
        canvas.rectangle(BOX_X, BOX_TOP, BOX_W, BOX_BOTTOM - BOX_TOP);
        canvas.strokePath();
        double x = BOX_X + BOX_PAD;
        flow.draw(canvas, interpretation, x, BOX_W - 2 * BOX_PAD, FIRST_BASELINE);
        double baseline = FIRST_BASELINE + TextFlow.LINE_MM + 1.5;
        for (String w : warning) {
            canvas.text(w, fonts.bold, WARNING_PT, TextFlow.WARNING, x, baseline);
            baseline += WARNING_LINE;
        }
        flow.draw(canvas, confirmed, x, BOX_W - 2 * BOX_PAD, FIRST_BASELINE + (CAPACITY - confirmed.size()) * TextFlow.LINE_MM);
    }

    /**
     * Patient (or recording) on the left and the page's title on the right. A very long name is set smaller rather
     * than cut, while the MRN and birth date keep a readable size.
     */
    void drawTopLine(PdfCanvas canvas, String title) throws IOException {
        double titleWidth = PdfCanvas.textWidth(title, fonts.bold, NAME_PT);
        double right = EcgPaper.PAGE_WIDTH - EcgPaper.MARGIN;
        canvas.text(title, fonts.bold, NAME_PT, Color.BLACK, right - titleWidth, TOP_BASELINE);
        double available = right - titleWidth - 6 - EcgPaper.MARGIN;
        double scale = 1;
        while (topLineWidth(scale) > available && NAME_PT * scale > MIN_TOP_PT) {
            scale *= 0.95;
        }
        double x = EcgPaper.MARGIN;
        for (int i = 0; i < topLine.size(); i++) {
            x += canvas.text(topLine.get(i), topFont(i), topSize(i, scale), Color.BLACK, x, TOP_BASELINE) + 4 * scale;
        }
    }

    private PDType0Font topFont(int part) {
        return part == 0 ? fonts.bold : fonts.regular;
    }

    private double topSize(int part, double scale) {
        return part == topLine.size() - 1 ? Math.max(MIN_DETAILS_PT, DETAILS_PT * scale) : NAME_PT * scale;
    }

    private double topLineWidth(double scale) throws IOException {
        double w = 0;
        for (int i = 0; i < topLine.size(); i++) {
            w += PdfCanvas.textWidth(topLine.get(i), topFont(i), topSize(i, scale)) + 4 * scale;
        }
        return w;
    }

    void footer(PdfCanvas canvas, int page, int pages) throws IOException {
        double left = EcgPaper.MARGIN;
        double right = EcgPaper.PAGE_WIDTH - EcgPaper.MARGIN;
        canvas.text(ReportText.SCALE, fonts.bold, FOOTER_PT, Color.BLACK, left, FOOTER_BASELINE);
        String number = "Page " + page + " of " + pages;
        canvas.text(number, fonts.bold, FOOTER_PT, Color.BLACK, right - PdfCanvas.textWidth(number, fonts.bold, FOOTER_PT),
                FOOTER_BASELINE);
        double baseline = FOOTER_BASELINE + 3;
        for (String line : algorithm) {
            canvas.text(line, fonts.regular, ALGORITHM_PT, Color.BLACK, left, baseline);
            baseline += ALGORITHM_LINE;
        }
    }
}
