package org.vitalis.registry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vitalis.care.alert.Bmi;
import org.vitalis.care.alert.Violation;
import org.vitalis.care.alert.VitalSignRules;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.Observation;
import org.vitalis.domain.VitalSign;
import org.vitalis.security.AccessGuard;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.store.Database;
import org.vitalis.store.StoreSession;

/**
 * Recording and reading vital signs. An entry is all-or-nothing: one implausible value refuses
 * the whole entry, so a half-saved sitting never misleads the next reader.
 */
public final class VitalsService {
    /** The width of observation.source (V1__core_schema.sql). */
    private static final int SOURCE_LENGTH = 100;

    /** Workstation clocks drift; an entry up to this far "in the future" is still accepted. */
    /**
     * How an observation names the device that read it: its name for people, and its id qualified by the workstation,
     * because device ids are only unique within one station while a clinic's stations share one database.
     */
    static String sourceLabel(UserSession session, VitalsEntry.DeviceSource device) {
        String id = " [" + session.workstation() + "/" + device.deviceId() + "]";
        String name = device.deviceName().strip();
        int room = SOURCE_LENGTH - id.length();
        if (room < 1) {
            return (session.workstation() + "/" + device.deviceId()).substring(0, SOURCE_LENGTH);
        }
        return (name.length() > room ? name.substring(0, room - 1) + "…" : name) + id;
    }

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Database db;
    private final AuditTrail audit;
    private final AccessGuard guard;
    private final Clock clock;

    public VitalsService(Database db, AuditTrail audit, AccessGuard guard, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /** The patient's observations, newest first. */
    public List<Observation> history(UserSession session, long patientId) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            audit.record(s, session.actor(), AuditAction.PATIENT_VIEW, "patient", String.valueOf(patientId), "vitals");
            return s.observations().forPatient(patientId);
        });
    }

    /** Checks an entry without storing it; empty when it would be accepted. */
    public List<Violation> check(VitalsEntry entry) {
        List<Violation> out = new ArrayList<>();
        if (entry.values().isEmpty()) {
            out.add(new Violation(Violation.Kind.NOTHING_ENTERED, null, null, null, null));
        }
        entry.values().forEach((sign, value) -> VitalSignRules.checkPlausible(sign, value).ifPresent(out::add));
        BigDecimal sys = entry.get(VitalSign.SYSTOLIC_BP);
        BigDecimal dia = entry.get(VitalSign.DIASTOLIC_BP);
        if ((sys == null) != (dia == null)) {
            out.add(new Violation(Violation.Kind.BP_INCOMPLETE, sys == null ? VitalSign.SYSTOLIC_BP : VitalSign.DIASTOLIC_BP,
                    null, null, null));
        } else if (sys != null && dia.compareTo(sys) >= 0) {
            out.add(new Violation(Violation.Kind.DIASTOLIC_NOT_BELOW_SYSTOLIC, VitalSign.DIASTOLIC_BP, dia, null, sys));
        }
        if (entry.takenAt() == null || entry.takenAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            out.add(new Violation(Violation.Kind.TAKEN_IN_FUTURE, null, null, null, null));
        }
        return out;
    }

    /**
     * Stores an entry, manual or from a device; throws {@link ImplausibleValuesException} and stores
     * nothing if any value is refused. Device values keep the device id and raw frame as their source.
     */
    public List<Observation> record(UserSession session, long patientId, VitalsEntry entry) {
        guard.require(session, Permission.VITALS_RECORD);
        List<Violation> violations = check(entry);
        if (!violations.isEmpty()) {
            throw new ImplausibleValuesException(violations);
        }
        return db.inTransaction(s -> {
            s.patients().find(patientId).orElseThrow(() -> new IllegalArgumentException("No patient with id " + patientId));
            String entryId = UUID.randomUUID().toString();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant taken = entry.takenAt().truncatedTo(ChronoUnit.MICROS);
            List<Observation> stored = new ArrayList<>();
            entry.values().forEach((sign, value) -> {
                String panel = sign == VitalSign.SYSTOLIC_BP || sign == VitalSign.DIASTOLIC_BP ? VitalSign.BP_PANEL_LOINC : null;
                VitalsEntry.DeviceSource device = entry.device();
                BigDecimal read = device == null ? null : device.deviceValues().get(sign);
                boolean fromDevice = read != null && read.compareTo(value) == 0;
                String note = read != null && !fromDevice
                        ? join(entry.note(), "corrected by hand; " + sourceLabel(session, device) + " read "
                                + read.toPlainString())
                        : entry.note();
                stored.add(new Observation(patientId, entryId, panel, sign, value, taken, now, session.username(),
                        fromDevice ? sourceLabel(session, device) : Observation.SOURCE_MANUAL,
                        fromDevice ? device.rawPayload() : null, VitalSignRules.classify(sign, value), note));
            });
            bmi(s, patientId, entry).ifPresent(bmi -> stored.add(new Observation(patientId, entryId, null, VitalSign.BMI,
                    bmi, taken, now, session.username(), Observation.SOURCE_DERIVED, null,
                    VitalSignRules.classify(VitalSign.BMI, bmi), null)));
            stored.forEach(o -> s.observations().add(o));
            audit.record(s, session.actor(), AuditAction.OBSERVATION_CREATE, "patient", String.valueOf(patientId),
                    "entry=" + entryId + " codes=" + stored.stream().map(Observation::getCode).toList());
            return stored;
        });
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + "; " + b;
    }

    /** BMI from this entry's weight and this entry's height, or else the latest height on file. */
    private static Optional<BigDecimal> bmi(StoreSession s, long patientId, VitalsEntry entry) {
        BigDecimal weight = entry.get(VitalSign.BODY_WEIGHT);
        if (weight == null) {
            return Optional.empty();
        }
        BigDecimal height = entry.get(VitalSign.BODY_HEIGHT);
        if (height == null) {
            height = s.observations().forPatient(patientId).stream()
                    .filter(o -> o.getCode().equals(VitalSign.BODY_HEIGHT.loinc()))
                    .map(Observation::getValue).findFirst().orElse(null);
        }
        if (height == null) {
            return Optional.empty();
        }
        BigDecimal bmi = Bmi.of(weight, height);
        return VitalSignRules.checkPlausible(VitalSign.BMI, bmi).isEmpty() ? Optional.of(bmi) : Optional.empty();
    }
}
