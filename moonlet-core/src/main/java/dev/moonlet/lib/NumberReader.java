package dev.moonlet.lib;

import dev.moonlet.value.LuaNumber;
import java.io.IOException;

/**
 * The {@code "n"} format of {@code file:read} (liolib.c's {@code read_number}): reads the
 * longest prefix of the input that can start a numeral, at most {@value #MAX_LENGTH}
 * characters, and converts it as {@code tonumber} would. What follows the prefix stays
 * unread; a prefix that is not a numeral (such as {@code "0x"} or {@code "."}) is consumed
 * and the read fails.
 *
 * <pre>{@code
 * // input "  -0x1Fp2|rest"
 * NumberReader.skipSpaces(in, 100);   // 2: the spaces are gone
 * NumberReader.read(in);                          // -124.0; "|rest" is left
 * }</pre>
 */
final class NumberReader {
    /** The longest numeral read ({@code L_MAXLENNUM}); a longer one makes the read fail. */
    static final int MAX_LENGTH = 200;

    /** A byte input with one byte of look-ahead. */
    interface Input {
        /** The next byte (0..255) without consuming it, or -1 at the end of the input. */
        int peek() throws IOException;

        /** Consumes the byte {@link #peek} answered. */
        void skip();
    }

    private final Input in;
    private final byte[] buffer = new byte[MAX_LENGTH];
    private int length;
    /** The numeral was longer than {@link #MAX_LENGTH}: the read fails. */
    private boolean overflow;
    /** The look-ahead byte. */
    private int c;

    private NumberReader(Input in) {
        this.in = in;
    }

    /**
     * Consumes white space (C's {@code isspace}), at most {@code max} bytes; answers how many.
     * Fewer than {@code max} means the white space is all gone; a caller with a budget goes
     * on later otherwise.
     */
    static int skipSpaces(Input in, int max) throws IOException {
        int n = 0;
        while (n < max && isSpace(in.peek())) {
            in.skip();
            n++;
        }
        return n;
    }

    /**
     * Reads a numeral that starts right here (after {@link #skipSpaces}): a {@code Long} or a
     * {@code Double}, or null when what was read is not a numeral.
     */
    static Object read(Input in) throws IOException {
        NumberReader r = new NumberReader(in);
        r.c = in.peek();
        return r.numeral();
    }

    private Object numeral() throws IOException {
        int count = 0;
        boolean hex = false;
        test2('-', '+');
        if (test2('0', '0')) {
            if (test2('x', 'X')) hex = true;
            else count = 1; // the initial '0' is a digit
        }
        count += readDigits(hex);
        if (test2('.', '.')) count += readDigits(hex);
        if (count > 0 && (hex ? test2('p', 'P') : test2('e', 'E'))) {
            test2('-', '+');
            readDigits(false);
        }
        return overflow ? null : LuaNumber.parse(buffer, 0, length);
    }

    /** Takes the look-ahead byte into the numeral and looks at the next; false when the numeral is too long. */
    private boolean next() throws IOException {
        if (length >= MAX_LENGTH) {
            overflow = true;
            return false;
        }
        buffer[length++] = (byte) c;
        in.skip();
        c = in.peek();
        return true;
    }

    /** Takes the look-ahead byte if it is {@code a} or {@code b}. */
    private boolean test2(char a, char b) throws IOException {
        return (c == a || c == b) && next();
    }

    /** Takes a run of (hexadecimal) digits; answers how many. */
    private int readDigits(boolean hex) throws IOException {
        int count = 0;
        while ((hex ? isHexDigit(c) : isDigit(c)) && next()) count++;
        return count;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** C's {@code isspace} in the C locale. */
    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
