package org.vitalis.device.transport;

/** Line settings of a serial port, as device manuals state them ("115200 8N1, no flow control"). */
public record SerialSettings(int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl) {
    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public SerialSettings {
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("Baud rate " + baud + " is outside 50–4000000.");
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("Data bits must be 5 to 8, not " + dataBits + ".");
        }
    }

    public static SerialSettings of8N1(int baud) {
        return new SerialSettings(baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    /** "115200 8N1" and the like, for the device list. */
    public String shortForm() {
        char p = switch (parity) {
            case NONE -> 'N';
            case ODD -> 'O';
            case EVEN -> 'E';
            case MARK -> 'M';
            case SPACE -> 'S';
        };
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        return baud + " " + dataBits + p + stop + (flowControl == FlowControl.NONE ? "" : " " + flowControl);
    }
}
