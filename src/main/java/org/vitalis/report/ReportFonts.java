package org.vitalis.report;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded fonts: DejaVu Sans covers Latin and Arabic (names are printed in both), and embedding (as subsets)
 * makes the PDF print the same everywhere, as PDF/A requires.
 */
final class ReportFonts {
    private static final String DIR = "/org/vitalis/report/fonts/";
    private static final char REPLACEMENT = '?';

    final PDType0Font regular;
    final PDType0Font bold;

    private ReportFonts(PDType0Font regular, PDType0Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static ReportFonts load(PDDocument doc) throws IOException {
        return new ReportFonts(font(doc, "DejaVuSans.ttf"), font(doc, "DejaVuSans-Bold.ttf"));
    }

    private static PDType0Font font(PDDocument doc, String file) throws IOException {
        try (InputStream in = ReportFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IOException("The report font " + file + " is missing from the application");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Text in visual order with every character the font cannot draw replaced, so no name can break a report. */
    static String drawable(PDType0Font font, String visual) throws IOException {
        StringBuilder out = new StringBuilder(visual.length());
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (font.getCmapLookup().getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else if (Character.getType(cp) != Character.FORMAT) {
                out.append(REPLACEMENT);
            }
        }
        return out.toString();
    }

    /** Width of visual-order text in the same unit as {@code size}. */
    static double width(PDType0Font font, String visual, double size) throws IOException {
        return font.getStringWidth(drawable(font, visual)) / 1000.0 * size;
    }
}
