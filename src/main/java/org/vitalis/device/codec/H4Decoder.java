package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames the Bluetooth HCI UART transport "H4" (Core Specification v5.4, Vol 4, Part A, 2): each HCI packet is
 * preceded by one indicator byte, 0x01 command, 0x02 ACL data, 0x04 event. H4 has no sync pattern and no checksum,
 * so a packet is accepted only when its header and its whole body are valid for its type (defined opcodes and event
 * codes, the parameter lengths the specification fixes, LE packet-boundary and broadcast flags, handles up to
 * 0x0EFF); otherwise the indicator byte is counted as skipped and the search resumes at the next byte, which finds
 * the next real packet after a burst of noise. A stream reads one direction: {@link Direction#FROM_CONTROLLER} takes
 * events and ACL data, {@link Direction#FROM_HOST} commands and ACL data.
 */
public final class H4Decoder extends AbstractStreamDecoder<HciPacket> {
    /** The longest ACL payload accepted by default; LE link-layer PDUs carry at most 251 bytes. */
    public static final int DEFAULT_MAX_ACL = 1024;

    public enum Direction { FROM_CONTROLLER, FROM_HOST }

    private final Direction direction;
    private final int maxAcl;
    private byte[] buf;
    private int len;
    private long bytesInFrames;

    public H4Decoder(Direction direction) {
        this(direction, DEFAULT_MAX_ACL);
    }

    public H4Decoder(Direction direction, int maxAclLength) {
        if (maxAclLength < 27 || maxAclLength > 65535) {
            throw new IllegalArgumentException("the ACL length limit must be 27-65535, not " + maxAclLength);
        }
        this.direction = direction;
        this.maxAcl = maxAclLength;
        // Room for two of the largest packets: an event or command is at most 3 + 255 bytes.
        this.buf = new byte[2 * Math.max(1 + 3 + 255, 5 + maxAclLength)];
    }

    public static H4Decoder fromController() {
        return new H4Decoder(Direction.FROM_CONTROLLER);
    }

    public static H4Decoder fromHost() {
        return new H4Decoder(Direction.FROM_HOST);
    }

    /** Bytes that were part of decoded packets (with {@link #bytesSkipped()} and what is pending, every byte fed). */
    public long bytesInFrames() {
        return bytesInFrames;
    }

    @Override
    public List<HciPacket> feed(byte[] chunk, int offset, int length) {
        checkRange(chunk, offset, length);
        List<HciPacket> out = new ArrayList<>();
        int at = offset;
        int end = offset + length;
        while (at < end) {
            // After scan() at most one packet's worth is pending, so half the buffer is always free.
            int n = Math.min(end - at, buf.length - len);
            System.arraycopy(chunk, at, buf, len, n);
            len += n;
            at += n;
            scan(out, false);
        }
        return out;
    }

    @Override
    public List<HciPacket> finish() {
        List<HciPacket> out = new ArrayList<>();
        scan(out, true);
        return out;
    }

    private void scan(List<HciPacket> out, boolean atEnd) {
        int pos = 0;
        while (pos < len) {
            int size = packetAt(pos, out);
            if (size > 0) {
                pos += size;
            } else if (size == 0 && !atEnd) {
                break;
            } else {
                // Not a packet here (or cut off by the end of the stream): drop the indicator and look again.
                skipped(1);
                pos++;
            }
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
    }

    /** The size of the packet decoded at {@code pos}, 0 when more bytes are needed, -1 when there is none. */
    private int packetAt(int pos, List<HciPacket> out) {
        int avail = len - pos;
        int indicator = buf[pos] & 0xFF;
        int header;
        if (indicator == HciPacket.EVENT_INDICATOR && direction == Direction.FROM_CONTROLLER) {
            header = 2;
        } else if (indicator == HciPacket.ACL_INDICATOR) {
            header = 4;
        } else if (indicator == HciPacket.COMMAND_INDICATOR && direction == Direction.FROM_HOST) {
            header = 3;
        } else {
            return -1;
        }
        if (avail < 1 + header) {
            return 0;
        }
        int body;
        switch (indicator) {
            case HciPacket.EVENT_INDICATOR -> {
                if (!HciEvents.knownCode(buf[pos + 1] & 0xFF)) {
                    return -1;
                }
                body = buf[pos + 2] & 0xFF;
            }
            case HciPacket.ACL_INDICATOR -> {
                int hf = u16(pos + 1);
                int boundary = hf >> 12 & 3;
                boolean boundaryOk = direction == Direction.FROM_CONTROLLER
                        ? boundary == HciPacket.Acl.FIRST_FLUSHABLE || boundary == HciPacket.Acl.CONTINUATION
                        : boundary == HciPacket.Acl.FIRST_NON_FLUSHABLE || boundary == HciPacket.Acl.CONTINUATION;
                body = u16(pos + 3);
                if ((hf & 0x0FFF) > 0x0EFF || (hf >> 14) != 0 || !boundaryOk || body > maxAcl) {
                    return -1;
                }
            }
            default -> {
                if (!HciCommands.validOpcode(u16(pos + 1))) {
                    return -1;
                }
                body = buf[pos + 3] & 0xFF;
            }
        }
        int size = 1 + header + body;
        if (avail < size) {
            return 0;
        }
        byte[] payload = Arrays.copyOfRange(buf, pos + 1 + header, pos + size);
        HciPacket packet;
        try {
            packet = switch (indicator) {
                case HciPacket.EVENT_INDICATOR -> HciEvents.parse(buf[pos + 1] & 0xFF, payload);
                case HciPacket.ACL_INDICATOR -> {
                    int hf = u16(pos + 1);
                    yield new HciPacket.Acl(hf & 0x0FFF, hf >> 12 & 3, hf >> 14 & 3, payload);
                }
                default -> new HciPacket.Command(u16(pos + 1), payload);
            };
        } catch (CodecException e) {
            return -1;
        }
        emit(out, packet);
        bytesInFrames += size;
        return size;
    }

    private int u16(int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8;
    }
}
