package org.vitalis.device.codec;

/**
 * The GATT "Date Time" structure (GATT Specification Supplement 3.70; Date Time characteristic 0x2A08): 7 bytes,
 * where 0 in year, month or day means "not known". Kept as fields rather than a java.time value because a cuff
 * whose clock was never set sends year 0, which no LocalDateTime can hold without inventing a year.
 */
public record GattDateTime(int year, int month, int day, int hours, int minutes, int seconds) {

    static GattDateTime read(ByteReader r, int at) {
        int year = r.u16("Date Time year");
        int month = r.u8("Date Time month");
        int day = r.u8("Date Time day");
        int hours = r.u8("Date Time hours");
        int minutes = r.u8("Date Time minutes");
        int seconds = r.u8("Date Time seconds");
        // Ranges from GSS 3.70: year 1582..9999 or 0, month 1..12 or 0, day 1..31 or 0, h 0..23, min/s 0..59.
        if (year != 0 && (year < 1582 || year > 9999)) {
            throw new CodecException("Date Time year " + year + " is outside 1582..9999 (0 = not known)", at);
        }
        if (month > 12) {
            throw new CodecException("Date Time month " + month + " is outside 1..12 (0 = not known)", at + 2);
        }
        if (day > 31) {
            throw new CodecException("Date Time day " + day + " is outside 1..31 (0 = not known)", at + 3);
        }
        if (hours > 23) {
            throw new CodecException("Date Time hours " + hours + " is outside 0..23", at + 4);
        }
        if (minutes > 59) {
            throw new CodecException("Date Time minutes " + minutes + " is outside 0..59", at + 5);
        }
        if (seconds > 59) {
            throw new CodecException("Date Time seconds " + seconds + " is outside 0..59", at + 6);
        }
        return new GattDateTime(year, month, day, hours, minutes, seconds);
    }

    /** ISO-8601 local date-time when every part is known, e.g. 2012-12-05T11:50:27; null otherwise. */
    public String iso() {
        if (year == 0 || month == 0 || day == 0) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hours, minutes,
                seconds);
    }
}
