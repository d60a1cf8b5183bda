package org.vitalis.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.store.Database;

/** Reading and exporting the audit trail, for admins; each look at it is audited too. */
public final class AuditService {
    public static final int MAX_ROWS = 10_000;

    private final Database db;
    private final AuditTrail audit;
    private final AccessGuard guard;

    public AuditService(Database db, AuditTrail audit, AccessGuard guard) {
        this.db = db;
        this.audit = audit;
        this.guard = guard;
    }

    /** Every criterion may be null. */
    public record Filter(Instant from, Instant to, String username, AuditAction action, String entityId) {
        public static Filter any() {
            return new Filter(null, null, null, null, null);
        }
    }

    public List<AuditEntry> search(UserSession session, Filter f, int limit) {
        guard.require(session, Permission.AUDIT_VIEW);
        return db.inTransaction(s -> {
            audit.record(s, session.actor(), AuditAction.AUDIT_VIEW, "audit", null, describe(f));
            return s.audit().search(f.from(), f.to(), f.username(), f.action(), f.entityId(), Math.min(limit, MAX_ROWS));
        });
    }

    /** CSV per RFC 4180, newest first; returns the number of rows written. */
    public int exportCsv(UserSession session, Filter f, Writer out) {
        guard.require(session, Permission.AUDIT_VIEW);
        List<AuditEntry> rows = db.inTransaction(s -> {
            audit.record(s, session.actor(), AuditAction.AUDIT_EXPORT, "audit", null, describe(f));
            return s.audit().search(f.from(), f.to(), f.username(), f.action(), f.entityId(), Integer.MAX_VALUE);
        });
        try {
            out.write("seq,occurred_at,username,workstation,action,entity_type,entity_id,detail,prev_hash,hash\r\n");
            for (AuditEntry e : rows) {
                out.write(String.join(",", Long.toString(e.getSeq()), e.getOccurredAt().toString(), csv(e.getUsername()),
                        csv(e.getWorkstation()), e.getAction().name(), csv(e.getEntityType()), csv(e.getEntityId()),
                        csv(e.getDetail()), e.getPrevHash(), e.getHash()));
                out.write("\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit export: " + e.getMessage(), e);
        }
        return rows.size();
    }

    public AuditTrail.Verification verify(UserSession session) {
        guard.require(session, Permission.AUDIT_VIEW);
        return audit.verify(db, n -> { });
    }

    /** The criteria that were set, e.g. "user=nurse, action=LOGIN"; "all" when none was. */
    private static String describe(Filter f) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (f.from() != null) {
            parts.add("from=" + f.from());
        }
        if (f.to() != null) {
            parts.add("to=" + f.to());
        }
        if (f.username() != null && !f.username().isBlank()) {
            parts.add("user=" + f.username().strip());
        }
        if (f.action() != null) {
            parts.add("action=" + f.action());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            parts.add("entity=" + f.entityId().strip());
        }
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
