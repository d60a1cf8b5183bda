package org.vitalis.device.codec;

import java.util.Random;

/** Byte flips, overwrites, truncations, insertions and deletions: what a noisy link does to a frame. */
final class Mutations {
    private Mutations() {
    }

    static byte[] mutate(byte[] valid, Random random) {
        byte[] m = valid.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(4) && m.length > 0; k++) {
                    m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                if (m.length > 0) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> m = java.util.Arrays.copyOf(m, m.length == 0 ? 0 : random.nextInt(m.length));
            case 3 -> {
                int at = random.nextInt(m.length + 1);
                byte[] grown = new byte[m.length + 1];
                System.arraycopy(m, 0, grown, 0, at);
                grown[at] = (byte) random.nextInt(256);
                System.arraycopy(m, at, grown, at + 1, m.length - at);
                m = grown;
            }
            default -> {
                if (m.length > 0) {
                    int at = random.nextInt(m.length);
                    byte[] shrunk = new byte[m.length - 1];
                    System.arraycopy(m, 0, shrunk, 0, at);
                    System.arraycopy(m, at + 1, shrunk, at, m.length - at - 1);
                    m = shrunk;
                }
            }
        }
        return m;
    }
}
