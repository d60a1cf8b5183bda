package org.vitalis.report;

import java.awt.Color;
import java.io.IOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Wraps paragraphs to a width and draws the lines; knows the report's type styles. */
final class TextFlow {
    static final double BODY_PT = 7.5;
    static final double LINE_MM = 3.3;
    static final Color INK = Color.BLACK;
    /** Dark red: stands out on screen and stays dark on a black-and-white printer. */
    static final Color WARNING = new Color(176, 0, 0);

    /** One wrapped line. */
    record Line(String text, ReportText.Style style) {
    }

    private final ReportFonts fonts;

    TextFlow(ReportFonts fonts) {
        this.fonts = fonts;
    }

    ReportFonts fonts() {
        return fonts;
    }

    PDType0Font font(ReportText.Style style) {
        return style == ReportText.Style.BODY ? fonts.regular : fonts.bold;
    }

    static Color color(ReportText.Style style) {
        return style == ReportText.Style.WARNING ? WARNING : INK;
    }

    List<Line> wrap(List<ReportText.Para> paras, double widthMm) throws IOException {
        List<Line> out = new ArrayList<>();
        for (ReportText.Para p : paras) {
            for (String line : wrap(p.text(), font(p.style()), BODY_PT, widthMm)) {
                out.add(new Line(line, p.style()));
            }
        }
        return out;
    }

    /** Greedy wrapping at spaces; a word wider than the line is broken between characters. */
    static List<String> wrap(String text, PDType0Font font, double sizePt, double widthMm) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text.isBlank()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (PdfCanvas.textWidth(candidate, font, sizePt) <= widthMm) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (PdfCanvas.textWidth(rest, font, sizePt) > widthMm && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && PdfCanvas.textWidth(rest.substring(0, cut), font, sizePt) > widthMm) {
                    cut--;
                }
                if (Character.isHighSurrogate(rest.charAt(cut - 1)) && cut > 1) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Draws lines from the first baseline down, one {@link #LINE_MM} apart; a line whose paragraph direction is
     * right-to-left (an Arabic interpretation) is aligned to the right edge, as its reader expects.
     */
    void draw(PdfCanvas canvas, List<Line> lines, double x, double width, double firstBaseline) throws IOException {
        double baseline = firstBaseline;
        for (Line l : lines) {
            PDType0Font font = font(l.style());
            double left = x;
            if (!new Bidi(l.text(), Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()) {
                left = x + width - PdfCanvas.textWidth(l.text(), font, BODY_PT);
            }
            canvas.text(l.text(), font, BODY_PT, color(l.style()), left, baseline);
            baseline += LINE_MM;
        }
    }
}
