package dev.moonlet.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lua's number semantics. Every expected string was printed by PUC-Rio lua5.4 (for example
 * {@code lua5.4 -e 'print(math.type(tonumber(" 0x10 ")), tonumber(" 0x10 "))'}) or, for
 * {@link NumberFormat}, by glibc's printf.
 */
class LuaNumberTest {

    /** What lua5.4 prints for {@code math.type(v), v} (or {@code nil}). */
    private static String show(Object v) {
        if (v == null) return "nil";
        if (v instanceof Long) return "integer " + v;
        return "float " + LuaNumber.toLuaString((Double) v);
    }

    private static String parse(String s) {
        return show(LuaNumber.parse(LuaString.wrap(s.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'1'                      | integer 1",
        "'-1'                     | integer -1",
        "'+1'                     | integer 1",
        "' 10 '                   | integer 10",
        "'00012'                  | integer 12",
        "'-0'                     | integer 0",
        "'9223372036854775807'    | integer 9223372036854775807",
        "'-9223372036854775808'   | integer -9223372036854775808",
        "'9223372036854775808'    | float 9.2233720368548e+18",
        "'-9223372036854775809'   | float -9.2233720368548e+18",
        "'0x10'                   | integer 16",
        "'   -0x10  '             | integer -16",
        "'0xffffffffffffffff'     | integer -1",
        "'0x10000000000000000'    | integer 0",
        "'0x8000000000000000'     | integer -9223372036854775808",
        "'0x123456789abcdef0123456789' | integer -6066930334832433271",
        "'1e5'                    | float 100000.0",
        "'1E-5'                   | float 1e-05",
        "'.5'                     | float 0.5",
        "'5.'                     | float 5.0",
        "'-.5'                    | float -0.5",
        "'-0.0'                   | float -0.0",
        "'1e+0'                   | float 1.0",
        "'1e308'                  | float 1e+308",
        "'1e309'                  | float inf",
        "'-1e309'                 | float -inf",
        "'1.7976931348623158e308' | float 1.7976931348623e+308",
        "'1.7976931348623159e308' | float inf",
        "'4.9e-324'               | float 4.9406564584125e-324",
        "'2e-324'                 | float 0.0",
        "'3e-324'                 | float 4.9406564584125e-324",
        "'0x.8'                   | float 0.5",
        "'0xA.8p1'                | float 21.0",
        "'0x1p4'                  | float 16.0",
        "'0x1P-2'                 | float 0.25",
        "'0x1.p1'                 | float 2.0",
        "'0x0.1'                  | float 0.0625",
        "'0x1p-1074'              | float 4.9406564584125e-324",
        "'0x1p-1075'              | float 0.0",
        "'0x1.8p-1075'            | float 4.9406564584125e-324",
        "'0x1.fffffffffffff8p1023' | float inf",
        "'0x1.fffffffffffff7ffp1023' | float 1.7976931348623e+308",
        "'0x.0000000000000000000000001p100' | float 1.0",
        "''                       | nil",
        "'  '                     | nil",
        "'0x'                     | nil",
        "'0x.'                    | nil",
        "'0x.p1'                  | nil",
        "'0x1p'                   | nil",
        "'0x1p+'                  | nil",
        "'0x-1'                   | nil",
        "'1e'                     | nil",
        "'1e+'                    | nil",
        "'.'                      | nil",
        "'- 1'                    | nil",
        "'1 2'                    | nil",
        "'--1'                    | nil",
        "'1..2'                   | nil",
        "'1e1.5'                  | nil",
        "'inf'                    | nil",
        "'-inf'                   | nil",
        "'nan'                    | nil",
        "'infinity'               | nil",
        "'1f'                     | nil",
        "'0b1'                    | nil",
        "'1_0'                    | nil",
    })
    void parsesLikeTonumber(String text, String expected) {
        assertEquals(expected, parse(text));
    }

    @Test
    void parseAcceptsCWhitespaceAndRejectsEmbeddedZero() {
        assertEquals("integer 1", parse("\u000b1\f\r\n\t"));
        assertEquals("nil", parse("1\0"));
        assertEquals("nil", parse("\0" + "1"));
    }

    @Test
    void parseRoundsHexFloatsExactly() {
        // Ties go to even; any nonzero digit past the halfway point rounds up.
        assertEquals(0x3ff0000000000001L, bits(LuaNumber.parse(LuaString.of("0x1.0000000000001p0"))));
        assertEquals(0x3ff0000000000000L, bits(LuaNumber.parse(LuaString.of("0x1.00000000000008p0"))));
        assertEquals(0x3ff0000000000002L, bits(LuaNumber.parse(LuaString.of("0x1.00000000000018p0"))));
        assertEquals(0x3ff0000000000001L, bits(LuaNumber.parse(LuaString.of("0x1.000000000000080000001p0"))));
    }

    @Test
    void parseReadsASlice() {
        byte[] b = "x=0x1F;".getBytes(StandardCharsets.US_ASCII);
        assertEquals(31L, LuaNumber.parse(b, 2, 4));
    }

    private static long bits(Object d) {
        return Double.doubleToRawLongBits((Double) d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e15                    | 1e+15",
        "1e16                    | 1e+16",
        "9007199254740992        | 9.007199254741e+15",
        "9223372036854775808     | 9.2233720368548e+18",
        "-9223372036854775808    | -9.2233720368548e+18",
        "0.1                     | 0.1",
        "0.30000000000000004     | 0.3",
        "0.3333333333333333      | 0.33333333333333",
        "-0.0                    | -0.0",
        "0.0                     | 0.0",
        "1.0                     | 1.0",
        "-1.5                    | -1.5",
        "100.0                   | 100.0",
        "1e-5                    | 1e-05",
        "0.0001                  | 0.0001",
        "0.00001234              | 1.234e-05",
        "123456.789              | 123456.789",
        "123456789012345.0       | 1.2345678901234e+14",
        "12345678901234.5        | 12345678901234.0",
        "1e14                    | 1e+14",
        "99999999999999.0        | 99999999999999.0",
        "999999999999999.0       | 1e+15",
        "1e100                   | 1e+100",
        "3.141592653589793       | 3.1415926535898",
        "1.7976931348623157e308  | 1.7976931348623e+308",
        "2.2250738585072014e-308 | 2.2250738585072e-308",
        "1e-310                  | 1e-310",
        "4.9e-324                | 4.9406564584125e-324",
        "Infinity                | inf",
        "-Infinity               | -inf",
    })
    void printsLikeTostring(double d, String expected) {
        assertEquals(expected, LuaNumber.toLuaString(d).toString());
    }

    @Test
    void printsNaNWithItsSign() {
        assertEquals("nan", LuaNumber.toLuaString(Double.longBitsToDouble(0x7ff8000000000000L)).toString());
        assertEquals("-nan", LuaNumber.toLuaString(Double.longBitsToDouble(0xfff8000000000000L)).toString());
        assertEquals("-9223372036854775808", LuaNumber.toLuaString(Long.MIN_VALUE).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0       | a | -1 | 0x1p+0",
        "3.0       | a | -1 | 0x1.8p+1",
        "-0.0      | a | -1 | -0x0p+0",
        "4.9e-324  | a | -1 | 0x0.0000000000001p-1022",
        "1.5       | a | 0  | 0x2p+0",
        "2.5       | a | 0  | 0x1p+1",
        "1.0       | A | 3  | 0X1.000P+0",
        "0.1       | a | -1 | 0x1.999999999999ap-4",
        "0.5       | e | -1 | 5.000000e-01",
        "2.5       | e | 0  | 2e+00",
        "1e100     | E | 2  | 1.00E+100",
        "0.125     | f | 2  | 0.12",
        "0.375     | f | 2  | 0.38",
        "-0.0      | f | 2  | -0.00",
        "1e20      | f | 0  | 100000000000000000000",
        "0.1       | f | 20 | 0.10000000000000000555",
        "0.0001    | g | -1 | 0.0001",
        "0.00001   | g | -1 | 1e-05",
        "123456.0  | g | -1 | 123456",
        "1234567.0 | g | -1 | 1.23457e+06",
        "100.0     | g | 0  | 1e+02",
        "Infinity  | G | -1 | INF",
        "NaN       | f | -1 | nan",
    })
    void formatsLikeGlibc(double d, char conv, int precision, String expected) {
        assertEquals(expected, NumberFormat.format(d, conv, precision, false));
    }

    @Test
    void formatsTheAlternateForm() {
        assertEquals("1.00000", NumberFormat.format(1.0, 'g', -1, true));
        assertEquals("2.", NumberFormat.format(2.0, 'f', 0, true));
        assertEquals("2.e+00", NumberFormat.format(2.0, 'e', 0, true));
        assertEquals("0x1.p+0", NumberFormat.format(1.0, 'a', -1, true));
    }

    @Test
    void integerDivisionAndModuloFloor() {
        assertEquals(-2, LuaNumber.idiv(-3, 2));
        assertEquals(1, LuaNumber.imod(-5, 3));
        assertEquals(-1, LuaNumber.imod(5, -3));
        assertEquals(Long.MIN_VALUE, LuaNumber.idiv(Long.MIN_VALUE, -1));
        assertEquals(0, LuaNumber.imod(Long.MIN_VALUE, -1));
        assertEquals(-2.0, LuaNumber.idiv(-3.0, 2.0));
    }

    @Test
    void floatModuloTakesTheSignOfTheDivisor() {
        assertEquals(1.0, LuaNumber.fmod(-5.0, 3.0));
        assertEquals(-1.0, LuaNumber.fmod(5.0, -3.0));
        assertEquals(Double.NEGATIVE_INFINITY, LuaNumber.fmod(5.0, Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, LuaNumber.fmod(-5.0, Double.POSITIVE_INFINITY));
        assertEquals(5.0, LuaNumber.fmod(5.0, Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(LuaNumber.fmod(1.0, 0.0)));
        assertEquals("-0.0", LuaNumber.toLuaString(LuaNumber.fmod(-6.0, 3.0)).toString());
    }

    @Test
    void shiftsLogicallyAndSaturateToZero() {
        assertEquals(2, LuaNumber.shiftLeft(1, 1));
        assertEquals(Long.MAX_VALUE, LuaNumber.shiftLeft(-1, -1));
        assertEquals(0, LuaNumber.shiftLeft(-1, 64));
        assertEquals(0, LuaNumber.shiftLeft(-1, -64));
        assertEquals(Long.MIN_VALUE, LuaNumber.shiftLeft(1, 63));
        assertEquals(0, LuaNumber.shiftLeft(1, Long.MIN_VALUE));
    }

    @Test
    void convertsFloatsToIntegersOnlyWhenExact() {
        assertEquals(3L, LuaNumber.floatToInteger(3.0));
        assertNull(LuaNumber.floatToInteger(3.5));
        assertEquals(Long.MIN_VALUE, LuaNumber.floatToInteger(-0x1p63));
        assertNull(LuaNumber.floatToInteger(0x1p63));
        assertNull(LuaNumber.floatToInteger(Double.NaN));
        assertEquals(0L, LuaNumber.floatToInteger(-0.0));
        assertEquals(3L, LuaNumber.floorToInteger(3.7));
        assertEquals(-4L, LuaNumber.floorToInteger(-3.2));
        assertEquals(4L, LuaNumber.ceilToInteger(3.2));
        assertEquals(Long.MAX_VALUE - 1023, LuaNumber.ceilToInteger(0x1p63 - 1024));
        assertNull(LuaNumber.ceilToInteger(0x1p63));
        assertNull(LuaNumber.floorToInteger(Double.POSITIVE_INFINITY));
    }

    @Test
    void comparesIntegersWithFloatsExactly() {
        long big = (1L << 53) + 1;
        double f = 0x1p53;
        assertTrue(LuaNumber.lt(f, big));
        assertFalse(LuaNumber.eq(big, f));
        assertFalse(LuaNumber.le(big, f));
        assertTrue(LuaNumber.lt(Long.MAX_VALUE, 0x1p63));
        assertFalse(LuaNumber.le(0x1p63, Long.MAX_VALUE));
        assertTrue(LuaNumber.le(-0x1p63, Long.MIN_VALUE));
        assertTrue(LuaNumber.eq(Long.MIN_VALUE, -0x1p63));
        assertFalse(LuaNumber.lt(Long.MIN_VALUE, -0x1p63));
        assertTrue(LuaNumber.lt(Long.MAX_VALUE, Double.POSITIVE_INFINITY));
        assertTrue(LuaNumber.lt(Double.NEGATIVE_INFINITY, Long.MIN_VALUE));
        for (long i : new long[] {0, big, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertFalse(LuaNumber.lt(i, Double.NaN));
            assertFalse(LuaNumber.le(i, Double.NaN));
            assertFalse(LuaNumber.lt(Double.NaN, i));
            assertFalse(LuaNumber.le(Double.NaN, i));
            assertFalse(LuaNumber.eq(i, Double.NaN));
        }
        assertTrue(LuaNumber.eq(1, 1.0));
        assertFalse(LuaNumber.eq(1, 1.5));
    }
}
