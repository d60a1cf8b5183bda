package org.vitalis.ui;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.vitalis.security.UserSession;

/** Taking a backup from the admin screen; the composition root supplies the real one. */
public interface Backups {
    /**
     * Writes a consistent compressed backup to {@code file}, reporting progress from 0 to 1.
     * Checks the BACKUP permission and audits; throws with a clear message on failure.
     */
    void backup(UserSession session, Path file, DoubleConsumer progress) throws Exception;
}
