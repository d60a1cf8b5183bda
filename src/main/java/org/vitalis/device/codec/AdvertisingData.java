package org.vitalis.device.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Advertising and scan-response data: a sequence of AD structures, each a length byte, an AD type and data (Core
 * Specification v5.4, Vol 3, Part C, 11; types from the Core Specification Supplement, Part A, 1.1-1.3 and the
 * Assigned Numbers 2.3). A zero length ends the data early (the rest is padding). Names are UTF-8; a broken
 * sequence becomes U+FFFD rather than an error, since a name is only shown.
 *
 * @param flags          the Flags AD (type 0x01), null when absent
 * @param serviceUuids16 16-bit service UUIDs from the incomplete (0x02) and complete (0x03) lists, in order
 * @param name           Complete (0x09) or Shortened (0x08) Local Name, null when absent
 * @param nameComplete   whether {@code name} came from the Complete Local Name
 */
public record AdvertisingData(Integer flags, List<Integer> serviceUuids16, String name, boolean nameComplete) {
    public static final int FLAGS = 0x01;
    public static final int INCOMPLETE_16 = 0x02;
    public static final int COMPLETE_16 = 0x03;
    public static final int SHORTENED_NAME = 0x08;
    public static final int COMPLETE_NAME = 0x09;

    public AdvertisingData {
        serviceUuids16 = List.copyOf(serviceUuids16);
    }

    public static AdvertisingData parse(byte[] data) {
        if (data == null) {
            throw new CodecException("no advertising data given", 0);
        }
        Integer flags = null;
        List<Integer> uuids = new ArrayList<>();
        String name = null;
        boolean complete = false;
        int at = 0;
        while (at < data.length) {
            int len = data[at] & 0xFF;
            if (len == 0) {
                break;
            }
            if (at + 1 + len > data.length) {
                throw new CodecException("AD structure of " + len + " bytes runs past the end of the "
                        + data.length + "-byte data", at);
            }
            int type = data[at + 1] & 0xFF;
            int from = at + 2;
            int n = len - 1;
            switch (type) {
                case FLAGS -> {
                    if (n < 1) {
                        throw new CodecException("Flags AD without a flags byte", at);
                    }
                    flags = data[from] & 0xFF;
                }
                case INCOMPLETE_16, COMPLETE_16 -> {
                    if (n % 2 != 0) {
                        throw new CodecException("16-bit service UUID list of " + n + " bytes (odd)", at);
                    }
                    for (int i = from; i < from + n; i += 2) {
                        uuids.add((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
                    }
                }
                case SHORTENED_NAME, COMPLETE_NAME -> {
                    // The complete name wins over a shortened one, wherever each appears.
                    if (name == null || (type == COMPLETE_NAME && !complete)) {
                        // UTF-8 is Java's default charset (JEP 400); this package may not name java.nio charsets.
                        name = new String(data, from, n);
                        complete = type == COMPLETE_NAME;
                    }
                }
                default -> {
                    // Other AD types (manufacturer data, TX power, 128-bit lists...) are not needed to pick a device.
                }
            }
            at += 1 + len;
        }
        return new AdvertisingData(flags, uuids, name, complete);
    }

    public boolean advertises(int uuid16) {
        return serviceUuids16.contains(uuid16);
    }

    /** Builds advertising data: flags (if not null), a complete 16-bit UUID list (if any), a complete name (if any). */
    public static byte[] encode(Integer flags, List<Integer> uuids16, String name) {
        ByteWriter w = new ByteWriter(31);
        if (flags != null) {
            w.u8(2).u8(FLAGS).u8(flags);
        }
        if (!uuids16.isEmpty()) {
            w.u8(1 + 2 * uuids16.size()).u8(COMPLETE_16);
            uuids16.forEach(w::u16);
        }
        if (name != null) {
            byte[] n = name.getBytes();
            w.u8(1 + n.length).u8(COMPLETE_NAME).bytes(n);
        }
        if (w.size() > 31) {
            throw new IllegalArgumentException("legacy advertising data is at most 31 bytes, this is " + w.size());
        }
        return w.toArray();
    }
}
