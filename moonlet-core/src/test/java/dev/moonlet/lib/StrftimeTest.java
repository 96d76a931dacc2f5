package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.moonlet.value.Heap;
import dev.moonlet.vm.ArgumentError;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@code os.date}'s conversions give glibc's output in the C locale. Every expected string was
 * printed by lua5.4, as {@code lua5.4 -e 'print(os.date("!%a|%A|...", 0))'} (and with
 * {@code TZ=Europe/Paris} for local times).
 */
class StrftimeTest {
    private static final String ALL = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R"
            + "|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%";
    private static final String MODIFIED = "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV"
            + "|%Ow|%OW|%Oy";

    private static String format(String format, CalendarTime tm) {
        LuaBuffer out = new LuaBuffer(Heap.UNACCOUNTED, 16);
        Strftime.format(format.getBytes(StandardCharsets.ISO_8859_1), 0, tm, out);
        return new String(out.toLuaString().rawBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String utc(String format, long t) {
        return format(format, CalendarTime.utc(t));
    }

    @Test
    void everyConversionInUtc() {
        assertEquals("Thu|Thursday|Jan|January|Thu Jan  1 00:00:00 1970|19|01|01/01/70| 1|1970-01-01|70|1970|Jan"
                + "|00|12|001|01|00|\n|AM|12:00:00 AM|00:00|00|\t|00:00:00|4|00|01|4|00|01/01/70|00:00:00|70|1970"
                + "|+0000|GMT|%", utc(ALL, 0));
        assertEquals("Tue|Tuesday|Feb|February|Tue Feb 29 00:00:00 2000|20|29|02/29/00|29|2000-02-29|00|2000|Feb"
                + "|00|12|060|02|00|\n|AM|12:00:00 AM|00:00|00|\t|00:00:00|2|09|09|2|09|02/29/00|00:00:00|00|2000"
                + "|+0000|GMT|%", utc(ALL, 951782400));
        assertEquals("Tue|Tuesday|Nov|November|Tue Nov 14 22:13:20 2023|20|14|11/14/23|14|2023-11-14|23|2023|Nov"
                + "|22|10|318|11|13|\n|PM|10:13:20 PM|22:13|20|\t|22:13:20|2|46|46|2|46|11/14/23|22:13:20|23|2023"
                + "|+0000|GMT|%", utc(ALL, 1700000000));
        assertEquals("Wed|Wednesday|Dec|December|Wed Dec 31 23:59:59 1969|19|31|12/31/69|31|1969-12-31|70|1970|Dec"
                + "|23|11|365|12|59|\n|PM|11:59:59 PM|23:59|59|\t|23:59:59|3|52|01|3|52|12/31/69|23:59:59|69|1969"
                + "|+0000|GMT|%", utc(ALL, -1));
    }

    @Test
    void yearsOutsideFourDigits() {
        assertEquals("Mon|Monday|Jan|January|Mon Jan  1 00:00:00 1|0|01|01/01/01| 1|1-01-01|01|1|Jan|00|12|001|01"
                + "|00|\n|AM|12:00:00 AM|00:00|00|\t|00:00:00|1|00|01|1|01|01/01/01|00:00:00|01|1|+0000|GMT|%",
                utc(ALL, -62135596800L));
        assertEquals("Fri|Friday|Dec|December|Fri Dec 31 23:59:59 9999|99|31|12/31/99|31|9999-12-31|99|9999|Dec"
                + "|23|11|365|12|59|\n|PM|11:59:59 PM|23:59|59|\t|23:59:59|5|52|52|5|52|12/31/99|23:59:59|99|9999"
                + "|+0000|GMT|%", utc(ALL, 253402300799L));
        assertEquals("-1 -1 99 -1 99", utc("%Y %C %y %G %g", -62167219200L - 86400));
        assertEquals("-1971 -20 29 -1970 30 365 52 53 01", utc("%Y %C %y %G %g %j %U %W %V", -62167219200L * 2));
        assertEquals("2147483647", utc("%Y", 67767976233532799L));
        // glibc computes tm_year + 1900 in an int
        assertEquals("-2147483648 -21474837 48", utc("%Y %C %y", 67767976233532800L));
    }

    @Test
    void isoWeeksAroundNewYear() {
        assertEquals("Wed|Wednesday|Dec|December|Wed Dec 31 00:00:00 2008|20|31|12/31/08|31|2008-12-31|09|2009|Dec"
                + "|00|12|366|12|00|\n|AM|12:00:00 AM|00:00|00|\t|00:00:00|3|52|01|3|52|12/31/08|00:00:00|08|2008"
                + "|+0000|GMT|%", utc(ALL, 1230681600));
        assertEquals("Sat|Saturday|Jan|January|Sat Jan  1 00:00:00 2005|20|01|01/01/05| 1|2005-01-01|04|2004|Jan"
                + "|00|12|001|01|00|\n|AM|12:00:00 AM|00:00|00|\t|00:00:00|6|00|53|6|00|01/01/05|00:00:00|05|2005"
                + "|+0000|GMT|%", utc(ALL, 1104537600));
    }

    @Test
    void modifiersPrintTheUnmodifiedConversion() {
        assertEquals("Thu Jan  1 00:00:00 1970|19|01/01/70|00:00:00|70|1970|01| 1|00|12|01|00|00|4|00|01|4|00|70",
                utc(MODIFIED, 0));
        assertEquals("Wed Dec 31 00:00:00 2008|20|12/31/08|00:00:00|08|2008|31|31|00|12|12|00|00|3|52|01|3|52|08",
                utc(MODIFIED, 1230681600));
    }

    @Test
    void localTimesUseTheZone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertEquals("Tue Nov 14 23:13:20 2023 +0100 CET|23|11 PM",
                format("%c %z %Z|%H|%I %p", CalendarTime.local(1700000000, paris)));
        assertEquals("Sat Jul 22 06:26:40 2023 +0200 CEST|06|06 AM",
                format("%c %z %Z|%H|%I %p", CalendarTime.local(1690000000, paris)));
        assertEquals("Sat Jul 22 00:26:40 2023 -0400 EDT",
                format("%c %z %Z", CalendarTime.local(1690000000, ZoneId.of("America/New_York"))));
        assertEquals("Wed Nov 15 03:43:20 2023 +0530",
                format("%c %z", CalendarTime.local(1700000000, ZoneId.of("Asia/Kolkata"))));
        // the seconds of a local mean time offset (+0:09:21) are dropped
        assertEquals("+0009", format("%z", CalendarTime.local(-5000000000L, paris)));
    }

    @Test
    void invalidSpecifiersQuoteTheRestOfTheFormat() {
        assertEquals("bad argument #1 (invalid conversion specifier '%Ez abc')",
                assertThrows(ArgumentError.class, () -> utc("x%Ez abc", 0)).getMessage());
        assertEquals("bad argument #1 (invalid conversion specifier '%')",
                assertThrows(ArgumentError.class, () -> utc("%", 0)).getMessage());
        assertEquals("bad argument #1 (invalid conversion specifier '%E')",
                assertThrows(ArgumentError.class, () -> utc("%E", 0)).getMessage());
        assertEquals("bad argument #1 (invalid conversion specifier '%5d')",
                assertThrows(ArgumentError.class, () -> utc("%5d", 0)).getMessage());
        assertEquals("bad argument #1 (invalid conversion specifier '%q')",
                assertThrows(ArgumentError.class, () -> utc("%q\0rest", 0)).getMessage());
    }

    @Test
    void plainTextAndEmbeddedZerosAreCopied() {
        assertEquals("a\0b1970", utc("a\0b%Y", 0));
    }
}
