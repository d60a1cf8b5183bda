package org.vitalis.device.codec;

/**
 * Record Access Control Point 0x2A52, as the Blood Pressure (1.1), Pulse Oximeter (1.0, 3.4) and Glucose services
 * use it to download stored records (GSS 3.185). Requests filter by sequence number, the filter type those
 * services define (PLXS 1.0, 3.4.2.2; BPS 1.1 Record Access Control Point): operand = filter type 0x01 followed by
 * one or two uint16 sequence numbers.
 */
public final class RecordAccessControlPoint {
    // Op codes, GSS 3.185 table "Op Code".
    public static final int REPORT_STORED_RECORDS = 0x01;
    public static final int DELETE_STORED_RECORDS = 0x02;
    public static final int ABORT_OPERATION = 0x03;
    public static final int REPORT_NUMBER_OF_STORED_RECORDS = 0x04;
    public static final int NUMBER_OF_STORED_RECORDS_RESPONSE = 0x05;
    public static final int RESPONSE_CODE = 0x06;
    // Operators, GSS 3.185 table "Operator".
    public static final int OPERATOR_NULL = 0x00;
    public static final int OPERATOR_ALL = 0x01;
    public static final int OPERATOR_LESS_OR_EQUAL = 0x02;
    public static final int OPERATOR_GREATER_OR_EQUAL = 0x03;
    public static final int OPERATOR_WITHIN_RANGE = 0x04;
    public static final int OPERATOR_FIRST = 0x05;
    public static final int OPERATOR_LAST = 0x06;
    // Filter type "Sequence Number" (PLXS 1.0, 3.4.2.2; GLS 1.0, 3.6.2.2).
    public static final int FILTER_SEQUENCE_NUMBER = 0x01;

    /** Response Code values, GSS 3.185 table "Response Code Values" (0 and 10..255 reserved). */
    public enum ResponseValue {
        RESERVED(0), SUCCESS(1), OP_CODE_NOT_SUPPORTED(2), INVALID_OPERATOR(3), OPERATOR_NOT_SUPPORTED(4),
        INVALID_OPERAND(5), NO_RECORDS_FOUND(6), ABORT_UNSUCCESSFUL(7), PROCEDURE_NOT_COMPLETED(8),
        OPERAND_NOT_SUPPORTED(9);

        public final int code;

        ResponseValue(int code) {
            this.code = code;
        }

        static ResponseValue of(int code) {
            return code >= 1 && code <= 9 ? values()[code] : RESERVED;
        }
    }

    /** What a collector receives on the control point. */
    public sealed interface Response {
    }

    /** Op code 0x05: the answer to "report number of stored records". */
    public record NumberOfRecords(int count) implements Response {
    }

    /** Op code 0x06: the outcome of the request with op code {@code requestOpCode}. */
    public record ResponseCode(int requestOpCode, String requestOpCodeName, int responseCode,
            ResponseValue responseValue) implements Response {
    }

    private RecordAccessControlPoint() {
    }

    public static byte[] reportAll() {
        return new byte[] {REPORT_STORED_RECORDS, OPERATOR_ALL};
    }

    public static byte[] reportGreaterOrEqual(int sequence) {
        return withSequence(REPORT_STORED_RECORDS, OPERATOR_GREATER_OR_EQUAL, sequence);
    }

    public static byte[] reportLessOrEqual(int sequence) {
        return withSequence(REPORT_STORED_RECORDS, OPERATOR_LESS_OR_EQUAL, sequence);
    }

    public static byte[] reportRange(int from, int to) {
        checkSequence(from);
        checkSequence(to);
        if (from > to) {
            throw new IllegalArgumentException("sequence range " + from + ".." + to + " is empty");
        }
        return new byte[] {REPORT_STORED_RECORDS, OPERATOR_WITHIN_RANGE, FILTER_SEQUENCE_NUMBER, (byte) from,
            (byte) (from >> 8), (byte) to, (byte) (to >> 8)};
    }

    public static byte[] reportNumberOfRecords() {
        return new byte[] {REPORT_NUMBER_OF_STORED_RECORDS, OPERATOR_ALL};
    }

    public static byte[] deleteAll() {
        return new byte[] {DELETE_STORED_RECORDS, OPERATOR_ALL};
    }

    /** GSS 3.185: abort takes the Null operator and no operand. */
    public static byte[] abort() {
        return new byte[] {ABORT_OPERATION, OPERATOR_NULL};
    }

    private static byte[] withSequence(int op, int operator, int sequence) {
        checkSequence(sequence);
        return new byte[] {(byte) op, (byte) operator, FILTER_SEQUENCE_NUMBER, (byte) sequence, (byte) (sequence >> 8)};
    }

    private static void checkSequence(int s) {
        if (s < 0 || s > 0xFFFF) {
            throw new IllegalArgumentException("sequence number " + s + " does not fit in a uint16");
        }
    }

    static String opCodeName(int op) {
        return switch (op) {
            case REPORT_STORED_RECORDS -> "Report stored records";
            case DELETE_STORED_RECORDS -> "Delete stored records";
            case ABORT_OPERATION -> "Abort operation";
            case REPORT_NUMBER_OF_STORED_RECORDS -> "Report number of stored records";
            case NUMBER_OF_STORED_RECORDS_RESPONSE -> "Number of stored records response";
            case RESPONSE_CODE -> "Response code";
            default -> "Reserved";
        };
    }

    /** Decodes an indication from the server: a number-of-records response or a response code. */
    public static Response decode(byte[] value) {
        ByteReader r = new ByteReader(value);
        int op = r.u8("Op Code");
        if (op != NUMBER_OF_STORED_RECORDS_RESPONSE && op != RESPONSE_CODE) {
            throw new CodecException("RACP op code 0x" + Integer.toHexString(op) + " (" + opCodeName(op)
                    + ") is not a response (expected 0x05 or 0x06)", 0);
        }
        int operator = r.u8("Operator");
        if (operator != OPERATOR_NULL) {
            // GSS 3.185: responses always carry the Null operator; anything else is a malformed response.
            throw new CodecException("RACP response operator must be Null (0x00), got 0x"
                    + Integer.toHexString(operator), 1);
        }
        Response result;
        if (op == NUMBER_OF_STORED_RECORDS_RESPONSE) {
            result = new NumberOfRecords(r.u16("Number of Records"));
        } else {
            int req = r.u8("Request Op Code");
            int code = r.u8("Response Code Value");
            result = new ResponseCode(req, opCodeName(req), code, ResponseValue.of(code));
        }
        r.end("Record Access Control Point response");
        return result;
    }
}
