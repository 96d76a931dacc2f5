package dev.moonlet.syntax;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The kinds of tokens, as small integers in the same scheme as llex.h: a single-byte token
 * ({@code '+'}, {@code '('}, ...) is its byte value (0..255), and every other kind is a
 * constant from {@link #FIRST_RESERVED} on, reserved words first, in the order of
 * {@code luaX_tokens} (the order matters: it maps a kind to its text).
 */
final class Token {
    /** The first kind that is not a single byte. */
    static final int FIRST_RESERVED = 257;

    static final int AND = 257, BREAK = 258, DO = 259, ELSE = 260, ELSEIF = 261, END = 262,
            FALSE = 263, FOR = 264, FUNCTION = 265, GOTO = 266, IF = 267, IN = 268,
            LOCAL = 269, NIL = 270, NOT = 271, OR = 272, REPEAT = 273, RETURN = 274,
            THEN = 275, TRUE = 276, UNTIL = 277, WHILE = 278;

    static final int IDIV = 279, CONCAT = 280, DOTS = 281, EQ = 282, GE = 283, LE = 284,
            NE = 285, SHL = 286, SHR = 287, DBCOLON = 288, EOS = 289;

    /** Tokens with a value: a float numeral, an integer numeral, a name, a string. */
    static final int FLT = 290, INT = 291, NAME = 292, STRING = 293;

    private static final String[] TEXT = {
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto",
        "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
        "while", "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::", "<eof>",
        "<number>", "<integer>", "<name>", "<string>"
    };

    private static final int RESERVED_WORDS = WHILE - FIRST_RESERVED + 1;

    private static final byte[][] WORDS = new byte[RESERVED_WORDS][];

    static {
        for (int i = 0; i < RESERVED_WORDS; i++) {
            WORDS[i] = TEXT[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Token() {}

    /**
     * The kind of the name in {@code b[0, len)}: a reserved word's kind, or {@link #NAME}.
     */
    static int classifyName(byte[] b, int len) {
        if (len < 2 || len > 8) return NAME;
        for (int i = 0; i < RESERVED_WORDS; i++) {
            byte[] w = WORDS[i];
            if (w.length == len && w[0] == b[0] && Arrays.equals(w, 0, len, b, 0, len)) {
                return FIRST_RESERVED + i;
            }
        }
        return NAME;
    }

    /**
     * How messages name a token kind, as luaX_token2str: {@code 'x'} for a printable byte,
     * {@code '<\N>'} for any other byte, {@code 'end'} or {@code '..'} for reserved words and
     * symbols, and unquoted {@code <eof>}, {@code <name>}, {@code <string>}, {@code <number>},
     * {@code <integer>} for the rest.
     */
    static String describe(int token) {
        if (token < FIRST_RESERVED) {
            boolean printable = token >= 0x20 && token < 0x7F;
            return printable ? "'" + (char) token + "'" : "'<\\" + token + ">'";
        }
        String s = TEXT[token - FIRST_RESERVED];
        return token < EOS ? "'" + s + "'" : s;
    }
}
