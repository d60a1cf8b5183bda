package org.vitalis.app;

/** Local uncommitted stub so the ecg branch compiles. */
final class StationBackups implements org.vitalis.ui.Backups {
    StationBackups(Station st) { }
    @Override
    public void backup(org.vitalis.security.UserSession s, java.nio.file.Path f, java.util.function.DoubleConsumer p) {
        throw new UnsupportedOperationException("stub");
    }
}
