package org.vitalis.device.codec;

/**
 * The HCI commands a Bluetooth LE central needs, as H4 packets (indicator 0x01, opcode, parameter length,
 * parameters; Core Specification v5.4, Vol 4, Part E, 5.4.1), and the return parameters it reads back.
 * Section numbers below are of Vol 4, Part E, 7.
 */
public final class HciCommands {
    public static final int DISCONNECT = 0x0406;              // 7.1.6
    public static final int SET_EVENT_MASK = 0x0C01;          // 7.3.1
    public static final int RESET = 0x0C03;                   // 7.3.2
    public static final int READ_BUFFER_SIZE = 0x1005;        // 7.4.5
    public static final int LE_SET_EVENT_MASK = 0x2001;       // 7.8.1
    public static final int LE_READ_BUFFER_SIZE = 0x2002;     // 7.8.2
    public static final int LE_SET_RANDOM_ADDRESS = 0x2005;   // 7.8.4
    public static final int LE_SET_SCAN_PARAMETERS = 0x200B;  // 7.8.10
    public static final int LE_SET_SCAN_ENABLE = 0x200C;      // 7.8.11
    public static final int LE_CREATE_CONNECTION = 0x200D;    // 7.8.12
    public static final int LE_CREATE_CONNECTION_CANCEL = 0x200E; // 7.8.13

    /**
     * The default event mask after Reset (7.3.1) plus bit 61, LE Meta event: without it a controller sends no
     * advertising reports and no LE connection events at all.
     */
    public static final long EVENT_MASK_WITH_LE_META = 0x0000_1FFF_FFFF_FFFFL | 1L << 61;

    /** Reason 0x13 "Remote User Terminated Connection" (Vol 1, Part F, 2), the usual reason a host disconnects. */
    public static final int REASON_REMOTE_USER_TERMINATED = 0x13;

    private HciCommands() {
    }

    /** LE Read Buffer Size return (7.8.2): 0 length means "use the shared BR/EDR buffers" (Read Buffer Size). */
    public record BufferSize(int aclDataPacketLength, int totalNumAclDataPackets) {
    }

    public static byte[] command(int opcode, byte... parameters) {
        if (parameters.length > 255) {
            throw new IllegalArgumentException("HCI command parameters are at most 255 bytes");
        }
        byte[] p = new byte[4 + parameters.length];
        p[0] = HciPacket.COMMAND_INDICATOR;
        p[1] = (byte) opcode;
        p[2] = (byte) (opcode >> 8);
        p[3] = (byte) parameters.length;
        System.arraycopy(parameters, 0, p, 4, parameters.length);
        return p;
    }

    public static byte[] reset() {
        return command(RESET);
    }

    public static byte[] setEventMask(long mask) {
        return command(SET_EVENT_MASK, le64(mask));
    }

    public static byte[] readBufferSize() {
        return command(READ_BUFFER_SIZE);
    }

    public static byte[] leReadBufferSize() {
        return command(LE_READ_BUFFER_SIZE);
    }

    public static byte[] leSetRandomAddress(BdAddress address) {
        return command(LE_SET_RANDOM_ADDRESS, address.bytes());
    }

    /**
     * @param active   active scanning asks for scan responses, where many devices put their name
     * @param interval scan interval in 0.625 ms units (0x0004-0x4000)
     * @param window   scan window in 0.625 ms units, at most the interval
     */
    public static byte[] leSetScanParameters(boolean active, int interval, int window, int ownAddressType) {
        if (interval < 4 || interval > 0x4000 || window < 4 || window > interval) {
            throw new IllegalArgumentException("scan interval and window must be 0x0004-0x4000 with window <= interval");
        }
        return command(LE_SET_SCAN_PARAMETERS, (byte) (active ? 1 : 0), (byte) interval, (byte) (interval >> 8),
                (byte) window, (byte) (window >> 8), (byte) ownAddressType, (byte) 0x00);
    }

    public static byte[] leSetScanEnable(boolean enable, boolean filterDuplicates) {
        return command(LE_SET_SCAN_ENABLE, (byte) (enable ? 1 : 0), (byte) (filterDuplicates ? 1 : 0));
    }

    /**
     * LE Create Connection (7.8.12) to one peer, no filter accept list.
     *
     * @param intervalMin        connection interval, 1.25 ms units (0x0006-0x0C80)
     * @param supervisionTimeout 10 ms units (0x000A-0x0C80), larger than (1 + latency) x interval max x 2
     */
    public static byte[] leCreateConnection(BdAddress peer, int ownAddressType, int scanInterval, int scanWindow,
            int intervalMin, int intervalMax, int latency, int supervisionTimeout) {
        ByteWriter b = new ByteWriter(25).u16(scanInterval).u16(scanWindow).u8(0x00).u8(peer.type())
                .bytes(peer.bytes()).u8(ownAddressType).u16(intervalMin).u16(intervalMax).u16(latency)
                .u16(supervisionTimeout).u16(0).u16(0);
        return command(LE_CREATE_CONNECTION, b.toArray());
    }

    public static byte[] leCreateConnectionCancel() {
        return command(LE_CREATE_CONNECTION_CANCEL);
    }

    public static byte[] disconnect(int handle, int reason) {
        return command(DISCONNECT, (byte) handle, (byte) (handle >> 8 & 0x0F), (byte) reason);
    }

    /** The return parameters of LE Read Buffer Size (7.8.2): status, length (2), count (1). */
    public static BufferSize leBufferSize(HciEvent.CommandComplete cc) {
        byte[] r = expect(cc, LE_READ_BUFFER_SIZE, 4);
        return new BufferSize((r[1] & 0xFF) | (r[2] & 0xFF) << 8, r[3] & 0xFF);
    }

    /** The ACL part of Read Buffer Size (7.4.5): status, ACL length (2), SCO length (1), ACL count (2), SCO count (2). */
    public static BufferSize bufferSize(HciEvent.CommandComplete cc) {
        byte[] r = expect(cc, READ_BUFFER_SIZE, 8);
        return new BufferSize((r[1] & 0xFF) | (r[2] & 0xFF) << 8, (r[4] & 0xFF) | (r[5] & 0xFF) << 8);
    }

    private static byte[] expect(HciEvent.CommandComplete cc, int opcode, int length) {
        if (cc.opcode() != opcode) {
            throw new CodecException(String.format("expected the completion of 0x%04X, not 0x%04X", opcode,
                    cc.opcode()), 1);
        }
        if (cc.returnParameters().length < length) {
            throw new CodecException(String.format("0x%04X returns %d bytes, got %d", opcode, length,
                    cc.returnParameters().length), 3);
        }
        return cc.returnParameters();
    }

    /** The command's name in the specification, or its opcode in hex. */
    public static String name(int opcode) {
        return switch (opcode) {
            case 0x0000 -> "No Operation";
            case DISCONNECT -> "Disconnect";
            case SET_EVENT_MASK -> "Set Event Mask";
            case RESET -> "Reset";
            case READ_BUFFER_SIZE -> "Read Buffer Size";
            case LE_SET_EVENT_MASK -> "LE Set Event Mask";
            case LE_READ_BUFFER_SIZE -> "LE Read Buffer Size";
            case LE_SET_RANDOM_ADDRESS -> "LE Set Random Address";
            case LE_SET_SCAN_PARAMETERS -> "LE Set Scan Parameters";
            case LE_SET_SCAN_ENABLE -> "LE Set Scan Enable";
            case LE_CREATE_CONNECTION -> "LE Create Connection";
            case LE_CREATE_CONNECTION_CANCEL -> "LE Create Connection Cancel";
            default -> String.format(java.util.Locale.ROOT, "opcode 0x%04X", opcode);
        };
    }

    /**
     * Return parameter lengths of the commands above (Vol 4, Part E, 7), so a Command Complete read out of noise can
     * be told from a real one; -1 for an opcode not listed here.
     */
    static int returnLength(int opcode) {
        return switch (opcode) {
            case 0x0000 -> 0;
            case SET_EVENT_MASK, RESET, LE_SET_EVENT_MASK, LE_SET_RANDOM_ADDRESS, LE_SET_SCAN_PARAMETERS,
                    LE_SET_SCAN_ENABLE, LE_CREATE_CONNECTION_CANCEL -> 1;
            case LE_READ_BUFFER_SIZE -> 4;
            case READ_BUFFER_SIZE -> 8;
            default -> -1;
        };
    }

    /** OGFs defined by Vol 4, Part E, 5.4.1 and 7: link control to LE controller, plus vendor specific 0x3F. */
    static boolean validOpcode(int opcode) {
        int ogf = opcode >> 10;
        return opcode == 0 || (ogf >= 0x01 && ogf <= 0x08) || ogf == 0x3F;
    }

    static byte[] le64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >> (8 * i));
        }
        return b;
    }
}
