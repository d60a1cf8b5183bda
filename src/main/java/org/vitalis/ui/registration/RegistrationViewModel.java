package org.vitalis.ui.registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.vitalis.domain.EmergencyContact;
import org.vitalis.domain.ExternalIdentifier;
import org.vitalis.domain.Patient;
import org.vitalis.domain.PatientSummary;
import org.vitalis.domain.Sex;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.PatientValidationException;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/**
 * The registration and edit form. A new patient is first checked against possible duplicates;
 * the user decides whether to open the existing chart or register anyway.
 */
public final class RegistrationViewModel {
    private final PatientService patients;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final Patient editing;

    private final StringProperty givenName = new SimpleStringProperty("");
    private final StringProperty familyName = new SimpleStringProperty("");
    private final StringProperty givenNameArabic = new SimpleStringProperty("");
    private final StringProperty familyNameArabic = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(Sex.UNKNOWN);
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<byte[]> photo = new SimpleObjectProperty<>();
    private final ObservableList<EmergencyContact> contacts = FXCollections.observableArrayList();
    private final ObservableList<ExternalIdentifier> identifiers = FXCollections.observableArrayList();
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final ObservableList<PatientSummary> duplicates = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** {@code editing} is null for a new registration. */
    public RegistrationViewModel(PatientService patients, UserSession session, Async async, Messages m, Patient editing) {
        this.patients = patients;
        this.session = session;
        this.async = async;
        this.m = m;
        this.editing = editing;
        if (editing != null) {
            fill(editing);
        }
    }

    private void fill(Patient p) {
        givenName.set(p.getGivenName());
        familyName.set(p.getFamilyName());
        givenNameArabic.set(orEmpty(p.getGivenNameArabic()));
        familyNameArabic.set(orEmpty(p.getFamilyNameArabic()));
        birthDate.set(p.getBirthDate());
        sex.set(p.getSex());
        phone.set(orEmpty(p.getPhone()));
        email.set(orEmpty(p.getEmail()));
        address.set(orEmpty(p.getAddress()));
        notes.set(orEmpty(p.getNotes()));
        photo.set(p.getPhoto());
        contacts.setAll(p.getEmergencyContacts());
        identifiers.setAll(p.getIdentifiers());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public boolean isEdit() {
        return editing != null;
    }

    public StringProperty givenName() { return givenName; }
    public StringProperty familyName() { return familyName; }
    public StringProperty givenNameArabic() { return givenNameArabic; }
    public StringProperty familyNameArabic() { return familyNameArabic; }
    public ObjectProperty<LocalDate> birthDate() { return birthDate; }
    public ObjectProperty<Sex> sex() { return sex; }
    public StringProperty phone() { return phone; }
    public StringProperty email() { return email; }
    public StringProperty address() { return address; }
    public StringProperty notes() { return notes; }
    public ObjectProperty<byte[]> photo() { return photo; }
    public ObservableList<EmergencyContact> contacts() { return contacts; }
    public ObservableList<ExternalIdentifier> identifiers() { return identifiers; }
    public ObservableMap<String, String> fieldErrors() { return fieldErrors; }
    public ObservableList<PatientSummary> duplicates() { return duplicates; }
    public StringProperty message() { return message; }
    public BooleanProperty busy() { return busy; }

    /** Adds a contact if it has a name and a phone; returns whether it was added. */
    public boolean addContact(String name, String relationship, String phoneNumber) {
        if (name.isBlank() || phoneNumber.isBlank()) {
            fieldErrors.put("emergencyContacts", m.get("problem.emergencyContacts"));
            return false;
        }
        fieldErrors.remove("emergencyContacts");
        contacts.add(new EmergencyContact(name.strip(), relationship.isBlank() ? null : relationship.strip(),
                phoneNumber.strip()));
        return true;
    }

    public boolean addIdentifier(String system, String value) {
        if (system.isBlank() || value.isBlank()) {
            fieldErrors.put("identifiers", m.get("problem.identifiers"));
            return false;
        }
        fieldErrors.remove("identifiers");
        identifiers.add(new ExternalIdentifier(system.strip(), value.strip()));
        return true;
    }

    public void loadPhoto(Path file) {
        try {
            if (Files.size(file) > Patient.MAX_PHOTO_BYTES) {
                fieldErrors.put("photo", m.get("problem.photo"));
                return;
            }
            photo.set(Files.readAllBytes(file));
            fieldErrors.remove("photo");
        } catch (IOException e) {
            fieldErrors.put("photo", m.get("registration.photoUnreadable"));
        }
    }

    public PatientDraft draft() {
        return new PatientDraft(givenName.get(), familyName.get(), givenNameArabic.get(), familyNameArabic.get(),
                birthDate.get(), sex.get(), phone.get(), email.get(), address.get(), photo.get(), notes.get(),
                contacts, identifiers);
    }

    /** Saves, checking duplicates first for a new patient. */
    public void save(Consumer<Patient> onSaved) {
        if (busy.get()) {
            return;
        }
        PatientDraft draft = draft();
        start();
        if (editing != null) {
            async.run(() -> patients.update(session, editing.getId(), editing.getVersion(), draft),
                    p -> done(p, onSaved), this::failed);
            return;
        }
        async.run(() -> patients.possibleDuplicates(session, draft), found -> {
            if (found.isEmpty()) {
                register(draft, onSaved);
            } else {
                busy.set(false);
                duplicates.setAll(found);
            }
        }, this::failed);
    }

    /** The user saw the possible duplicates and registers a new patient all the same. */
    public void registerAnyway(Consumer<Patient> onSaved) {
        if (busy.get()) {
            return;
        }
        PatientDraft draft = draft();
        start();
        register(draft, onSaved);
    }

    public void dismissDuplicates() {
        duplicates.clear();
    }

    private void register(PatientDraft draft, Consumer<Patient> onSaved) {
        async.run(() -> patients.register(session, draft), p -> done(p, onSaved), this::failed);
    }

    private void start() {
        busy.set(true);
        message.set("");
        fieldErrors.clear();
        duplicates.clear();
    }

    private void done(Patient p, Consumer<Patient> onSaved) {
        busy.set(false);
        onSaved.accept(p);
    }

    private void failed(Throwable error) {
        busy.set(false);
        if (error instanceof PatientValidationException v) {
            v.problems().forEach(p -> fieldErrors.merge(p.field(), problemText(p), (a, b) -> a));
            message.set(m.get("registration.fixFields"));
        } else {
            message.set(ErrorText.of(error, m));
        }
    }

    private String problemText(PatientValidationException.Problem p) {
        String key = "problem." + p.field();
        return m.has(key) ? m.get(key) : p.message();
    }
}
