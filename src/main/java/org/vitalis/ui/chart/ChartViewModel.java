package org.vitalis.ui.chart;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.domain.Observation;
import org.vitalis.domain.Patient;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/** One open chart: the patient, their observations and the sign the trend shows. */
public final class ChartViewModel {
    private final PatientService patients;
    private final VitalsService vitals;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final long patientId;
    private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>();
    private final ObservableList<Observation> observations = FXCollections.observableArrayList();
    private final ObjectProperty<VitalSign> trendSign = new SimpleObjectProperty<>(VitalSign.SYSTOLIC_BP);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public ChartViewModel(PatientService patients, VitalsService vitals, UserSession session, Async async, Messages m,
            long patientId) {
        this.patients = patients;
        this.vitals = vitals;
        this.session = session;
        this.async = async;
        this.m = m;
        this.patientId = patientId;
    }

    public long patientId() { return patientId; }
    public ObjectProperty<Patient> patient() { return patient; }
    public ObservableList<Observation> observations() { return observations; }
    public ObjectProperty<VitalSign> trendSign() { return trendSign; }
    public StringProperty message() { return message; }
    public BooleanProperty loading() { return loading; }

    public boolean canRecord() {
        return session.can(Permission.VITALS_RECORD);
    }

    public boolean canEdit() {
        return session.can(Permission.PATIENT_REGISTER);
    }

    /** Opening a chart is audited by the service, once per open. */
    public void load() {
        loading.set(true);
        async.run(() -> new Loaded(patients.open(session, patientId), vitals.history(session, patientId)), l -> {
            loading.set(false);
            patient.set(l.patient());
            observations.setAll(l.observations());
        }, e -> {
            loading.set(false);
            message.set(m.get("chart.loadFailed", ErrorText.of(e, m)));
        });
    }

    public void reloadVitals() {
        async.run(() -> vitals.history(session, patientId), observations::setAll,
                e -> message.set(ErrorText.of(e, m)));
    }

    /** Oldest first, for the trend; blood pressure brings systolic and diastolic. */
    public List<Observation> trend(VitalSign sign) {
        return observations.stream()
                .filter(o -> o.sign() == sign)
                .sorted(Comparator.comparing(Observation::getEffectiveAt))
                .toList();
    }

    public static int age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    private record Loaded(Patient patient, List<Observation> observations) {
    }
}
