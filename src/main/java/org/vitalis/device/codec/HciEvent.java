package org.vitalis.device.codec;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The HCI events a Bluetooth LE host needs (Core Specification v5.4, Vol 4, Part E, 7.7); parsed by {@link HciEvents}. */
public sealed interface HciEvent extends HciPacket {
    int DISCONNECTION_COMPLETE = 0x05;
    int COMMAND_COMPLETE = 0x0E;
    int COMMAND_STATUS = 0x0F;
    int NUMBER_OF_COMPLETED_PACKETS = 0x13;
    int LE_META = 0x3E;
    int LE_CONNECTION_COMPLETE = 0x01;
    int LE_ADVERTISING_REPORT = 0x02;
    int LE_ENHANCED_CONNECTION_COMPLETE = 0x0A;

    /** Command Complete (7.7.14); the first return parameter of every command this host sends is its status. */
    record CommandComplete(int numCommandPackets, int opcode, byte[] returnParameters) implements HciEvent {
        /** The status byte, or 0 for the NOP opcode 0x0000 that only grants command credits. */
        public int status() {
            return returnParameters.length == 0 ? 0 : returnParameters[0] & 0xFF;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CommandComplete[opcode=0x%04X, return=%s]", opcode,
                    HexFormat.of().withUpperCase().formatHex(returnParameters));
        }
    }

    /** Command Status (7.7.15): the controller took the command (status 0) and will report its end later. */
    record CommandStatus(int status, int numCommandPackets, int opcode) implements HciEvent {
    }

    /** Disconnection Complete (7.7.5); {@code reason} is an error code of Vol 1, Part F, e.g. 0x13 or 0x08. */
    record DisconnectionComplete(int status, int handle, int reason) implements HciEvent {
    }

    /** One entry of Number Of Completed Packets: the controller sent (or flushed) {@code count} packets of a handle. */
    record Completed(int handle, int count) {
    }

    /** Number Of Completed Packets (7.7.19): returns ACL buffer credits to the host. */
    record NumberOfCompletedPackets(List<Completed> completed) implements HciEvent {
        public NumberOfCompletedPackets {
            completed = List.copyOf(completed);
        }
    }

    /**
     * LE Connection Complete (7.7.65.1) or LE Enhanced Connection Complete (7.7.65.10, {@code enhanced}); interval
     * in 1.25 ms units, supervision timeout in 10 ms units.
     */
    record LeConnectionComplete(boolean enhanced, int status, int handle, int role, BdAddress peer, int interval,
            int latency, int supervisionTimeout, int clockAccuracy) implements HciEvent {
        public static final int ROLE_CENTRAL = 0x00;
    }

    /**
     * One LE Advertising Report (7.7.65.2). Event type 0x00 ADV_IND and 0x01 ADV_DIRECT_IND are connectable;
     * 0x02 ADV_SCAN_IND, 0x03 ADV_NONCONN_IND and 0x04 SCAN_RSP are not. RSSI in dBm, 127 = not available.
     */
    record AdvertisingReport(int eventType, BdAddress address, byte[] data, int rssi) {
        public static final int ADV_IND = 0x00;
        public static final int ADV_DIRECT_IND = 0x01;
        public static final int SCAN_RSP = 0x04;

        public boolean connectable() {
            return eventType == ADV_IND || eventType == ADV_DIRECT_IND;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "AdvertisingReport[type=%d, address=%s, data=%s, rssi=%d]", eventType,
                    address, HexFormat.of().withUpperCase().formatHex(data), rssi);
        }
    }

    record LeAdvertisingReport(List<AdvertisingReport> reports) implements HciEvent {
        public LeAdvertisingReport {
            reports = List.copyOf(reports);
        }
    }

    /** An LE Meta subevent this host does not act on, kept whole. */
    record LeOther(int subevent, byte[] parameters) implements HciEvent {
    }

    /** An event this host does not act on (e.g. Hardware Error 0x10, vendor 0xFF), kept whole. */
    record Other(int code, byte[] parameters) implements HciEvent {
    }
}
