package org.vitalis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.security.*;
import org.vitalis.store.Database;
import org.vitalis.store.DatabaseConfig;

class SmokeTest {
    @Test
    void endToEnd(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(DatabaseConfig.h2File(dir))) {
            Clock clock = Clock.systemUTC();
            AuditTrail trail = new AuditTrail(clock);
            PasswordHasher hasher = new PasswordHasher();
            AuthService auth = new AuthService(db, trail, hasher, clock, "ws1");
            AccessGuard guard = new AccessGuard(db, trail);
            assertThat(auth.needsFirstAdmin()).isTrue();
            UserSession admin = auth.createFirstAdmin("admin", "Admin", "correct horse".toCharArray());
            UserAdminService users = new UserAdminService(db, trail, guard, hasher, clock);
            users.create(admin, "nurse", "Nurse Joy", org.vitalis.domain.Role.NURSE, "nurse-pass-1".toCharArray());
            UserSession nurse = auth.login("nurse", "nurse-pass-1".toCharArray());
            PatientService patients = new PatientService(db, trail, guard, clock);
            var p = patients.register(nurse, PatientDraft.basic("Zoë", "Müller", LocalDate.of(1980, 5, 3), Sex.FEMALE, "+49 30 1234567"));
            assertThat(Mrn.isValid(p.getMrn())).isTrue();
            assertThat(patients.search(nurse, "zoe mul")).extracting(s -> s.id()).containsExactly(p.getId());
            assertThat(patients.search(nurse, "301234567")).hasSize(1);
            assertThat(patients.search(nurse, "3/5/1980")).hasSize(1);
            VitalsService vitals = new VitalsService(db, trail, guard, clock);
            var stored = vitals.record(nurse, p.getId(), new VitalsEntry(Instant.now(), Map.of(
                    VitalSign.SYSTOLIC_BP, new BigDecimal("150"), VitalSign.DIASTOLIC_BP, new BigDecimal("85"),
                    VitalSign.BODY_WEIGHT, new BigDecimal("70"), VitalSign.BODY_HEIGHT, new BigDecimal("170")), null));
            assertThat(stored).hasSize(5);
            assertThat(stored).filteredOn(o -> o.getCode().equals("8480-6")).first().extracting(o -> o.getFlag()).isEqualTo(Flag.ABNORMAL);
            assertThatThrownBy(() -> vitals.record(nurse, p.getId(), new VitalsEntry(Instant.now(),
                    Map.of(VitalSign.SYSTOLIC_BP, new BigDecimal("300"), VitalSign.DIASTOLIC_BP, new BigDecimal("80")), null)))
                    .isInstanceOf(ImplausibleValuesException.class).hasMessageContaining("60–279");
            assertThat(vitals.history(nurse, p.getId())).hasSize(5);

            // From a device: the device's values keep its id and raw frame; a value the nurse corrected is manual.
            var device = new VitalsEntry.DeviceSource("cms50-1", "Bay 2 oximeter", "01 02 03 04 05", Map.of(
                    VitalSign.SPO2, new BigDecimal("97"), VitalSign.HEART_RATE, new BigDecimal("130")));
            var fromDevice = vitals.record(nurse, p.getId(), new VitalsEntry(Instant.now(), Map.of(
                    VitalSign.SPO2, new BigDecimal("97"), VitalSign.HEART_RATE, new BigDecimal("72")), null, device));
            var spo2 = fromDevice.stream().filter(o -> o.getCode().equals("59408-5")).findFirst().orElseThrow();
            // Named for people, and qualified by the workstation: device ids are unique only within one station.
            assertThat(spo2.getSource()).isEqualTo("Bay 2 oximeter [ws1/cms50-1]");
            assertThat(spo2.getRawPayload()).isEqualTo("01 02 03 04 05");
            var hr = fromDevice.stream().filter(o -> o.getCode().equals("8867-4")).findFirst().orElseThrow();
            assertThat(hr.getSource()).isEqualTo("manual");
            assertThat(hr.getRawPayload()).isNull();
            assertThat(hr.getNote()).contains("corrected by hand").contains("Bay 2 oximeter [ws1/cms50-1] read 130");
            assertThatThrownBy(() -> users.list(nurse)).isInstanceOf(AccessDeniedException.class);
            assertThat(trail.verify(db, n -> { }).intact()).isTrue();
        }
    }
}
