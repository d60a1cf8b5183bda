package org.vitalis.ui;

/** Local uncommitted stub so the ecg branch compiles. */
public final class WorkstationApp {
    private WorkstationApp() { }
    public static void launch(UiContext ctx) { throw new UnsupportedOperationException("stub"); }
}
