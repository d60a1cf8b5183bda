package org.vitalis.app;

import java.io.PrintWriter;
import java.util.function.DoubleConsumer;

/** Shows a long command's progress on stderr: a line per tenth, so logs of scripted runs stay short. */
final class ProgressPrinter implements DoubleConsumer {
    private final PrintWriter err;
    private final String what;
    private int lastTenth = -1;

    ProgressPrinter(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public void accept(double fraction) {
        int tenth = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 10);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(what + ": " + tenth * 10 + "%");
        }
    }
}
