package dev.moonlet.lib;

import java.nio.charset.StandardCharsets;

/**
 * C's {@code strftime} in the C locale, for {@code os.date}: every conversion of C99 and the
 * {@code E} and {@code O} modified forms that lua5.4 accepts (which the C locale prints as the
 * unmodified ones), with glibc's output for years outside 1000..9999 ({@code %Y} unpadded,
 * {@code %C} and {@code %y} by floor division).
 *
 * <pre>{@code
 * Strftime.format(LuaString.of("%Y-%m-%d %H:%M:%S").rawBytes(), 0, CalendarTime.utc(0), out);
 * // "1970-01-01 00:00:00"
 * }</pre>
 */
public final class Strftime {
    /** The conversions lua5.4 accepts, by length (loslib.c's LUA_STRFTIMEOPTIONS for C99). */
    private static final String SINGLE = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
    private static final String[] DOUBLE = {"Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH",
        "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"};

    private Strftime() {}

    /**
     * Appends {@code format[from..]} with every conversion replaced by its value for
     * {@code tm} to {@code out} (which charges its growth to the instance).
     *
     * @throws dev.moonlet.vm.ArgumentError for argument 1, {@code "invalid conversion specifier
     *     '%Ez'"} (quoting the rest of the format, as lua5.4 does)
     */
    static void format(byte[] format, int from, CalendarTime tm, LuaBuffer out) {
        StringBuilder sb = new StringBuilder();
        int i = from;
        while (i < format.length) {
            byte c = format[i++];
            if (c != '%') {
                out.append(c);
                continue;
            }
            int length = specifierLength(format, i);
            char conversion = (char) format[i + length - 1];
            sb.setLength(0);
            convert(conversion, tm, sb);
            i += length;
            out.append(sb.toString());
        }
    }

    /** The length (1 or 2) of the valid specifier at {@code format[i..]}, the part after a '%'. */
    private static int specifierLength(byte[] format, int i) {
        int left = format.length - i;
        if (left >= 1 && SINGLE.indexOf(format[i]) >= 0) return 1;
        if (left >= 2) {
            for (String d : DOUBLE) {
                if (format[i] == d.charAt(0) && format[i + 1] == d.charAt(1)) return 2;
            }
        }
        // Like lua_pushfstring's %s, the quoted rest stops at an embedded zero.
        int end = i;
        while (end < format.length && format[end] != 0) end++;
        String rest = new String(format, i, end - i, StandardCharsets.ISO_8859_1);
        throw Args.error(0, "invalid conversion specifier '%" + rest + "'");
    }

    /** Appends the conversion {@code c} (without its modifier) of {@code tm}. */
    private static void convert(char c, CalendarTime tm, StringBuilder sb) {
        switch (c) {
            case 'a' -> sb.append(DAYS[tm.wday() - 1], 0, 3);
            case 'A' -> sb.append(DAYS[tm.wday() - 1]);
            case 'b', 'h' -> sb.append(MONTHS[tm.month() - 1], 0, 3);
            case 'B' -> sb.append(MONTHS[tm.month() - 1]);
            case 'c' -> composite("a b e H:M:S Y", tm, sb);
            case 'C' -> sb.append(Math.floorDiv(cYear(tm), 100));
            case 'd' -> pad2(tm.day(), '0', sb);
            case 'D', 'x' -> composite("m/d/y", tm, sb);
            case 'e' -> pad2(tm.day(), ' ', sb);
            case 'F' -> composite("Y-m-d", tm, sb);
            case 'g' -> pad2(Math.floorMod(isoYear(tm), 100), '0', sb);
            case 'G' -> sb.append(isoYear(tm));
            case 'H' -> pad2(tm.hour(), '0', sb);
            case 'I' -> pad2((tm.hour() + 11) % 12 + 1, '0', sb);
            case 'j' -> sb.append(tm.yday() < 100 ? tm.yday() < 10 ? "00" : "0" : "").append(tm.yday());
            case 'm' -> pad2(tm.month(), '0', sb);
            case 'M' -> pad2(tm.min(), '0', sb);
            case 'n' -> sb.append('\n');
            case 'p' -> sb.append(tm.hour() < 12 ? "AM" : "PM");
            case 'r' -> composite("I:M:S p", tm, sb);
            case 'R' -> composite("H:M", tm, sb);
            case 'S' -> pad2(tm.sec(), '0', sb);
            case 't' -> sb.append('\t');
            case 'T', 'X' -> composite("H:M:S", tm, sb);
            case 'u' -> sb.append((tm.wday() + 5) % 7 + 1);
            case 'U' -> pad2((tm.yday() + 6 - (tm.wday() - 1)) / 7, '0', sb);
            case 'V' -> pad2(isoWeek(tm), '0', sb);
            case 'w' -> sb.append(tm.wday() - 1);
            case 'W' -> pad2((tm.yday() + 6 - (tm.wday() + 5) % 7) / 7, '0', sb);
            case 'y' -> pad2(Math.floorMod(tm.year(), 100), '0', sb);
            case 'Y' -> sb.append(cYear(tm));
            case 'z' -> zoneOffset(tm.offset(), sb);
            case 'Z' -> sb.append(tm.zone());
            case '%' -> sb.append('%');
            default -> throw new IllegalArgumentException("not a conversion: " + c);
        }
    }

    /**
     * Appends the conversions named by the letters of {@code spec}, copying other characters:
     * {@code "H:M"} is {@code %H:%M}.
     */
    private static void composite(String spec, CalendarTime tm, StringBuilder sb) {
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (Character.isLetter(c)) convert(c, tm, sb);
            else sb.append(c);
        }
    }

    /** The year as glibc prints it: {@code tm_year + 1900} computed in C's {@code int}. */
    private static int cYear(CalendarTime tm) {
        return (int) tm.year();
    }

    private static void pad2(int n, char pad, StringBuilder sb) {
        if (n < 10) sb.append(pad);
        sb.append(n);
    }

    /** {@code +hhmm} or {@code -hhmm}; seconds of the offset are dropped, as glibc does. */
    private static void zoneOffset(int offset, StringBuilder sb) {
        int minutes = Math.abs(offset) / 60;
        sb.append(offset < 0 ? '-' : '+');
        pad2(minutes / 60, '0', sb);
        pad2(minutes % 60, '0', sb);
    }

    /**
     * How many days the ISO week-numbering year of the date starts after its calendar year
     * (negative: before): ISO weeks start on Monday and week 1 holds January 4.
     */
    private static int isoYearStart(int yday, int wday) {
        int monday0 = (wday + 5) % 7; // 0 = Monday
        int jan4 = monday0 - (yday - 4) % 7; // the weekday of January 4, modulo 7
        return 4 - Math.floorMod(jan4, 7); // the yday of the first ISO Monday
    }

    /** The ISO 8601 week-numbering year ({@code %G}). */
    private static long isoYear(CalendarTime tm) {
        return cYear(tm) + isoShift(tm);
    }

    /** -1, 0 or 1: the date's ISO year relative to its calendar year. */
    private static int isoShift(CalendarTime tm) {
        if (tm.yday() < isoYearStart(tm.yday(), tm.wday())) return -1;
        int daysInYear = isLeap(tm.year()) ? 366 : 365;
        int nextStart = isoYearStart(tm.yday() - daysInYear, tm.wday());
        return tm.yday() - daysInYear >= nextStart ? 1 : 0;
    }

    /** The ISO 8601 week number, 01..53 ({@code %V}). */
    private static int isoWeek(CalendarTime tm) {
        int yday = tm.yday();
        int shift = isoShift(tm);
        if (shift < 0) yday += isLeap(tm.year() - 1) ? 366 : 365;
        else if (shift > 0) yday -= isLeap(tm.year()) ? 366 : 365;
        return (yday - isoYearStart(yday, tm.wday())) / 7 + 1;
    }

    private static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }
}
