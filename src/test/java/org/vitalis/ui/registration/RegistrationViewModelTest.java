package org.vitalis.ui.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
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

class RegistrationViewModelTest {
    @TempDir
    Path dir;
    TestStation station;
    UserSession nurse;

    @BeforeEach
    void setUp() throws Exception {
        station = new TestStation(dir).withStaff();
        nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
    }

    @AfterEach
    void tearDown() {
        station.close();
    }

    private RegistrationViewModel form(Patient editing) {
        return new RegistrationViewModel(station.patients, nurse, Async.direct(), Messages.of("en"), editing);
    }

    @Test
    void problemsAreShownPerField() {
        RegistrationViewModel vm = form(null);
        vm.givenName().set("Lina");
        vm.email().set("not-an-address");
        vm.save(p -> { throw new AssertionError("must not save"); });
        assertThat(vm.fieldErrors()).containsOnlyKeys("familyName", "birthDate", "email");
        assertThat(vm.fieldErrors().get("birthDate")).isEqualTo("Enter a date of birth between 1900 and today.");
        assertThat(vm.message().get()).contains("Correct the marked fields");
    }

    @Test
    void possibleDuplicatesAskBeforeRegistering() {
        Patient existing = station.patients.register(nurse,
                PatientDraft.basic("Lina", "Khoury", LocalDate.of(1991, 7, 9), Sex.FEMALE, null));
        RegistrationViewModel vm = form(null);
        vm.givenName().set("Lina");
        vm.familyName().set("Khoury");
        vm.birthDate().set(LocalDate.of(1991, 7, 9));
        AtomicReference<Patient> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isNull();
        assertThat(vm.duplicates()).extracting(p -> p.id()).containsExactly(existing.getId());
        vm.registerAnyway(saved::set);
        assertThat(saved.get().getId()).isNotEqualTo(existing.getId());
    }

    @Test
    void editingUpdatesAndAStaleVersionIsReported() {
        Patient p = station.patients.register(nurse,
                PatientDraft.basic("Omar", "Haddad", LocalDate.of(1985, 1, 2), Sex.MALE, null));
        RegistrationViewModel first = form(p);
        RegistrationViewModel second = form(p);
        assertThat(first.givenName().get()).isEqualTo("Omar");
        first.phone().set("+962 6 555 0000");
        AtomicReference<Patient> saved = new AtomicReference<>();
        first.save(saved::set);
        assertThat(saved.get().getPhone()).isEqualTo("+962 6 555 0000");
        second.notes().set("allergic to penicillin");
        second.save(x -> { throw new AssertionError("a stale edit must not save"); });
        assertThat(second.message().get()).contains("Someone else changed this patient");
    }

    @Test
    void contactsNeedNameAndPhoneAndPhotosAreCapped() throws Exception {
        RegistrationViewModel vm = form(null);
        assertThat(vm.addContact("Sami", "brother", " ")).isFalse();
        assertThat(vm.fieldErrors()).containsKey("emergencyContacts");
        assertThat(vm.addContact("Sami", "brother", "+962 7 1234")).isTrue();
        assertThat(vm.contacts()).hasSize(1);
        Path small = dir.resolve("face.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", small.toFile());
        vm.loadPhoto(small);
        assertThat(vm.photo().get()).isNotEmpty();
        assertThat(vm.fieldErrors()).doesNotContainKey("photo");
        Path big = dir.resolve("big.png");
        Files.write(big, new byte[Patient.MAX_PHOTO_BYTES + 1]);
        vm.photo().set(null);
        vm.loadPhoto(big);
        assertThat(vm.photo().get()).isNull();
        assertThat(vm.fieldErrors().get("photo")).contains("1 MB");
    }
}
