package org.vitalis.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/** A serial port opened by path through jSerialComm ("/dev/ttyUSB0", "/dev/pts/7", "COM3"). */
public final class SerialPortTransport implements ByteTransport {
    private final SerialPort port;
    private final String path;
    private final SerialSettings settings;
    private int timeoutMs = -1;

    private SerialPortTransport(SerialPort port, String path, SerialSettings settings) {
        this.port = port;
        this.path = path;
        this.settings = settings;
    }

    public static SerialPortTransport open(String path, SerialSettings settings) throws TransportException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new TransportException("There is no serial port " + path + ".", e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings), parity(settings));
        port.setFlowControl(flow(settings));
        if (!port.openPort()) {
            throw new TransportException(openFailure(path, port.getLastErrorCode()));
        }
        return new SerialPortTransport(port, path, settings);
    }

    /** Plain words for the usual reasons a port will not open (errno values of Linux/macOS, Win32 codes). */
    static String openFailure(String path, int code) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean windows = os.contains("win");
        if (!windows && code == 13) {
            return "Permission denied on " + path + ". " + (os.contains("linux")
                    ? "Add your user to the group that owns the port (usually 'dialout': sudo usermod -aG dialout $USER), then log out and in again."
                    : "Give your user read and write access to the port, or ask the administrator.");
        }
        if (windows && code == 5) {
            return "Access to " + path + " is denied: another program is using it, or it needs administrator rights.";
        }
        if ((!windows && code == 2) || (windows && code == 2)) {
            return "There is no serial port " + path + ": check the name and that the device is plugged in.";
        }
        if (!windows && code == 16) {
            return path + " is busy: another program has it open.";
        }
        return "Could not open " + path + " (system error " + code + ").";
    }

    @Override
    public String describe() {
        return path + " " + settings.shortForm();
    }

    @Override
    public int read(byte[] buffer, int offset, int len, Duration timeout) throws IOException {
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (ms != timeoutMs) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, ms, 0);
            timeoutMs = ms;
        }
        int n = port.readBytes(buffer, len, offset);
        if (n < 0) {
            if (!port.isOpen()) {
                return -1;
            }
            throw new TransportException("Reading " + path + " failed (system error " + port.getLastErrorCode()
                    + "): the cable may have been pulled.");
        }
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        int written = port.writeBytes(data, data.length);
        if (written != data.length) {
            throw new TransportException("Writing to " + path + " failed (system error " + port.getLastErrorCode() + ").");
        }
    }

    @Override
    public void close() {
        port.closePort();
    }

    private static int stopBits(SerialSettings s) {
        return switch (s.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int flow(SerialSettings s) {
        return switch (s.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }
}
