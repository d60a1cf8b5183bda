package org.vitalis.device.codec;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Attribute Protocol PDUs a GATT client and a small GATT server exchange (Core Specification v5.4, Vol 3,
 * Part F, 3.4); {@link Att} parses and builds them. Handles are 0x0001-0xFFFF; values are raw bytes.
 */
public sealed interface AttPdu {
    int ERROR_RSP = 0x01;
    int EXCHANGE_MTU_REQ = 0x02;
    int EXCHANGE_MTU_RSP = 0x03;
    int FIND_INFORMATION_REQ = 0x04;
    int FIND_INFORMATION_RSP = 0x05;
    int READ_BY_TYPE_REQ = 0x08;
    int READ_BY_TYPE_RSP = 0x09;
    int READ_REQ = 0x0A;
    int READ_RSP = 0x0B;
    int READ_BY_GROUP_TYPE_REQ = 0x10;
    int READ_BY_GROUP_TYPE_RSP = 0x11;
    int WRITE_REQ = 0x12;
    int WRITE_RSP = 0x13;
    int HANDLE_VALUE_NTF = 0x1B;
    int HANDLE_VALUE_IND = 0x1D;
    int HANDLE_VALUE_CFM = 0x1E;

    /** Error codes of Vol 3, Part F, 3.4.1.1 that this client and the simulator use. */
    int INVALID_HANDLE = 0x01;
    int READ_NOT_PERMITTED = 0x02;
    int WRITE_NOT_PERMITTED = 0x03;
    int INVALID_PDU = 0x04;
    int INSUFFICIENT_AUTHENTICATION = 0x05;
    int REQUEST_NOT_SUPPORTED = 0x06;
    int ATTRIBUTE_NOT_FOUND = 0x0A;
    int INVALID_ATTRIBUTE_VALUE_LENGTH = 0x0D;
    int INSUFFICIENT_ENCRYPTION = 0x0F;
    int UNSUPPORTED_GROUP_TYPE = 0x10;

    /** The opcode of this PDU. */
    int opcode();

    record ErrorResponse(int requestOpcode, int handle, int errorCode) implements AttPdu {
        @Override
        public int opcode() {
            return ERROR_RSP;
        }
    }

    record ExchangeMtuRequest(int clientRxMtu) implements AttPdu {
        @Override
        public int opcode() {
            return EXCHANGE_MTU_REQ;
        }
    }

    record ExchangeMtuResponse(int serverRxMtu) implements AttPdu {
        @Override
        public int opcode() {
            return EXCHANGE_MTU_RSP;
        }
    }

    record FindInformationRequest(int startHandle, int endHandle) implements AttPdu {
        @Override
        public int opcode() {
            return FIND_INFORMATION_REQ;
        }
    }

    /** A handle with the UUID of its attribute type. */
    record HandleUuid(int handle, UUID type) {
    }

    record FindInformationResponse(List<HandleUuid> entries) implements AttPdu {
        public FindInformationResponse {
            entries = List.copyOf(entries);
        }

        @Override
        public int opcode() {
            return FIND_INFORMATION_RSP;
        }
    }

    record ReadByTypeRequest(int startHandle, int endHandle, UUID type) implements AttPdu {
        @Override
        public int opcode() {
            return READ_BY_TYPE_REQ;
        }
    }

    /** An attribute handle and (part of) its value. */
    record HandleValue(int handle, byte[] value) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "HandleValue[0x%04X=%s]", handle,
                    HexFormat.of().withUpperCase().formatHex(value));
        }
    }

    record ReadByTypeResponse(List<HandleValue> entries) implements AttPdu {
        public ReadByTypeResponse {
            entries = List.copyOf(entries);
        }

        @Override
        public int opcode() {
            return READ_BY_TYPE_RSP;
        }
    }

    record ReadRequest(int handle) implements AttPdu {
        @Override
        public int opcode() {
            return READ_REQ;
        }
    }

    record ReadResponse(byte[] value) implements AttPdu {
        @Override
        public int opcode() {
            return READ_RSP;
        }

        @Override
        public String toString() {
            return "ReadResponse[" + HexFormat.of().withUpperCase().formatHex(value) + "]";
        }
    }

    record ReadByGroupTypeRequest(int startHandle, int endHandle, UUID groupType) implements AttPdu {
        @Override
        public int opcode() {
            return READ_BY_GROUP_TYPE_REQ;
        }
    }

    /** A group (a service) from its declaration handle to its end group handle, with the declaration's value. */
    record GroupValue(int handle, int endGroupHandle, byte[] value) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Group[0x%04X-0x%04X=%s]", handle, endGroupHandle,
                    HexFormat.of().withUpperCase().formatHex(value));
        }
    }

    record ReadByGroupTypeResponse(List<GroupValue> entries) implements AttPdu {
        public ReadByGroupTypeResponse {
            entries = List.copyOf(entries);
        }

        @Override
        public int opcode() {
            return READ_BY_GROUP_TYPE_RSP;
        }
    }

    record WriteRequest(int handle, byte[] value) implements AttPdu {
        @Override
        public int opcode() {
            return WRITE_REQ;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "WriteRequest[0x%04X=%s]", handle,
                    HexFormat.of().withUpperCase().formatHex(value));
        }
    }

    record WriteResponse() implements AttPdu {
        @Override
        public int opcode() {
            return WRITE_RSP;
        }
    }

    record Notification(int handle, byte[] value) implements AttPdu {
        @Override
        public int opcode() {
            return HANDLE_VALUE_NTF;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Notification[0x%04X=%s]", handle,
                    HexFormat.of().withUpperCase().formatHex(value));
        }
    }

    record Indication(int handle, byte[] value) implements AttPdu {
        @Override
        public int opcode() {
            return HANDLE_VALUE_IND;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Indication[0x%04X=%s]", handle,
                    HexFormat.of().withUpperCase().formatHex(value));
        }
    }

    record Confirmation() implements AttPdu {
        @Override
        public int opcode() {
            return HANDLE_VALUE_CFM;
        }
    }

    /** Any other opcode (e.g. Write Command 0x52), kept whole; its parameters are not checked. */
    record Other(int opcode, byte[] parameters) implements AttPdu {
    }
}
