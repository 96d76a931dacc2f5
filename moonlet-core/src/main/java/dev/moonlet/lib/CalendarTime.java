package dev.moonlet.lib;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/**
 * A broken-down time, as C's {@code struct tm} and the table of {@code os.date("*t")}: what
 * {@code gmtime}, {@code localtime} and {@code mktime} compute, with proleptic Gregorian
 * arithmetic on longs so that every year C's {@code int tm_year} can hold works.
 *
 * <pre>{@code
 * CalendarTime.utc(0);   // 1970-01-01 00:00:00, a Thursday (wday 5), yday 1, zone "GMT"
 * }</pre>
 *
 * @param year the year (1970, -1, ...)
 * @param month 1..12
 * @param day 1..31
 * @param hour 0..23
 * @param min 0..59
 * @param sec 0..60
 * @param wday the weekday, 1..7, Sunday being 1 (as Lua's {@code wday})
 * @param yday the day of the year, 1..366 (as Lua's {@code yday})
 * @param isdst whether daylight saving time is in effect
 * @param offset seconds east of UTC
 * @param zone the time zone abbreviation ({@code %Z})
 */
public record CalendarTime(long year, int month, int day, int hour, int min, int sec,
        int wday, int yday, boolean isdst, int offset, String zone) {

    private static final long SECONDS_PER_DAY = 86_400;
    /** Times further than this from the epoch (in seconds) take the offsets of this one. */
    private static final long FAR = 1L << 54;
    /** glibc mktime's probes for a time with another daylight saving status: step and bound. */
    private static final long DST_STRIDE = 601_200, DST_BOUND = 457_243_209 / 2 + DST_STRIDE;
    /** The time zone abbreviation, as Java knows it (tzdata's own may differ, e.g. "-03"). */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    /** Whether {@code year} fits C's {@code int tm_year} (years since 1900). */
    private static boolean representable(long year) {
        return year - 1900 >= Integer.MIN_VALUE && year - 1900 <= Integer.MAX_VALUE;
    }

    /** {@code gmtime(t)}, or null when the year does not fit {@code tm_year}. */
    public static CalendarTime utc(long t) {
        return of(t, 0, false, "GMT");
    }

    /** {@code localtime(t)} in {@code zone}, or null when the year does not fit {@code tm_year}. */
    public static CalendarTime local(long t, ZoneId zone) {
        Instant instant = clampedInstant(t);
        ZoneRules rules = zone.getRules();
        int offset = rules.getOffset(instant).getTotalSeconds();
        String name = ZONE_NAME.format(instant.atZone(zone));
        return of(t, offset, rules.isDaylightSavings(instant), name);
    }

    private static CalendarTime of(long t, int offset, boolean isdst, String zone) {
        // Beyond +-2^56 seconds every year is out of tm_year's range (and t + offset is safe).
        if (Math.abs(t) > 1L << 56) return null;
        long local = t + offset;
        long days = Math.floorDiv(local, SECONDS_PER_DAY);
        int secs = (int) Math.floorMod(local, SECONDS_PER_DAY);
        long[] ymd = civilFromDays(days);
        if (!representable(ymd[0])) return null;
        int wday = Math.floorMod(days + 4, 7) + 1; // 1970-01-01 was a Thursday
        int yday = (int) (days - daysFromCivil(ymd[0], 1, 1)) + 1;
        return new CalendarTime(ymd[0], (int) ymd[1], (int) ymd[2], secs / 3600, secs / 60 % 60,
                secs % 60, wday, yday, isdst, offset, zone);
    }

    /**
     * {@code mktime}: the time of the given local fields in {@code zone}, which may be out of
     * their usual ranges ({@code tmMon} 13 is February of the next year, {@code day} 0 the last
     * day of the previous month). {@code isdst} is -1 (unknown), 0 or 1; when it contradicts
     * the zone at that time, the fields are read with the offset the zone has when its
     * daylight saving status is the requested one, as glibc does. The result may be out of
     * the years {@link #local} can represent.
     *
     * @param tmYear the year minus 1900 (C's {@code tm_year})
     * @param tmMon the month minus 1 (C's {@code tm_mon})
     */
    public static long toTime(int tmYear, int tmMon, int day, int hour, int min, int sec, int isdst, ZoneId zone) {
        long year = tmYear + 1900L + Math.floorDiv(tmMon, 12);
        long days = daysFromCivil(year, Math.floorMod(tmMon, 12) + 1, 1) + day - 1;
        // As glibc, the offset is that of the time with the seconds clamped to 0..59; the
        // seconds beyond are added afterwards (so they never change the offset).
        int clamped = Math.max(0, Math.min(59, sec));
        long local = days * SECONDS_PER_DAY + hour * 3600L + min * 60L + clamped;
        return local - offsetOfLocal(local, isdst, zone.getRules()) + (sec - clamped);
    }

    /**
     * The offset that makes the local time {@code local} (seconds) a time of the zone with
     * the daylight saving status {@code isdst} asks for, as glibc's mktime finds it: the
     * zone's offset there, or if its status differs, the offset of the nearest time (probing
     * week by week, up to about 7 years each way, earlier first) that has the requested
     * status, or else the zone's offset shifted by an hour.
     */
    private static long offsetOfLocal(long local, int isdst, ZoneRules rules) {
        ZoneOffset offset = offsetAt(local, isdst, rules);
        long t = local - offset.getTotalSeconds();
        boolean dst = rules.isDaylightSavings(clampedInstant(t));
        if (isdst < 0 || dst == (isdst > 0)) return offset.getTotalSeconds();
        for (long delta = DST_STRIDE; delta < DST_BOUND; delta += DST_STRIDE) {
            for (int direction = -1; direction <= 1; direction += 2) {
                Instant other = clampedInstant(t + delta * direction);
                if (rules.isDaylightSavings(other) == (isdst > 0)) return rules.getOffset(other).getTotalSeconds();
            }
        }
        return offset.getTotalSeconds() + (isdst > 0 ? 3600 : -3600);
    }

    /**
     * The zone's offset at the local time {@code local}: in an overlap the earlier (summer)
     * one unless {@code isdst} is 0; in a gap the one before it unless {@code isdst} is 1.
     */
    private static ZoneOffset offsetAt(long local, int isdst, ZoneRules rules) {
        if (Math.abs(local) >= FAR) return rules.getOffset(clampedInstant(local));
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
        List<ZoneOffset> valid = rules.getValidOffsets(ldt);
        if (valid.isEmpty()) { // in a gap
            ZoneOffsetTransition gap = rules.getTransition(ldt);
            return isdst > 0 ? gap.getOffsetAfter() : gap.getOffsetBefore();
        }
        return valid.size() > 1 && isdst == 0 ? valid.get(1) : valid.get(0);
    }

    /**
     * The instant {@code t}, brought within 2^54 seconds (570 million years) of the epoch,
     * where java.time can work out offsets and local dates; beyond, the zone's rules repeat.
     */
    private static Instant clampedInstant(long t) {
        return Instant.ofEpochSecond(Math.max(-FAR, Math.min(FAR, t)));
    }

    /** The days from 1970-01-01 to the given date of the proleptic Gregorian calendar. */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The {year, month, day} of the date {@code days} after 1970-01-01. */
    private static long[] civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
    }
}
