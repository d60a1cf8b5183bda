package org.vitalis.ui.chart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.care.alert.Violation;
import org.vitalis.domain.Observation;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.ImplausibleValuesException;
import org.vitalis.registry.VitalsEntry;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.LocalNumbers;
import org.vitalis.ui.common.Messages;

/** Manual vitals entry. Nothing is stored unless every value is plausible. */
public final class VitalsFormViewModel {
    /** The signs a clinician types in; BMI is derived by the service. */
    public static final List<VitalSign> ENTERED = List.of(VitalSign.SYSTOLIC_BP, VitalSign.DIASTOLIC_BP,
            VitalSign.HEART_RATE, VitalSign.SPO2, VitalSign.BODY_TEMPERATURE, VitalSign.RESPIRATORY_RATE,
            VitalSign.BODY_WEIGHT, VitalSign.BODY_HEIGHT);

    private final VitalsService vitals;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final Clock clock;
    private final long patientId;
    private final Map<VitalSign, StringProperty> values = new EnumMap<>(VitalSign.class);
    private final ObjectProperty<LocalDate> takenDate = new SimpleObjectProperty<>();
    private final StringProperty takenTime = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<Observation> recorded = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public VitalsFormViewModel(VitalsService vitals, UserSession session, Async async, Messages m, Clock clock,
            long patientId) {
        this.vitals = vitals;
        this.session = session;
        this.async = async;
        this.m = m;
        this.clock = clock;
        this.patientId = patientId;
        ENTERED.forEach(s -> values.put(s, new SimpleStringProperty("")));
        resetTime();
    }

    public StringProperty value(VitalSign sign) { return values.get(sign); }
    public ObjectProperty<LocalDate> takenDate() { return takenDate; }
    public StringProperty takenTime() { return takenTime; }
    public StringProperty note() { return note; }
    public ObservableList<String> problems() { return problems; }
    public ObservableList<Observation> recorded() { return recorded; }
    public BooleanProperty busy() { return busy; }

    public void resetTime() {
        var now = clock.instant().atZone(m.zone());
        takenDate.set(now.toLocalDate());
        takenTime.set(now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
    }

    public void record(Consumer<List<Observation>> onRecorded) {
        if (busy.get()) {
            return;
        }
        problems.clear();
        List<String> errors = new ArrayList<>();
        Map<VitalSign, BigDecimal> parsed = new EnumMap<>(VitalSign.class);
        for (VitalSign sign : ENTERED) {
            try {
                LocalNumbers.parse(values.get(sign).get(), m.locale()).ifPresent(v -> parsed.put(sign, v));
            } catch (NumberFormatException e) {
                errors.add(m.get("vitals.notANumber", m.get("sign." + sign.name()), values.get(sign).get()));
            }
        }
        java.time.Instant taken = takenAt(errors);
        if (!errors.isEmpty()) {
            problems.setAll(errors);
            return;
        }
        VitalsEntry entry = new VitalsEntry(taken, parsed, note.get().isBlank() ? null : note.get().strip());
        busy.set(true);
        async.run(() -> vitals.record(session, patientId, entry), stored -> {
            busy.set(false);
            recorded.setAll(stored);
            values.values().forEach(v -> v.set(""));
            note.set("");
            resetTime();
            onRecorded.accept(stored);
        }, e -> {
            busy.set(false);
            recorded.clear();
            if (e instanceof ImplausibleValuesException iv) {
                problems.setAll(iv.violations().stream().map(this::sentence).toList());
            } else {
                problems.setAll(ErrorText.of(e, m));
            }
        });
    }

    private java.time.Instant takenAt(List<String> errors) {
        if (takenDate.get() == null) {
            errors.add(m.get("vitals.badTime"));
            return null;
        }
        try {
            LocalTime t = LocalTime.parse(LocalNumbers.westernDigits(takenTime.get().strip()));
            return takenDate.get().atTime(t).atZone(m.zone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(m.get("vitals.badTime"));
            return null;
        }
    }

    /** A violation as a sentence in the user's language that says why the value was refused. */
    public String sentence(Violation v) {
        String sign = v.sign() == null ? "" : m.get("sign." + v.sign().name());
        String unit = v.sign() == null ? "" : m.get("unit." + v.sign().name());
        return m.get("violation." + v.kind().name(), sign, m.number(v.value()), unit, m.number(v.min()),
                m.number(v.max()));
    }
}
