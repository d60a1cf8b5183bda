package org.vitalis.report;

import java.util.Map;

/**
 * Contextual shaping of Arabic letters into the Unicode presentation forms (Arabic Presentation Forms-A and -B),
 * because PDFBox places one glyph per character and does no OpenType shaping for Arabic. ICU4J would do this, but it
 * is not among the artifacts this build can fetch offline, so this covers what patient names need: the 36 letters of
 * the Arabic alphabet, the Persian/Urdu letters پ چ ژ ک گ ی, tatweel, the four lam-alef ligatures and transparent
 * harakat. Joining types follow Unicode's ArabicShaping.txt (D dual-joining, R right-joining, U non-joining,
 * T transparent, C join-causing).
 *
 * <p>Input and output are in logical order; {@link VisualText} reorders the result for display. The presentation
 * forms decompose (NFKC) back to the letters, which is how a PDF text extractor returns real letters.
 */
final class ArabicShaping {
    private static final char TATWEEL = '\u0640';
    private static final char LAM = '\u0644';

    /** Isolated form and number of forms (2: isolated, final; 4: isolated, final, initial, medial), by letter. */
    private record Forms(char isolated, int count) {
        char form(boolean joinsBefore, boolean joinsAfter) {
            if (count == 4) {
                return (char) (isolated + (joinsBefore ? (joinsAfter ? 3 : 1) : (joinsAfter ? 2 : 0)));
            }
            return (char) (isolated + (joinsBefore ? 1 : 0));
        }
    }

    private static final Map<Character, Forms> FORMS = Map.ofEntries(
            Map.entry('\u0621', new Forms('\uFE80', 1)), Map.entry('\u0622', new Forms('\uFE81', 2)),
            Map.entry('\u0623', new Forms('\uFE83', 2)), Map.entry('\u0624', new Forms('\uFE85', 2)),
            Map.entry('\u0625', new Forms('\uFE87', 2)), Map.entry('\u0626', new Forms('\uFE89', 4)),
            Map.entry('\u0627', new Forms('\uFE8D', 2)), Map.entry('\u0628', new Forms('\uFE8F', 4)),
            Map.entry('\u0629', new Forms('\uFE93', 2)), Map.entry('\u062A', new Forms('\uFE95', 4)),
            Map.entry('\u062B', new Forms('\uFE99', 4)), Map.entry('\u062C', new Forms('\uFE9D', 4)),
            Map.entry('\u062D', new Forms('\uFEA1', 4)), Map.entry('\u062E', new Forms('\uFEA5', 4)),
            Map.entry('\u062F', new Forms('\uFEA9', 2)), Map.entry('\u0630', new Forms('\uFEAB', 2)),
            Map.entry('\u0631', new Forms('\uFEAD', 2)), Map.entry('\u0632', new Forms('\uFEAF', 2)),
            Map.entry('\u0633', new Forms('\uFEB1', 4)), Map.entry('\u0634', new Forms('\uFEB5', 4)),
            Map.entry('\u0635', new Forms('\uFEB9', 4)), Map.entry('\u0636', new Forms('\uFEBD', 4)),
            Map.entry('\u0637', new Forms('\uFEC1', 4)), Map.entry('\u0638', new Forms('\uFEC5', 4)),
            Map.entry('\u0639', new Forms('\uFEC9', 4)), Map.entry('\u063A', new Forms('\uFECD', 4)),
            Map.entry('\u0641', new Forms('\uFED1', 4)), Map.entry('\u0642', new Forms('\uFED5', 4)),
            Map.entry('\u0643', new Forms('\uFED9', 4)), Map.entry('\u0644', new Forms('\uFEDD', 4)),
            Map.entry('\u0645', new Forms('\uFEE1', 4)), Map.entry('\u0646', new Forms('\uFEE5', 4)),
            Map.entry('\u0647', new Forms('\uFEE9', 4)), Map.entry('\u0648', new Forms('\uFEED', 2)),
            // alef maksura is dual-joining in Unicode, but Forms-B has only its isolated and final forms
            Map.entry('\u0649', new Forms('\uFEEF', 2)), Map.entry('\u064A', new Forms('\uFEF1', 4)),
            Map.entry('\u067E', new Forms('\uFB56', 4)), Map.entry('\u0686', new Forms('\uFB7A', 4)),
            Map.entry('\u0698', new Forms('\uFB8A', 2)), Map.entry('\u06A9', new Forms('\uFB8E', 4)),
            Map.entry('\u06AF', new Forms('\uFB92', 4)), Map.entry('\u06CC', new Forms('\uFBFC', 4)));

    /** Lam followed by these alefs becomes one ligature: isolated form here, final form + 1. */
    private static final Map<Character, Character> LAM_ALEF = Map.of('\u0622', '\uFEF5', '\u0623', '\uFEF7',
            '\u0625', '\uFEF9', '\u0627', '\uFEFB');

    private ArabicShaping() {
    }

    static boolean hasArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with each Arabic letter replaced by its contextual presentation form, in logical order. */
    static String shape(String text) {
        if (!hasArabic(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Forms forms = FORMS.get(c);
            if (forms == null) {
                out.append(c);
                continue;
            }
            boolean joinsBefore = joinsToward(text, previous(text, i), true) && forms.count() > 1;
            int next = next(text, i);
            // with a mark between them, lam and alef stay two joined letters: a ligature would move the mark
            if (c == LAM && next == i + 1 && LAM_ALEF.containsKey(text.charAt(next))) {
                out.append((char) (LAM_ALEF.get(text.charAt(next)) + (joinsBefore ? 1 : 0)));
                i = next;
                continue;
            }
            boolean joinsAfter = forms.count() == 4 && joinsToward(text, next, false);
            out.append(forms.form(joinsBefore, joinsAfter));
        }
        return out.toString();
    }

    /**
     * Whether the letter at {@code index} joins toward its neighbour: toward the following letter (when it is the
     * preceding one) it must be dual-joining or join-causing; toward the preceding letter, any joining letter does.
     */
    private static boolean joinsToward(String text, int index, boolean isPreceding) {
        if (index < 0) {
            return false;
        }
        char c = text.charAt(index);
        if (c == TATWEEL) {
            return true;
        }
        Forms f = FORMS.get(c);
        if (f == null) {
            return false;
        }
        return isPreceding ? f.count() == 4 : f.count() > 1;
    }

    private static int previous(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!transparent(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    private static int next(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            if (!transparent(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    /** Harakat and other combining marks do not break joining (joining type T). */
    private static boolean transparent(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
