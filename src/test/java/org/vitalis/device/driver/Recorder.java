package org.vitalis.device.driver;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Keeps every event a driver delivers, for assertions from the test thread. */
class Recorder implements DeviceListener {
    final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
    final List<DeviceReading> readings = new CopyOnWriteArrayList<>();
    final List<WaveformChunk> waveforms = new CopyOnWriteArrayList<>();
    final List<DeviceGap> gaps = new CopyOnWriteArrayList<>();

    @Override
    public void status(DeviceStatus status) {
        statuses.add(status);
    }

    @Override
    public void reading(DeviceReading reading) {
        readings.add(reading);
    }

    @Override
    public void waveform(WaveformChunk chunk) {
        waveforms.add(chunk);
    }

    @Override
    public void gap(DeviceGap gap) {
        gaps.add(gap);
    }

    /** This recorder as a protocol session's sink, for sessions driven without a driver. */
    ProtocolSession.Sink sink() {
        return new ProtocolSession.Sink() {
            @Override
            public void reading(DeviceReading reading) {
                Recorder.this.reading(reading);
            }

            @Override
            public void waveform(WaveformChunk chunk) {
                Recorder.this.waveform(chunk);
            }

            @Override
            public void gap(DeviceGap gap) {
                Recorder.this.gap(gap);
            }
        };
    }

    boolean sawState(DeviceState s) {
        return statuses.stream().anyMatch(x -> x.state() == s);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
