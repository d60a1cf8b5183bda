package org.vitalis.ui.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.device.driver.DeviceReading;
import org.vitalis.device.driver.Measurement;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Observation;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.PatientDraft;
import org.vitalis.security.UserSession;
import org.vitalis.ui.FakeDevices;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class IntakeViewModelTest {
    @TempDir
    Path dir;
    TestStation station;
    UserSession nurse;
    long patientId;
    String mrn;
    final FakeDevices fake = new FakeDevices().with("ox-1", "Finger oximeter");
    final Messages m = new Messages(java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        station = new TestStation(dir).withStaff();
        nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        var p = station.patients.register(nurse, PatientDraft.basic("Salma", "Haddad", LocalDate.of(1975, 11, 2),
                Sex.FEMALE, "+962 6 555 0101"));
        patientId = p.getId();
        mrn = p.getMrn();
    }

    @AfterEach
    void tearDown() {
        station.close();
    }

    private IntakeViewModel vm() {
        return new IntakeViewModel(station.patients, station.vitals, Optional.of(fake), nurse, Async.direct(), m,
                Clock.systemUTC());
    }

    private static DeviceReading reading(int spo2, int pulse) {
        return new DeviceReading("ox-1", Instant.now().minusSeconds(1), List.of(
                new Measurement(VitalSign.SPO2, BigDecimal.valueOf(spo2), "%"),
                new Measurement(VitalSign.HEART_RATE, BigDecimal.valueOf(pulse), "/min")), "01a2b3");
    }

    @Test
    void showsTheNewestReadingWithItsFlagAndAttachesItWithTheDeviceAsSource() {
        IntakeViewModel vm = vm();
        fake.emit(reading(97, 72));
        fake.emit(reading(89, 72));
        IntakeViewModel.Card card = vm.cards().getFirst();
        assertThat(card.values()).extracting(IntakeViewModel.Value::sign)
                .containsExactly(VitalSign.SPO2, VitalSign.HEART_RATE);
        IntakeViewModel.Value spo2 = card.values().getFirst();
        assertThat(spo2.text().get()).isEqualTo("89");
        assertThat(spo2.flag().get()).isNotEqualTo(Flag.NORMAL);

        vm.submit(mrn);
        assertThat(vm.patient().get().id()).isEqualTo(patientId);
        assertThat(vm.attachText().get()).isEqualTo("Attach to Salma Haddad");
        vm.attach();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.recorded()).hasSize(2);
        List<Observation> history = station.vitals.history(nurse, patientId);
        assertThat(history).extracting(Observation::getSource).containsOnly("Finger oximeter [ws-test/ox-1]");
        assertThat(history).extracting(Observation::getRawPayload).containsOnly("01a2b3");
    }

    @Test
    void aCorrectedValueIsStoredAsManualAndHoldsTheReading() {
        IntakeViewModel vm = vm();
        fake.emit(reading(97, 72));
        IntakeViewModel.Card card = vm.cards().getFirst();
        card.values().get(1).text().set("76");
        assertThat(card.held().get()).isTrue();
        fake.emit(reading(95, 80));
        assertThat(card.values().get(1).text().get()).isEqualTo("76");
        vm.patient().set(station.patients.findByMrn(nurse, mrn).orElseThrow());
        vm.attach();
        List<Observation> history = station.vitals.history(nurse, patientId);
        assertThat(history).filteredOn(o -> o.sign() == VitalSign.HEART_RATE).singleElement()
                .satisfies(o -> {
                    assertThat(o.getSource()).isEqualTo(Observation.SOURCE_MANUAL);
                    assertThat(o.getValue()).isEqualByComparingTo("76");
                });
        assertThat(history).filteredOn(o -> o.sign() == VitalSign.SPO2).singleElement()
                .extracting(Observation::getSource).isEqualTo("Finger oximeter [ws-test/ox-1]");
        // Attached: live readings show again.
        assertThat(card.held().get()).isFalse();
        assertThat(card.values().get(1).text().get()).isEqualTo("80");
    }

    @Test
    void afterAttachingACorrectionTheDevicesValueShowsAgain() {
        IntakeViewModel vm = vm();
        fake.emit(reading(97, 72));
        IntakeViewModel.Card card = vm.cards().getFirst();
        card.values().get(1).text().set("76");
        vm.patient().set(station.patients.findByMrn(nurse, mrn).orElseThrow());
        vm.attach();
        assertThat(card.held().get()).isFalse();
        assertThat(card.values().get(1).text().get()).isEqualTo("72");
    }

    @Test
    void implausibleValuesAreRefusedWithReasonsAndNothingIsStored() {
        IntakeViewModel vm = vm();
        fake.emit(reading(97, 72));
        vm.cards().getFirst().values().get(1).text().set("400");
        vm.patient().set(station.patients.findByMrn(nurse, mrn).orElseThrow());
        vm.attach();
        assertThat(vm.problems()).singleElement().asString().contains("Heart rate");
        assertThat(station.vitals.history(nurse, patientId)).isEmpty();
    }

    @Test
    void nothingToAttachWithoutAReading() {
        IntakeViewModel vm = vm();
        vm.patient().set(station.patients.findByMrn(nurse, mrn).orElseThrow());
        vm.attach();
        assertThat(vm.problems()).containsExactly("No device reading to attach yet.");
    }
}
