package io.mlformats.deepar.internal;

/**
 * Parses DeepAR {@code start} strings: {@code YYYY-MM-DD HH:MM:SS} or {@code YYYY-MM-DD} (strict), plus
 * {@code YYYY-MM-DDTHH:MM:SS} (lenient). A time-zone suffix ({@code Z}, {@code +01:00}, {@code -0500}) is
 * reported separately, because the documentation says the start "can't contain time zone information".
 * Field values are validated (month 1..12, the day exists in that month, hour 0..23, minute and second 0..59).
 * Stateful (the fields of the last parse); one per reader.
 */
public final class StartParser {
    public static final int OK = 0;
    public static final int OK_ISO_T = 1;
    public static final int TIMEZONE = 2;
    public static final int FORMAT = 3;

    public int year;
    public int month;
    public int day;
    public int hour;
    public int minute;
    public int second;
    public boolean dateOnly;
    /** Why the last parse failed (FORMAT), for the message. */
    public String problem;

    public int parse(byte[] b, int off, int len, boolean lenient) {
        problem = null;
        dateOnly = false;
        hour = minute = second = 0;
        if (len < 10 || !digits(b, off, 4) || b[off + 4] != '-' || !digits(b, off + 5, 2) || b[off + 7] != '-'
                || !digits(b, off + 8, 2)) {
            return format("expected YYYY-MM-DD HH:MM:SS");
        }
        year = num(b, off, 4);
        month = num(b, off + 5, 2);
        day = num(b, off + 8, 2);
        if (month < 1 || month > 12) {
            return format("month " + month + " is not in 1..12");
        }
        if (day < 1 || day > daysIn(year, month)) {
            return format("day " + day + " does not exist in " + year + "-" + two(month));
        }
        if (len == 10) {
            dateOnly = true;
            return OK;
        }
        byte sep = b[off + 10];
        if (len < 19 || (sep != ' ' && sep != 'T') || !digits(b, off + 11, 2) || b[off + 13] != ':'
                || !digits(b, off + 14, 2) || b[off + 16] != ':' || !digits(b, off + 17, 2)) {
            return isZone(b, off + 10, off + len) ? TIMEZONE : format("expected YYYY-MM-DD HH:MM:SS");
        }
        hour = num(b, off + 11, 2);
        minute = num(b, off + 14, 2);
        second = num(b, off + 17, 2);
        if (hour > 23) {
            return format("hour " + hour + " is not in 0..23");
        }
        if (minute > 59 || second > 59) {
            return format("minute and second must be in 0..59");
        }
        if (len > 19) {
            return isZone(b, off + 19, off + len) ? TIMEZONE
                    : format("unexpected text after the seconds (fractions and other suffixes are not accepted)");
        }
        if (sep == 'T') {
            return lenient ? OK_ISO_T : format("ISO 'T' separator: SageMaker documents YYYY-MM-DD HH:MM:SS"
                    + " (read in lenient mode to accept it)");
        }
        return OK;
    }

    /** {@code Z}, {@code ±HH}, {@code ±HHMM}, {@code ±HH:MM}, optionally after a space. */
    private static boolean isZone(byte[] b, int i, int end) {
        if (i < end && b[i] == ' ') {
            i++;
        }
        if (end - i == 1 && (b[i] == 'Z' || b[i] == 'z')) {
            return true;
        }
        if (i >= end || (b[i] != '+' && b[i] != '-')) {
            return false;
        }
        int n = end - i - 1;
        return (n == 2 && digits(b, i + 1, 2)) || (n == 4 && digits(b, i + 1, 4))
                || (n == 5 && digits(b, i + 1, 2) && b[i + 3] == ':' && digits(b, i + 4, 2));
    }

    private int format(String why) {
        problem = why;
        return FORMAT;
    }

    private static boolean digits(byte[] b, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (b[off + i] < '0' || b[off + i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(byte[] b, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + (b[off + i] - '0');
        }
        return v;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
