package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@code os.time}'s normalisation and {@code os.date("*t")}'s fields, as glibc's mktime and
 * localtime give them. Expected values were printed by lua5.4 under {@code TZ=...}, as in
 * {@code TZ=Europe/Paris lua5.4 -e 't={year=2020,month=1,day=1,hour=12} print(os.time(t), t.hour)'}.
 */
class CalendarTimeTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    /** os.time{...} then the normalised fields, as lua5.4 prints them. */
    private static String time(ZoneId zone, int year, int month, int day, int hour, int min, int sec, int isdst) {
        long t = CalendarTime.toTime(year - 1900, month - 1, day, hour, min, sec, isdst, zone);
        CalendarTime tm = CalendarTime.local(t, zone);
        return t + " " + tm.year() + " " + tm.month() + " " + tm.day() + " " + tm.hour() + " " + tm.min() + " "
                + tm.sec() + " " + tm.yday() + " " + tm.wday() + " " + tm.isdst();
    }

    @Test
    void fieldsOfTimes() {
        CalendarTime tm = CalendarTime.utc(0);
        assertEquals("1970-1-1 0:0:0 wday 5 yday 1 false 0 GMT", tm.year() + "-" + tm.month() + "-" + tm.day()
                + " " + tm.hour() + ":" + tm.min() + ":" + tm.sec() + " wday " + tm.wday() + " yday " + tm.yday()
                + " " + tm.isdst() + " " + tm.offset() + " " + tm.zone());
        assertEquals(366, CalendarTime.utc(1230681600).yday());
        assertNull(CalendarTime.utc(1L << 60)); // "date result cannot be represented"
        assertEquals(2147483647, CalendarTime.utc(67767976233532799L).year());
    }

    @Test
    void normalisesOutOfRangeFields() {
        assertEquals("1577876400 2020 1 1 12 0 0 1 4 false", time(PARIS, 2020, 1, 1, 12, 0, 0, -1));
        assertEquals("1643431801 2022 1 29 5 50 1 29 7 false", time(PARIS, 2021, 14, -3, 30, -70, 3601, -1));
        assertEquals("-219951893361 -5000 1 1 12 0 0 1 4 false", time(PARIS, -5000, 1, 1, 12, 0, 0, -1));
        assertEquals("67768036191673200 2147485547 12 31 23 0 0 365 4 false",
                time(UTC, 2147483647 + 1900, 12, 31, 23, 0, 0, -1));
    }

    @Test
    void aContradictedIsdstUsesTheOtherOffset() {
        assertEquals("1577872800 2020 1 1 11 0 0 1 4 false", time(PARIS, 2020, 1, 1, 12, 0, 0, 1));
        assertEquals("1593601200 2020 7 1 13 0 0 183 4 true", time(PARIS, 2020, 7, 1, 12, 0, 0, 0));
        // no daylight saving time at all: an hour, as glibc assumes
        assertEquals("1577876400 2020 1 1 11 0 0 1 4 false", time(UTC, 2020, 1, 1, 12, 0, 0, 1));
        // Brazil dropped daylight saving time in 2019: the offset of the last summer
        assertEquals("1577887200 2020 1 1 11 0 0 1 4 false", time(SAO_PAULO, 2020, 1, 1, 12, 0, 0, 1));
    }

    @Test
    void gapsAndSecondsBeyondAMinute() {
        assertEquals("1743298200 2025 3 30 3 30 0 89 1 true", time(PARIS, 2025, 3, 30, 2, 30, 0, -1));
        assertEquals("1743294600 2025 3 30 1 30 0 89 1 false", time(PARIS, 2025, 3, 30, 2, 30, 0, 1));
        // the offset is the one of 00:00:59 on January 1, a summer day in Brazil in 2000
        assertEquals("950148000 2000 2 10 0 0 0 41 5 true", time(SAO_PAULO, 2000, 1, 1, 0, 0, 86400 * 40, -1));
    }
}
