package org.vitalis.report;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * A page drawn in millimetres from its top-left corner, as the layout is designed; the one place that turns that
 * into PDF user space (points, y upward). The whole content stream is scaled by 72/25.4 once, so every coordinate
 * written is an exact millimetre value.
 */
final class PdfCanvas implements Closeable {
    private static final double PT_TO_MM = 25.4 / 72;

    private final PDPageContentStream cs;

    PdfCanvas(PDDocument doc, PDPage page) throws IOException {
        cs = new PDPageContentStream(doc, page);
        cs.transform(Matrix.getScaleInstance(EcgPaper.PT_PER_MM, EcgPaper.PT_PER_MM));
    }

    private static float y(double top) {
        return (float) (EcgPaper.PAGE_HEIGHT - top);
    }

    void stroke(Color color, double widthMm) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth((float) widthMm);
    }

    void moveTo(double x, double top) throws IOException {
        cs.moveTo((float) x, y(top));
    }

    void lineTo(double x, double top) throws IOException {
        cs.lineTo((float) x, y(top));
    }

    void line(double x1, double top1, double x2, double top2) throws IOException {
        moveTo(x1, top1);
        lineTo(x2, top2);
    }

    /** Strokes the path built so far with the current pen. */
    void strokePath() throws IOException {
        cs.stroke();
    }

    void rectangle(double x, double top, double width, double height) throws IOException {
        cs.addRect((float) x, y(top + height), (float) width, (float) height);
    }

    /** Round joins and caps: a trace's peaks are drawn where the samples are, not as mitred spikes beyond them. */
    void roundPen() throws IOException {
        cs.setLineJoinStyle(1);
        cs.setLineCapStyle(1);
    }

    void save() throws IOException {
        cs.saveGraphicsState();
    }

    void restore() throws IOException {
        cs.restoreGraphicsState();
    }

    /** Clips everything drawn until {@link #restore()} to a rectangle. */
    void clip(double x, double top, double width, double height) throws IOException {
        rectangle(x, top, width, height);
        cs.clip();
    }

    /**
     * Draws one line of text, given in logical order, with its baseline at {@code baseline}.
     *
     * @param sizePt font size in points, as typographers give it
     * @return the width drawn, mm
     */
    double text(String logical, PDType0Font font, double sizePt, Color color, double x, double baseline) throws IOException {
        String visual = ReportFonts.drawable(font, VisualText.of(logical));
        if (visual.isEmpty()) {
            return 0;
        }
        double size = sizePt * PT_TO_MM;
        cs.beginText();
        cs.setFont(font, (float) size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset((float) x, y(baseline));
        cs.showText(visual);
        cs.endText();
        return textWidth(logical, font, sizePt);
    }

    static double textWidth(String logical, PDType0Font font, double sizePt) throws IOException {
        return ReportFonts.width(font, VisualText.of(logical), sizePt * PT_TO_MM);
    }

    @Override
    public void close() throws IOException {
        cs.close();
    }
}
