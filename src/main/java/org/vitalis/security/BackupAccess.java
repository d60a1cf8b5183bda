package org.vitalis.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.vitalis.store.BackupService;
import org.vitalis.store.Database;

/**
 * Backups as a logged-in user takes them (the admin screen's "Back up now"): checks the BACKUP
 * permission and records the backup in the audit trail as that user. Restore has no session
 * form, because it runs with Vitalis closed; callers use {@link BackupService#restore} with
 * {@link AuditTrail#logFor(Actor)}.
 */
public final class BackupAccess {
    private final Database db;
    private final BackupService backups;
    private final AuditTrail audit;
    private final AccessGuard guard;

    public BackupAccess(Database db, BackupService backups, AuditTrail audit, AccessGuard guard) {
        this.db = db;
        this.backups = backups;
        this.audit = audit;
        this.guard = guard;
    }

    public BackupService.Manifest backup(UserSession session, Path file, DoubleConsumer progress) throws IOException {
        guard.require(session, Permission.BACKUP);
        return backups.backup(db, file, progress, audit.logFor(session.actor()));
    }
}
