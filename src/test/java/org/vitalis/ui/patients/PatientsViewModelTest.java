package org.vitalis.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.domain.Patient;
import org.vitalis.domain.Sex;
import org.vitalis.registry.PatientDraft;
import org.vitalis.security.UserSession;
import org.vitalis.ui.TestStation;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class PatientsViewModelTest {
    @TempDir
    Path dir;
    TestStation station;
    UserSession nurse;
    Patient zoe;

    @BeforeEach
    void setUp() throws Exception {
        station = new TestStation(dir).withStaff();
        nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        zoe = station.patients.register(nurse, PatientDraft.basic("Zoë", "Müller", LocalDate.of(1980, 5, 3), Sex.FEMALE, null));
        station.patients.register(nurse, PatientDraft.basic("Adam", "Zoabi", LocalDate.of(1960, 2, 1), Sex.MALE, null));
    }

    @AfterEach
    void tearDown() {
        station.close();
    }

    @Test
    void aLateAnswerToAnOlderQueryIsDropped() {
        Deque<Runnable> work = new ArrayDeque<>();
        PatientsViewModel vm = new PatientsViewModel(station.patients, nurse, new Async(work::add, Runnable::run),
                Messages.of("en"));
        vm.search("zo");
        vm.search("zoe mül");
        work.removeLast().run(); // the newer query answers first
        work.removeLast().run();
        assertThat(vm.results()).extracting(p -> p.id()).containsExactly(zoe.getId());
        assertThat(vm.status().get()).isEqualTo("One patient found");
    }

    @Test
    void aScannedMrnOpensTheChartAndArabicDigitsCount() {
        PatientsViewModel vm = new PatientsViewModel(station.patients, nurse, Async.direct(), Messages.of("ar"));
        AtomicLong opened = new AtomicLong();
        String arabicMrn = zoe.getMrn().chars().mapToObj(c -> String.valueOf((char) ('٠' + c - '0')))
                .reduce("", String::concat);
        vm.submit(arabicMrn, opened::set);
        assertThat(opened.get()).isEqualTo(zoe.getId());
    }

    @Test
    void emptyQueryClearsTheList() {
        PatientsViewModel vm = new PatientsViewModel(station.patients, nurse, Async.direct(), Messages.of("en"));
        vm.search("zo");
        assertThat(vm.results()).hasSize(2);
        vm.search(" ");
        assertThat(vm.results()).isEmpty();
    }
}
