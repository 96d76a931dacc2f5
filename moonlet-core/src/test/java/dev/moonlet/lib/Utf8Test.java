package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** UTF-8 decoding and encoding as lutf8lib and lua5.4's {@code "\\u{...}"} escapes do them. */
class Utf8Test {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** "code@next" for a valid sequence at 0, "invalid" otherwise. */
    private static String decode(String s, boolean strict) {
        long d = Utf8.decode(bytes(s), 0, strict);
        return d == Utf8.INVALID ? "invalid" : Long.toHexString(Utf8.code(d)) + "@" + Utf8.next(d);
    }

    @Test
    void decodesEverySequenceLength() {
        assertEquals("41@1", decode("A", true));
        assertEquals("0@1", decode("", true)); // the terminating zero, as in C
        assertEquals("e9@2", decode("\u00c3\u00a9", true));
        assertEquals("20ac@3", decode("\u00e2\u0082\u00ac", true));
        assertEquals("10ffff@4", decode("\u00f4\u008f\u00bf\u00bf", true));
        assertEquals("7fffffff@6", decode("\u00fd\u00bf\u00bf\u00bf\u00bf\u00bf", false));
    }

    @Test
    void strictModeRejectsSurrogatesAndValuesAboveUnicode() {
        assertEquals("invalid", decode("\u00f4\u0090\u0080\u0080", true));
        assertEquals("110000@4", decode("\u00f4\u0090\u0080\u0080", false));
        assertEquals("invalid", decode("\u00ed\u00a0\u0080", true));
        assertEquals("d800@3", decode("\u00ed\u00a0\u0080", false));
    }

    @Test
    void rejectsMalformedSequences() {
        assertEquals("invalid", decode("\u0080", false)); // a lone continuation byte
        assertEquals("invalid", decode("\u00c3", false)); // truncated
        assertEquals("invalid", decode("\u00c3A", false));
        assertEquals("invalid", decode("\u00c0\u0080", false)); // overlong
        assertEquals("invalid", decode("\u00e0\u0080\u0080", false));
        assertEquals("invalid", decode("\u00fe\u00bf\u00bf\u00bf\u00bf\u00bf\u00bf", false));
        assertEquals("invalid", decode("\u00ff", false));
    }

    @Test
    void encodesUpToSixBytes() {
        long[] codes = {0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x1FFFFF, 0x200000, 0x3FFFFFF,
            0x4000000, 0x7FFFFFFF};
        int[] lengths = {1, 1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6};
        for (int i = 0; i < codes.length; i++) {
            byte[] out = new byte[8];
            int n = Utf8.encode(codes[i], out, 1);
            assertEquals(lengths[i], Utf8.length(codes[i]));
            assertEquals(1 + lengths[i], n);
            long d = Utf8.decode(java.util.Arrays.copyOfRange(out, 1, n), 0, false);
            assertEquals(codes[i], Utf8.code(d));
        }
        byte[] out = new byte[6];
        Utf8.encode(0x7FFFFFFF, out, 0);
        assertArrayEquals(new byte[] {(byte) 0xFD, (byte) 0xBF, (byte) 0xBF, (byte) 0xBF, (byte) 0xBF, (byte) 0xBF}, out);
    }

    @Test
    void continuationBytes() {
        assertTrue(Utf8.isContinuation(0x80));
        assertTrue(Utf8.isContinuation(0xBF));
        assertFalse(Utf8.isContinuation(0xC0));
        assertFalse(Utf8.isContinuation(0x7F));
        assertEquals(0, Utf8.byteAt(bytes("a"), 1));
    }
}
