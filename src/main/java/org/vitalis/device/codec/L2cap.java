package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * L2CAP basic frames over HCI ACL data (Core Specification v5.4, Vol 3, Part A, 3.1: a 2-byte length and a 2-byte
 * channel id before the payload), split into ACL packets and put back together by the packet boundary flag (Vol 4,
 * Part E, 5.4.2). LE fixed channels: 0x0004 ATT, 0x0005 LE signaling, 0x0006 Security Manager (Vol 3, Part A, 2.1).
 */
public final class L2cap {
    public static final int ATT_CID = 0x0004;
    public static final int LE_SIGNALING_CID = 0x0005;
    public static final int SMP_CID = 0x0006;

    private L2cap() {
    }

    /** A complete L2CAP basic frame received on connection {@code handle}. */
    public record Frame(int handle, int cid, byte[] payload) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "L2capFrame[handle=0x%03X, cid=0x%04X, payload=%s]", handle, cid,
                    HexFormat.of().withUpperCase().formatHex(payload));
        }
    }

    /**
     * The H4 ACL packets that carry one basic frame, none with more than {@code maxAclData} bytes of data (the
     * receiver's buffer size). A host starts a PDU with boundary flag 0b00, a controller with 0b10.
     */
    public static List<byte[]> fragment(int handle, int cid, byte[] payload, int maxAclData, boolean fromHost) {
        if (maxAclData < 1 || payload.length > 0xFFFF || handle < 0 || handle > 0x0EFF) {
            throw new IllegalArgumentException("cannot fragment: handle, size or payload length out of range");
        }
        byte[] pdu = new ByteWriter(4 + payload.length).u16(payload.length).u16(cid).bytes(payload).toArray();
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < pdu.length; at += maxAclData) {
            int n = Math.min(maxAclData, pdu.length - at);
            int boundary = at > 0 ? HciPacket.Acl.CONTINUATION
                    : fromHost ? HciPacket.Acl.FIRST_NON_FLUSHABLE : HciPacket.Acl.FIRST_FLUSHABLE;
            out.add(new ByteWriter(5 + n).u8(HciPacket.ACL_INDICATOR).u16(handle | boundary << 12).u16(n)
                    .bytes(pdu, at, n).toArray());
        }
        return out;
    }

    /**
     * Puts ACL fragments back into frames, per connection handle. A frame it cannot complete (a continuation with no
     * start, a new start before the last one completed, more bytes than the header announced, a frame above the size
     * limit) is dropped and counted; it never throws for bad input.
     */
    public static final class Reassembler {
        private final int maxFrame;
        private final Map<Integer, ByteWriter> partial = new HashMap<>();
        private long framesDropped;
        private long bytesDropped;

        /** @param maxPayload the largest payload accepted; larger frames are dropped rather than buffered */
        public Reassembler(int maxPayload) {
            this.maxFrame = 4 + maxPayload;
        }

        /** The frame {@code packet} completes, or null. */
        public Frame accept(HciPacket.Acl packet) {
            int h = packet.handle();
            ByteWriter w = partial.get(h);
            if (packet.starts()) {
                if (w != null) {
                    drop(w.size());
                }
                w = new ByteWriter(Math.max(32, packet.data().length));
                partial.put(h, w);
            } else if (w == null) {
                drop(packet.data().length);
                return null;
            }
            w.bytes(packet.data());
            if (w.size() < 4) {
                return null;
            }
            byte[] head = w.toArray();
            int length = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
            if (4 + length > maxFrame || w.size() > 4 + length) {
                partial.remove(h);
                drop(w.size());
                return null;
            }
            if (w.size() < 4 + length) {
                return null;
            }
            partial.remove(h);
            byte[] payload = new byte[length];
            System.arraycopy(head, 4, payload, 0, length);
            return new Frame(h, (head[2] & 0xFF) | (head[3] & 0xFF) << 8, payload);
        }

        /** Forgets a half-received frame of a connection that ended (counted as dropped). */
        public void disconnected(int handle) {
            ByteWriter w = partial.remove(handle);
            if (w != null) {
                drop(w.size());
            }
        }

        public void clear() {
            partial.values().forEach(w -> drop(w.size()));
            partial.clear();
        }

        private void drop(int bytes) {
            framesDropped++;
            bytesDropped += bytes;
        }

        public long framesDropped() {
            return framesDropped;
        }

        public long bytesDropped() {
            return bytesDropped;
        }
    }
}
