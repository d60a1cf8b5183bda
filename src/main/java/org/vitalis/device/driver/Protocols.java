package org.vitalis.device.driver;

import java.util.List;
import java.util.Locale;

/** The protocols Vitalis reads, in the order {@link DeviceManager#detect} probes them. */
public final class Protocols {
    private Protocols() {
    }

    /**
     * Binary first: its sync bit rejects ASCII within a few bytes, while ASCII decoders need a whole line. The
     * Bluetooth dongle comes last and is never probed (it answers only when spoken to).
     */
    public static List<DeviceProtocol> known() {
        return List.of(new ContecCms50Protocol(), new OpenBciCytonProtocol(), AsciiEcgProtocol.ad8232(),
                new MasimoRadical7Protocol(), new BleHealthProtocol());
    }

    public static DeviceProtocol byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return known().stream().filter(p -> p.name().equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol \"" + name + "\"; known: "
                        + String.join(", ", known().stream().map(DeviceProtocol::name).toList())));
    }
}
