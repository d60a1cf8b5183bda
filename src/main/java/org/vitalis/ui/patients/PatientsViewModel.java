package org.vitalis.ui.patients;

import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.domain.PatientSummary;
import org.vitalis.registry.Mrn;
import org.vitalis.registry.PatientService;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.LocalNumbers;
import org.vitalis.ui.common.Messages;

/** Patient search: the latest query wins, older answers arriving late are dropped. */
public final class PatientsViewModel {
    private final PatientService patients;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final ObservableList<PatientSummary> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private long generation;

    public PatientsViewModel(PatientService patients, UserSession session, Async async, Messages m) {
        this.patients = patients;
        this.session = session;
        this.async = async;
        this.m = m;
        status.set(m.get("patients.hint"));
    }

    public ObservableList<PatientSummary> results() {
        return results;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty searching() {
        return searching;
    }

    public boolean canRegister() {
        return session.can(Permission.PATIENT_REGISTER);
    }

    public void search(String text) {
        long mine = ++generation;
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            results.clear();
            status.set(m.get("patients.hint"));
            return;
        }
        searching.set(true);
        async.run(() -> patients.search(session, LocalNumbers.westernDigits(query)), found -> {
            if (mine == generation) {
                searching.set(false);
                results.setAll(found);
                status.set(found.isEmpty() ? m.get("patients.none")
                        : m.get("patients.found", found.size()));
            }
        }, error -> {
            if (mine == generation) {
                searching.set(false);
                results.clear();
                status.set(ErrorText.of(error, m));
            }
        });
    }

    /**
     * Enter in the search field: a barcode scanner types an MRN and Enter, which opens that chart
     * directly; otherwise a single result is opened.
     */
    public void submit(String text, LongConsumer openChart) {
        String query = text == null ? "" : LocalNumbers.westernDigits(text.strip());
        if (Mrn.isValid(query)) {
            long mine = ++generation;
            async.run(() -> patients.findByMrn(session, query), found -> {
                if (found.isPresent()) {
                    openChart.accept(found.get().id());
                } else if (mine == generation) {
                    search(query);
                }
            }, error -> status.set(ErrorText.of(error, m)));
        } else if (results.size() == 1) {
            openChart.accept(results.getFirst().id());
        }
    }
}
