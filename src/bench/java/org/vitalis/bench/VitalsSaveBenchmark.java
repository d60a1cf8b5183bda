package org.vitalis.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.VitalsEntry;

/** Saving one full vitals entry (7 signs + derived BMI, checks, flags, audit) on an H2 file, committed to disk. */
final class VitalsSaveBenchmark {
    private VitalsSaveBenchmark() {
    }

    static List<Benchmarks.Row> run() throws Exception {
        try (BenchStation st = new BenchStation()) {
            long id = st.patients.register(st.nurse, PatientDraft.basic("Omar", "Khalil", LocalDate.of(1970, 1, 1),
                    Sex.MALE, null)).getId();
            Map<VitalSign, BigDecimal> values = new EnumMap<>(VitalSign.class);
            values.put(VitalSign.SYSTOLIC_BP, new BigDecimal("128"));
            values.put(VitalSign.DIASTOLIC_BP, new BigDecimal("82"));
            values.put(VitalSign.HEART_RATE, new BigDecimal("74"));
            values.put(VitalSign.SPO2, new BigDecimal("97"));
            values.put(VitalSign.BODY_TEMPERATURE, new BigDecimal("36.8"));
            values.put(VitalSign.RESPIRATORY_RATE, new BigDecimal("16"));
            values.put(VitalSign.BODY_WEIGHT, new BigDecimal("81.4"));
            values.put(VitalSign.BODY_HEIGHT, new BigDecimal("176"));
            for (int i = 0; i < 100; i++) {
                st.vitals.record(st.nurse, id, new VitalsEntry(Instant.now(), values, null));
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long s = System.nanoTime();
                st.vitals.record(st.nurse, id, new VitalsEntry(Instant.now(), values, null));
                ms.add((System.nanoTime() - s) / 1e6);
            }
            ms.sort(null);
            String what = "VitalsService.record, 8 signs + BMI + audit, one transaction, 300 saves";
            return List.of(new Benchmarks.Row("vitals entry save, median", Benchmarks.percentile(ms, 50), "ms", what),
                    new Benchmarks.Row("vitals entry save, p95", Benchmarks.percentile(ms, 95), "ms", what));
        }
    }
}
