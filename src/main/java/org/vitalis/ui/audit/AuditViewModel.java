package org.vitalis.ui.audit;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.security.AuditService;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.ErrorText;
import org.vitalis.ui.common.Messages;

/** Filtering, exporting and verifying the audit trail. Dates are whole local days. */
public final class AuditViewModel {
    static final int LIMIT = 1000;

    private final AuditService audit;
    private final UserSession session;
    private final Async async;
    private final Messages m;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final StringProperty entityId = new SimpleStringProperty("");
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty verification = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty chainBroken = new javafx.beans.property.SimpleBooleanProperty();

    public AuditViewModel(AuditService audit, UserSession session, Async async, Messages m) {
        this.audit = audit;
        this.session = session;
        this.async = async;
        this.m = m;
    }

    public ObjectProperty<LocalDate> from() { return from; }
    public ObjectProperty<LocalDate> to() { return to; }
    public StringProperty user() { return user; }
    public ObjectProperty<AuditAction> action() { return action; }
    public StringProperty entityId() { return entityId; }
    public ObservableList<AuditEntry> entries() { return entries; }
    public StringProperty status() { return status; }
    public StringProperty error() { return error; }
    public StringProperty verification() { return verification; }
    public javafx.beans.property.BooleanProperty chainBroken() { return chainBroken; }

    public AuditService.Filter filter() {
        Instant start = from.get() == null ? null : from.get().atStartOfDay(m.zone()).toInstant();
        // "To" includes the whole day the user picked.
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(m.zone()).toInstant();
        return new AuditService.Filter(start, end, blankToNull(user.get()), action.get(), blankToNull(entityId.get()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public void search() {
        AuditService.Filter f = filter();
        error.set("");
        async.run(() -> audit.search(session, f, LIMIT), list -> {
            entries.setAll(list);
            status.set(m.get(list.size() >= LIMIT ? "audit.rowsLimited" : "audit.rows", m.number(list.size())));
        }, e -> error.set(ErrorText.of(e, m)));
    }

    public void export(Path file) {
        AuditService.Filter f = filter();
        error.set("");
        async.run(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return audit.exportCsv(session, f, w);
            }
        }, n -> status.set(m.get("audit.exported", m.number(n), file.getFileName().toString())),
                e -> error.set(m.get("audit.exportFailed", ErrorText.of(e, m))));
    }

    public void verify() {
        verification.set(m.get("audit.verifying"));
        chainBroken.set(false);
        async.run(() -> audit.verify(session), this::showVerification, e -> {
            verification.set("");
            error.set(ErrorText.of(e, m));
        });
    }

    private void showVerification(AuditTrail.Verification v) {
        chainBroken.set(!v.intact());
        verification.set(v.intact() ? m.get("audit.intact", m.number(v.rowsChecked()))
                : m.get("audit.broken", m.number(v.firstBrokenSeq()), v.problem()));
    }
}
