package org.vitalis.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Observation;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.PatientDraft;
import org.vitalis.security.UserSession;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class VitalsFormViewModelTest {
    @TempDir
    Path dir;
    TestStation station;
    UserSession nurse;
    long patientId;

    @BeforeEach
    void setUp() throws Exception {
        station = new TestStation(dir).withStaff();
        nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        patientId = station.patients.register(nurse, PatientDraft.basic("Ali", "Saleh", LocalDate.of(1970, 1, 1),
                Sex.MALE, null)).getId();
    }

    @AfterEach
    void tearDown() {
        station.close();
    }

    private VitalsFormViewModel form(String lang) {
        return new VitalsFormViewModel(station.vitals, nurse, Async.direct(),
                new Messages(Locale.forLanguageTag(lang), ZoneId.of("Asia/Amman")), Clock.systemUTC(), patientId);
    }

    @Test
    void abnormalValuesAreStoredAndFlagged() {
        VitalsFormViewModel vm = form("en");
        vm.value(VitalSign.SYSTOLIC_BP).set("150");
        vm.value(VitalSign.DIASTOLIC_BP).set("85");
        List<Observation> stored = new ArrayList<>();
        vm.record(stored::addAll);
        assertThat(vm.problems()).isEmpty();
        assertThat(stored).filteredOn(o -> o.sign() == VitalSign.SYSTOLIC_BP).extracting(Observation::getFlag)
                .containsExactly(Flag.ABNORMAL);
        assertThat(vm.recorded()).hasSize(2);
        assertThat(vm.value(VitalSign.SYSTOLIC_BP).get()).isEmpty();
    }

    @Test
    void implausibleValuesAreRefusedWithAReasonInTheUsersLanguage() {
        VitalsFormViewModel en = form("en");
        en.value(VitalSign.SYSTOLIC_BP).set("300");
        en.value(VitalSign.DIASTOLIC_BP).set("80");
        en.record(o -> { throw new AssertionError("nothing may be stored"); });
        assertThat(en.problems()).singleElement().asString()
                .contains("Systolic BP 300 mmHg").contains("60–279").contains("nothing was saved");
        assertThat(en.value(VitalSign.SYSTOLIC_BP).get()).isEqualTo("300");

        VitalsFormViewModel ar = form("ar");
        ar.value(VitalSign.SYSTOLIC_BP).set("٣٠٠");
        ar.value(VitalSign.DIASTOLIC_BP).set("٨٠");
        ar.record(o -> { throw new AssertionError("nothing may be stored"); });
        assertThat(ar.problems()).singleElement().asString().contains("الضغط الانقباضي").contains("خارج النطاق");
        assertThat(station.vitals.history(nurse, patientId)).isEmpty();
    }

    @Test
    void textThatIsNotANumberIsNamed() {
        VitalsFormViewModel vm = form("en");
        vm.value(VitalSign.HEART_RATE).set("7O");
        vm.record(o -> { throw new AssertionError("nothing may be stored"); });
        assertThat(vm.problems()).containsExactly("Heart rate: \"7O\" is not a number.");
    }

    @Test
    void halfABloodPressureIsRefused() {
        VitalsFormViewModel vm = form("en");
        vm.value(VitalSign.SYSTOLIC_BP).set("120");
        vm.record(o -> { throw new AssertionError("nothing may be stored"); });
        assertThat(vm.problems()).singleElement().asString().contains("both systolic and diastolic");
    }
}
