package org.vitalis.security;

import org.vitalis.domain.AuditAction;
import org.vitalis.store.Database;

/** Checks a permission at the service boundary; a refusal is itself audited. */
public final class AccessGuard {
    private final Database db;
    private final AuditTrail audit;

    public AccessGuard(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    public void require(UserSession session, Permission permission) {
        if (session == null) {
            throw new AccessDeniedException(permission, "(not logged in)");
        }
        if (!session.can(permission)) {
            audit.record(db, session.actor(), AuditAction.ACCESS_DENIED, "permission", permission.name(), null);
            throw new AccessDeniedException(permission, session.username());
        }
    }
}
