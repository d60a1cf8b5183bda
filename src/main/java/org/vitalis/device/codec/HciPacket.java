package org.vitalis.device.codec;

import java.util.HexFormat;
import java.util.Locale;

/**
 * One packet of the Bluetooth HCI UART transport (Core Specification v5.4, Vol 4, Part A, 2: a packet indicator
 * byte, then the HCI packet of Vol 4, Part E, 5.4). {@link H4Decoder} produces these.
 */
public sealed interface HciPacket permits HciPacket.Command, HciPacket.Acl, HciEvent {
    /** H4 packet indicators (Vol 4, Part A, 2, table 2.1). */
    int COMMAND_INDICATOR = 0x01;
    int ACL_INDICATOR = 0x02;
    int EVENT_INDICATOR = 0x04;

    /** An HCI Command packet (Vol 4, Part E, 5.4.1): opcode = OGF (6 bits) << 10 | OCF (10 bits). */
    record Command(int opcode, byte[] parameters) implements HciPacket {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Command[opcode=0x%04X, parameters=%s]", opcode,
                    HexFormat.of().withUpperCase().formatHex(parameters));
        }
    }

    /**
     * An HCI ACL Data packet (Vol 4, Part E, 5.4.2). {@code boundary} is the Packet_Boundary_Flag: for LE, 0b00
     * starts an L2CAP PDU from the host, 0b10 starts one from the controller, 0b01 continues one; {@code broadcast}
     * is the Broadcast_Flag, always 0b00 on LE.
     */
    record Acl(int handle, int boundary, int broadcast, byte[] data) implements HciPacket {
        public static final int FIRST_NON_FLUSHABLE = 0b00;
        public static final int CONTINUATION = 0b01;
        public static final int FIRST_FLUSHABLE = 0b10;

        public boolean starts() {
            return boundary == FIRST_NON_FLUSHABLE || boundary == FIRST_FLUSHABLE;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Acl[handle=0x%03X, boundary=%d, data=%s]", handle, boundary,
                    HexFormat.of().withUpperCase().formatHex(data));
        }
    }
}
