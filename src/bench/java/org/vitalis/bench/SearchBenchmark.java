package org.vitalis.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vitalis.domain.Patient;
import org.vitalis.domain.Sex;
import org.vitalis.registry.Mrn;

/**
 * Search-as-you-type at 1k, 10k and 100k patients: each keystroke of a set of typed queries is
 * one PatientService.search call (query plus its audit entry), as the patients screen makes it.
 */
final class SearchBenchmark {
    private static final String[] ONSETS = {"b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "r", "s", "sh", "t", "w", "y", "z", "g", "q", "a"};
    private static final String[] VOWELS = {"a", "i", "u", "e", "o", "ai", "ou"};
    private static final String[] CODAS = {"", "n", "r", "m", "l", "d", "s", "h"};

    private SearchBenchmark() {
    }

    static List<Benchmarks.Row> run(int[] sizes) throws Exception {
        List<Benchmarks.Row> rows = new ArrayList<>();
        for (int n : sizes) {
            try (BenchStation st = new BenchStation()) {
                Random rnd = new Random(n);
                long t0 = System.nanoTime();
                List<Patient> sample = populate(st, n, rnd);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                List<String> keystrokes = keystrokes(sample, rnd);
                for (int i = 0; i < 200; i++) {
                    st.patients.search(st.nurse, keystrokes.get(i % keystrokes.size()));
                }
                List<Double> ms = new ArrayList<>();
                for (String q : keystrokes) {
                    long s = System.nanoTime();
                    st.patients.search(st.nurse, q);
                    ms.add((System.nanoTime() - s) / 1e6);
                }
                ms.sort(null);
                String what = n + " patients on H2, " + ms.size() + " keystrokes (name, Arabic name, MRN, phone, date)";
                rows.add(new Benchmarks.Row("search per keystroke, median, " + label(n), Benchmarks.percentile(ms, 50), "ms", what));
                rows.add(new Benchmarks.Row("search per keystroke, p95, " + label(n), Benchmarks.percentile(ms, 95), "ms", what));
                rows.add(new Benchmarks.Row("search per keystroke, max, " + label(n), ms.get(ms.size() - 1), "ms", what));
                rows.add(new Benchmarks.Row("bulk registration, " + label(n), n / loadSeconds, "pat/s",
                        "patients stored with their search words (setup of this benchmark)"));
            }
        }
        return rows;
    }

    private static String label(int n) {
        return n >= 1000 ? (n / 1000) + "k" : Integer.toString(n);
    }

    private static String word(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int syllables = 2 + rnd.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            sb.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
        }
        sb.append(CODAS[rnd.nextInt(CODAS.length)]);
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }

    private static List<Patient> populate(BenchStation st, int n, Random rnd) {
        List<Patient> sample = new ArrayList<>();
        int batch = 1000;
        for (int from = 0; from < n; from += batch) {
            int start = from;
            int end = Math.min(n, from + batch);
            st.db.run(s -> {
                for (int i = start; i < end; i++) {
                    Patient p = new Patient(Mrn.of(s.patients().nextMrnNumber()), "bench", Instant.now());
                    p.setGivenName(word(rnd));
                    p.setFamilyName(word(rnd));
                    if (i % 2 == 0) {
                        p.setGivenNameArabic("ليلى");
                        p.setFamilyNameArabic(i % 4 == 0 ? "حدّاد" : "خليل");
                    }
                    p.setBirthDate(LocalDate.of(1930 + rnd.nextInt(90), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
                    p.setSex(rnd.nextBoolean() ? Sex.FEMALE : Sex.MALE);
                    p.setPhone(String.format("+962 79 %07d", rnd.nextInt(10_000_000)));
                    s.patients().save(p);
                    if (rnd.nextInt(Math.max(1, n / 50)) == 0) {
                        sample.add(p);
                    }
                }
            });
        }
        return sample;
    }

    /** Every prefix of realistic queries, as a user types them. */
    private static List<String> keystrokes(List<Patient> sample, Random rnd) {
        List<String> queries = new ArrayList<>();
        for (Patient p : sample) {
            queries.add(p.getFamilyName().toLowerCase());
            queries.add(p.getGivenName().substring(0, 3) + " " + p.getFamilyName().substring(0, 2));
            queries.add(p.getMrn());
            queries.add(p.getPhone().replace(" ", "").substring(4));
        }
        queries.add("ليلى حد");
        queries.add(sample.get(0).getBirthDate().toString());
        List<String> keystrokes = new ArrayList<>();
        for (String q : queries) {
            for (int i = 1; i <= q.length(); i++) {
                String prefix = q.substring(0, i);
                if (!prefix.isBlank()) {
                    keystrokes.add(prefix);
                }
            }
        }
        java.util.Collections.shuffle(keystrokes, rnd);
        return keystrokes.subList(0, Math.min(600, keystrokes.size()));
    }
}
