package org.vitalis.store;

import java.util.Optional;
import org.vitalis.domain.AuditAction;

/**
 * The audit trail as the store sees it when it must record its own operations (backup, restore):
 * the hashing and the acting user belong to the security layer, which supplies this.
 */
public interface AuditLog {
    /** Appends one entry within the given transaction. */
    void append(StoreSession session, AuditAction action, String entityType, String entityId, String detail);

    /** Empty when the whole chain verifies, otherwise the first problem found. */
    Optional<String> verify(Database db);
}
