package org.vitalis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which samples of which lead go where: the 12-lead page (4 columns x 3 rows of 2.5 s, each column the next 2.5 s as a
 * cart prints them, plus a 10 s rhythm strip of II), or 10 s strips per lead, page after page, for other recordings.
 */
final class TracePages {
    /** Longer recordings are printed up to this length; the header says how much of the recording is shown. */
    static final double MAX_PRINTED_SECONDS = 600;

    private static final double COLUMN_SECONDS = 2.5;
    private static final List<List<String>> COLUMNS = List.of(List.of("I", "II", "III"), List.of("aVR", "aVL", "aVF"),
            List.of("V1", "V2", "V3"), List.of("V4", "V5", "V6"));
    private static final String RHYTHM_LEAD = "II";

    /**
     * Samples [from, to) of one lead, drawn with time {@code originS} at {@link EcgPaper#TRACE_LEFT}.
     *
     * @param label what is printed next to it
     */
    record Cell(String label, double[] millivolts, int from, int to, double originS) {
    }

    /** One row band of the grid; {@code note} (e.g. the time span) is printed at its right end, may be empty. */
    record Row(List<Cell> cells, String note) {
    }

    record Page(String title, List<Row> rows) {
    }

    /** The pages and how many seconds of the recording they show. */
    record Plan(List<Page> pages, double shownSeconds) {
    }

    private TracePages() {
    }

    static Plan plan(TraceLeads leads, double fs, int samples) {
        Optional<Map<String, TraceLeads.Trace>> twelve = leads.standardTwelve();
        if (twelve.isPresent()) {
            return twelveLead(twelve.get(), leads.others(), fs, samples);
        }
        int shown = (int) Math.min(samples, Math.round(MAX_PRINTED_SECONDS * fs));
        List<Row> rows = new ArrayList<>();
        int perStrip = (int) Math.max(1, Math.round(EcgPaper.STRIP_SECONDS * fs));
        List<Shown> all = shown(leads.all(), shown);
        for (int from = 0; from < shown; from += perStrip) {
            int to = Math.min(shown, from + perStrip);
            rows.addAll(strips(all, from, to, fs));
        }
        return new Plan(paginate("Rhythm strips", rows), shown / fs);
    }

    private static Plan twelveLead(Map<String, TraceLeads.Trace> leads, List<TraceLeads.Trace> others, double fs, int samples) {
        int shown = (int) Math.min(samples, Math.round(EcgPaper.STRIP_SECONDS * fs));
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                int from = (int) Math.round(c * COLUMN_SECONDS * fs);
                int to = Math.min(shown, (int) Math.round((c + 1) * COLUMN_SECONDS * fs));
                if (from < to) {
                    String name = COLUMNS.get(c).get(r);
                    cells.add(new Cell(name, leads.get(name).millivolts(shown), from, to, 0));
                }
            }
            rows.add(new Row(cells, ""));
        }
        TraceLeads.Trace rhythm = leads.get(RHYTHM_LEAD);
        rows.add(new Row(List.of(new Cell(RHYTHM_LEAD, rhythm.millivolts(shown), 0, shown, 0)), "rhythm strip"));
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("12-lead ECG", rows));
        if (!others.isEmpty()) {
            pages.addAll(paginate("Further leads", strips(shown(others, shown), 0, shown, fs)));
        }
        return new Plan(pages, shown / fs);
    }

    /** A lead's printed samples in millivolts, converted once for all its strips. */
    private record Shown(String label, double[] millivolts) {
    }

    private static List<Shown> shown(List<TraceLeads.Trace> leads, int samples) {
        return leads.stream().map(t -> new Shown(t.label(), t.millivolts(samples))).toList();
    }

    private static List<Row> strips(List<Shown> leads, int from, int to, double fs) {
        List<Row> rows = new ArrayList<>();
        String span = seconds(from / fs) + "–" + seconds(to / fs) + " s";
        for (Shown t : leads) {
            rows.add(new Row(List.of(new Cell(t.label(), t.millivolts(), from, to, from / fs)), span));
        }
        return rows;
    }

    private static List<Page> paginate(String title, List<Row> rows) {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += EcgPaper.ROWS) {
            pages.add(new Page(title, rows.subList(i, Math.min(rows.size(), i + EcgPaper.ROWS))));
        }
        return pages;
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(java.util.Locale.ROOT, "%.1f", s);
    }
}
