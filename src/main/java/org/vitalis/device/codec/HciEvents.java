package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vitalis.device.codec.HciEvent.AdvertisingReport;
import org.vitalis.device.codec.HciEvent.Completed;

/**
 * Parses and builds HCI event packets (Core Specification v5.4, Vol 4, Part E, 5.4.4 and 7.7). Arrayed parameters
 * are grouped by index (Part E, 5.2), so an advertising report's RSSI follows its data. Parsing checks every length
 * the specification fixes, because a stream decoder relies on it to tell an event from noise.
 */
public final class HciEvents {
    // Advertising data is at most 31 bytes in legacy advertising (Vol 6, Part B, 2.3.1), reports 1..0x19 per event.
    private static final int MAX_LEGACY_AD = 31;
    private static final int MAX_REPORTS = 0x19;

    private HciEvents() {
    }

    /** An event code defined by the specification (0x01-0x59), or 0xFE/0xFF (testing, vendor specific). */
    static boolean knownCode(int code) {
        return (code >= 0x01 && code <= 0x59) || code == 0xFE || code == 0xFF;
    }

    public static HciEvent parse(int code, byte[] p) {
        return switch (code) {
            case HciEvent.DISCONNECTION_COMPLETE -> {
                length(p, 4, "Disconnection Complete");
                yield new HciEvent.DisconnectionComplete(p[0] & 0xFF, handle(p, 1, p[0] == 0), p[3] & 0xFF);
            }
            case HciEvent.COMMAND_COMPLETE -> commandComplete(p);
            case HciEvent.COMMAND_STATUS -> {
                length(p, 4, "Command Status");
                int opcode = u16(p, 2);
                if (!HciCommands.validOpcode(opcode)) {
                    throw new CodecException(String.format("Command Status for undefined opcode 0x%04X", opcode), 2);
                }
                yield new HciEvent.CommandStatus(p[0] & 0xFF, p[1] & 0xFF, opcode);
            }
            case HciEvent.NUMBER_OF_COMPLETED_PACKETS -> completedPackets(p);
            case HciEvent.LE_META -> leMeta(p);
            default -> {
                if (!knownCode(code)) {
                    throw new CodecException(String.format("event code 0x%02X is not defined", code), 0);
                }
                yield new HciEvent.Other(code, p.clone());
            }
        };
    }

    private static HciEvent.CommandComplete commandComplete(byte[] p) {
        if (p.length < 3) {
            throw new CodecException("Command Complete has at least 3 parameter bytes, got " + p.length, 0);
        }
        int opcode = u16(p, 1);
        if (!HciCommands.validOpcode(opcode)) {
            throw new CodecException(String.format("Command Complete for undefined opcode 0x%04X", opcode), 1);
        }
        byte[] ret = Arrays.copyOfRange(p, 3, p.length);
        int expected = HciCommands.returnLength(opcode);
        // A failed command may return its status alone; otherwise the length is the command's.
        boolean statusOnly = ret.length == 1 && ret[0] != 0;
        if (expected >= 0 && ret.length != expected && !statusOnly) {
            throw new CodecException(String.format("Command Complete for 0x%04X returns %d bytes, not %d", opcode,
                    ret.length, expected), 3);
        }
        return new HciEvent.CommandComplete(p[0] & 0xFF, opcode, ret);
    }

    private static HciEvent completedPackets(byte[] p) {
        if (p.length < 1 || p.length != 1 + 4 * (p[0] & 0xFF)) {
            throw new CodecException("Number Of Completed Packets has 1 + 4 x Num_Handles bytes, got " + p.length,
                    0);
        }
        List<Completed> list = new ArrayList<>(p[0] & 0xFF);
        for (int i = 0; i < (p[0] & 0xFF); i++) {
            list.add(new Completed(handle(p, 1 + 4 * i, true), u16(p, 3 + 4 * i)));
        }
        return new HciEvent.NumberOfCompletedPackets(list);
    }

    private static HciEvent leMeta(byte[] p) {
        if (p.length < 1) {
            throw new CodecException("LE Meta event without a subevent code", 0);
        }
        int sub = p[0] & 0xFF;
        return switch (sub) {
            case HciEvent.LE_CONNECTION_COMPLETE -> {
                length(p, 19, "LE Connection Complete");
                yield new HciEvent.LeConnectionComplete(false, p[1] & 0xFF, handle(p, 2, p[1] == 0), p[4] & 0xFF,
                        BdAddress.read(p, 6, p[5] & 0xFF), u16(p, 12), u16(p, 14), u16(p, 16), p[18] & 0xFF);
            }
            case HciEvent.LE_ENHANCED_CONNECTION_COMPLETE -> {
                // Same fields plus the local and peer resolvable private addresses (2 x 6 bytes) before the interval.
                length(p, 31, "LE Enhanced Connection Complete");
                yield new HciEvent.LeConnectionComplete(true, p[1] & 0xFF, handle(p, 2, p[1] == 0), p[4] & 0xFF,
                        BdAddress.read(p, 6, p[5] & 0xFF), u16(p, 24), u16(p, 26), u16(p, 28), p[30] & 0xFF);
            }
            case HciEvent.LE_ADVERTISING_REPORT -> advertisingReport(p);
            default -> {
                if (sub == 0 || sub > 0x3F) {
                    throw new CodecException(String.format("LE subevent 0x%02X is not defined", sub), 0);
                }
                yield new HciEvent.LeOther(sub, Arrays.copyOfRange(p, 1, p.length));
            }
        };
    }

    private static HciEvent advertisingReport(byte[] p) {
        if (p.length < 2) {
            throw new CodecException("LE Advertising Report without reports", 1);
        }
        int n = p[1] & 0xFF;
        if (n < 1 || n > MAX_REPORTS) {
            throw new CodecException("LE Advertising Report announces " + n + " reports; 1-25 are allowed", 1);
        }
        List<AdvertisingReport> reports = new ArrayList<>(n);
        int at = 2;
        for (int i = 0; i < n; i++) {
            if (p.length - at < 10) {
                throw new CodecException("advertising report " + (i + 1) + " of " + n + " is cut short", at);
            }
            int type = p[at] & 0xFF;
            if (type > AdvertisingReport.SCAN_RSP) {
                throw new CodecException("advertising event type " + type + " is not 0-4", at);
            }
            BdAddress address = BdAddress.read(p, at + 2, p[at + 1] & 0xFF);
            int len = p[at + 8] & 0xFF;
            if (len > MAX_LEGACY_AD || p.length - at - 9 < len + 1) {
                throw new CodecException("advertising report " + (i + 1) + " announces " + len
                        + " data bytes that are not there (at most 31)", at + 8);
            }
            byte[] data = Arrays.copyOfRange(p, at + 9, at + 9 + len);
            int rssi = p[at + 9 + len];
            reports.add(new AdvertisingReport(type, address, data, rssi));
            at += 10 + len;
        }
        if (at != p.length) {
            throw new CodecException("LE Advertising Report has " + (p.length - at) + " bytes after its reports", at);
        }
        return new HciEvent.LeAdvertisingReport(reports);
    }

    private static void length(byte[] p, int n, String event) {
        if (p.length != n) {
            throw new CodecException(event + " has " + n + " parameter bytes, got " + p.length, 0);
        }
    }

    private static int u16(byte[] p, int at) {
        return (p[at] & 0xFF) | (p[at + 1] & 0xFF) << 8;
    }

    /** A connection handle; only a successful event must carry a valid one (0x0000-0x0EFF, Part E, 5.4.2). */
    private static int handle(byte[] p, int at, boolean mustBeValid) {
        int h = u16(p, at);
        if (!mustBeValid) {
            return h & 0x0FFF;
        }
        if (h > 0x0EFF) {
            throw new CodecException(String.format("connection handle 0x%04X is outside 0x0000-0x0EFF", h), at);
        }
        return h;
    }

    // ----- building events, as a controller sends them -----

    public static byte[] event(int code, byte[] parameters) {
        if (parameters.length > 255) {
            throw new IllegalArgumentException("HCI event parameters are at most 255 bytes");
        }
        return new ByteWriter(3 + parameters.length).u8(HciPacket.EVENT_INDICATOR).u8(code).u8(parameters.length)
                .bytes(parameters).toArray();
    }

    public static byte[] commandComplete(int numCommandPackets, int opcode, byte... returnParameters) {
        return event(HciEvent.COMMAND_COMPLETE, new ByteWriter(3 + returnParameters.length).u8(numCommandPackets)
                .u16(opcode).bytes(returnParameters).toArray());
    }

    public static byte[] commandStatus(int status, int numCommandPackets, int opcode) {
        return event(HciEvent.COMMAND_STATUS, new ByteWriter(4).u8(status).u8(numCommandPackets).u16(opcode)
                .toArray());
    }

    public static byte[] disconnectionComplete(int status, int handle, int reason) {
        return event(HciEvent.DISCONNECTION_COMPLETE, new ByteWriter(4).u8(status).u16(handle).u8(reason)
                .toArray());
    }

    public static byte[] numberOfCompletedPackets(int handle, int count) {
        return event(HciEvent.NUMBER_OF_COMPLETED_PACKETS, new ByteWriter(5).u8(1).u16(handle).u16(count)
                .toArray());
    }

    public static byte[] leConnectionComplete(int status, int handle, int role, BdAddress peer, int interval,
            int latency, int supervisionTimeout, int clockAccuracy) {
        return event(HciEvent.LE_META, new ByteWriter(19).u8(HciEvent.LE_CONNECTION_COMPLETE).u8(status)
                .u16(handle).u8(role).u8(peer.type()).bytes(peer.bytes()).u16(interval).u16(latency)
                .u16(supervisionTimeout).u8(clockAccuracy).toArray());
    }

    public static byte[] leAdvertisingReport(List<AdvertisingReport> reports) {
        ByteWriter w = new ByteWriter(64).u8(HciEvent.LE_ADVERTISING_REPORT).u8(reports.size());
        for (AdvertisingReport r : reports) {
            w.u8(r.eventType()).u8(r.address().type()).bytes(r.address().bytes()).u8(r.data().length)
                    .bytes(r.data()).u8(r.rssi());
        }
        return event(HciEvent.LE_META, w.toArray());
    }
}
