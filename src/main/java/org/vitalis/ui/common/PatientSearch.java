package org.vitalis.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.domain.PatientSummary;
import org.vitalis.registry.Mrn;
import org.vitalis.registry.PatientService;
import org.vitalis.security.UserSession;

/**
 * Finding the patient at intake and at the ECG station: typing searches, Enter on a scanned MRN picks that patient
 * at once, Enter with a single match picks it. A slower, older search never overwrites a newer one's results.
 */
public final class PatientSearch {
    private final PatientService patients;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final ObservableList<PatientSummary> results = FXCollections.observableArrayList();
    private final ObjectProperty<PatientSummary> patient = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private long generation;

    public PatientSearch(PatientService patients, UserSession session, Async async, Messages m) {
        this.patients = patients;
        this.session = session;
        this.async = async;
        this.m = m;
        status.set(m.get("intake.hint"));
    }

    public ObservableList<PatientSummary> results() { return results; }
    public ObjectProperty<PatientSummary> patient() { return patient; }
    public StringProperty status() { return status; }

    public String displayName(PatientSummary p) {
        return displayName(p, m);
    }

    /** The patient's name as pickers and lists show it: in Arabic script when the screen is Arabic and it has one. */
    public static String displayName(PatientSummary p, Messages m) {
        boolean arabic = m.rightToLeft() && p.givenNameArabic() != null && !p.givenNameArabic().isBlank();
        String name = arabic ? p.givenNameArabic() + " " + (p.familyNameArabic() == null ? "" : p.familyNameArabic())
                : p.givenName() + " " + p.familyName();
        return name.strip();
    }

    /** A row of a list naming the patient: name, then MRN. */
    public static String nameAndMrn(PatientSummary p, Messages m) {
        return displayName(p, m) + " · " + p.mrn();
    }

    public void search(String text) {
        long mine = ++generation;
        String query = text == null ? "" : LocalNumbers.westernDigits(text.strip());
        if (query.isEmpty()) {
            results.clear();
            status.set(m.get("intake.hint"));
            return;
        }
        async.run(() -> patients.search(session, query), found -> {
            if (mine == generation) {
                results.setAll(found);
                status.set(found.isEmpty() ? m.get("patients.none") : m.get("patients.found", found.size()));
            }
        }, e -> {
            if (mine == generation) {
                status.set(ErrorText.of(e, m));
            }
        });
    }

    public void submit(String text) {
        String query = text == null ? "" : LocalNumbers.westernDigits(text.strip());
        if (Mrn.isValid(query)) {
            long mine = ++generation;
            async.run(() -> patients.findByMrn(session, query), found -> {
                if (found.isPresent()) {
                    patient.set(found.get());
                } else if (mine == generation) {
                    search(query);
                }
            }, e -> status.set(ErrorText.of(e, m)));
        } else if (results.size() == 1) {
            patient.set(results.getFirst());
        }
    }
}
