package org.vitalis.app;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.vitalis.security.BackupAccess;
import org.vitalis.security.UserSession;
import org.vitalis.store.BackupService;
import org.vitalis.ui.Backups;

/** The admin screen's backup: permission-checked and audited as the logged-in user. */
final class StationBackups implements Backups {
    private final BackupAccess access;

    StationBackups(Station st) {
        this.access = new BackupAccess(st.db, new BackupService(st.clock), st.trail, st.guard);
    }

    @Override
    public void backup(UserSession session, Path file, DoubleConsumer progress) throws Exception {
        access.backup(session, file, progress);
    }
}
