package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code read("n")}'s algorithm on its own: what it returns and, as much, where it leaves the
 * input (the cases of files.lua, "test number termination", and more).
 */
class NumberReaderTest {
    /** An in-memory input. */
    private static final class Text implements NumberReader.Input {
        private final byte[] bytes;
        private int pos;

        Text(String s) {
            bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public int peek() {
            return pos < bytes.length ? bytes[pos] & 0xFF : -1;
        }

        @Override
        public void skip() {
            pos++;
        }

        String rest() {
            return new String(bytes, pos, bytes.length - pos, StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads a number from {@code input} as {@code read("n")} does; answers "value|rest". */
    private static String read(String input) throws Exception {
        Text in = new Text(input);
        NumberReader.skipSpaces(in, Integer.MAX_VALUE);
        Object v = NumberReader.read(in);
        return v + "|" + in.rest();
    }

    @Test
    void readsTheLongestNumeralPrefix() throws Exception {
        assertEquals("-12.3|-\t-0xffff+", read("-12.3-\t-0xffff+"));
        assertEquals("-65535|+  .3", read("\t-0xffff+  .3"));
        assertEquals("0.3||5", read("  .3|5"));
        assertEquals("0.005|X", read("5.E-3X"));
        assertEquals("2.34E15|E", read("  +234e+13E"));
        assertEquals("-2401053088876216593|x", read(" 0xDEADBEEFDEADBEEFx"));
        assertEquals("8.61328125|e", read("0x1.13Ap+3e"));
        assertEquals("42|", read("42"));
        assertEquals("9223372036854775807|\n", read("9223372036854775807\n"));
        assertEquals("9.223372036854776E18|", read("9223372036854775808"));
    }

    @Test
    void integersAndFloatsKeepTheirType() throws Exception {
        Text in = new Text("10 10.0 0x10");
        assertEquals(10L, NumberReader.read(in));
        NumberReader.skipSpaces(in, 10);
        assertEquals(10.0, NumberReader.read(in));
        NumberReader.skipSpaces(in, 10);
        assertEquals(16L, NumberReader.read(in));
    }

    @Test
    void invalidPrefixesAreConsumedAndFail() throws Exception {
        assertEquals("null|e+\t0.e;", read(".e+\t0.e;"));
        assertEquals("null|;", read("0.e;"));
        assertEquals("null|-;", read("--;"));
        assertEquals("null|X;", read("0xX;"));
        assertEquals("null|", read(""));
        assertEquals("null|abc", read("abc"));
        assertEquals("null|p1", read("0xp1"));
    }

    @Test
    void aNumeralStopsAt200Characters() throws Exception {
        String digits = "1234" + "0".repeat(1000);
        Text in = new Text(digits + "\n");
        assertNull(NumberReader.read(in));
        assertEquals("0".repeat(digits.length() - 200) + "\n", in.rest());
        assertEquals("1.0E199|", read("1" + "0".repeat(199)));
        assertEquals("null|0", read("1" + "0".repeat(200)));
    }

    @Test
    void spacesAreSkippedWithinABudget() throws Exception {
        Text in = new Text(" \t\n\u000b\f\r 7");
        assertEquals(3, NumberReader.skipSpaces(in, 3));
        assertEquals(4, NumberReader.skipSpaces(in, 10));
        assertEquals(7L, NumberReader.read(in));
    }
}
