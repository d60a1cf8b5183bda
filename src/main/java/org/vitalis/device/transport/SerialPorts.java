package org.vitalis.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The serial ports the operating system lists, with what USB says about the adapter behind each.
 * Pseudo-terminals (virtual ports) are not listed by the system; they are opened by path.
 */
public final class SerialPorts {
    private SerialPorts() {
    }

    /** One listed port; vendor and product ids are -1 when the port is not USB. */
    public record PortInfo(String path, String name, String description, int vendorId, int productId,
            String manufacturer, String serialNumber) {
    }

    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(new PortInfo(p.getSystemPortPath(), p.getDescriptivePortName(), p.getPortDescription(),
                    p.getVendorID(), p.getProductID(), blankToNull(p.getManufacturer()), blankToNull(p.getSerialNumber())));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("Unknown") ? null : s;
    }
}
