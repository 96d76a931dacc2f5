package dev.moonlet.syntax;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lua's lexical analyser: reads source bytes and hands the {@link Parser} one token at a time
 * ({@link #next()}), with at most one token of look-ahead.
 *
 * <p>It follows llex.c step by step, because users see its state in messages: the line of an
 * error is where the scanner stands ({@link #linenumber}, the line where the current token
 * ends), and a message quotes the text the scanner collected for the current token in its
 * buffer (a string with its escapes already replaced, a numeral as written). Every line break
 * ({@code \n}, {@code \r}, {@code \r\n} or {@code \n\r}) counts as one line.
 */
final class Lexer {
    /** End of input, as the value of {@link #current}. */
    private static final int EOZ = -1;

    private static final int MAX_INT = Integer.MAX_VALUE;

    private final byte[] src;
    private final LuaString chunkId;
    /** Index in {@link #src} of the byte after {@link #current}. */
    private int pos;
    /** The byte under the scanner (0..255), or {@link #EOZ}. */
    private int current;

    /** The line the scanner is on: where the current token (or the look-ahead) ends. */
    int linenumber = 1;
    /** The line of the last token consumed by {@link #next()}. */
    int lastline = 1;

    /** The current token's kind (see {@link Token}). */
    int token;
    /** The current token's value: a LuaString (names, strings), a Long or a Double. */
    Object value;

    private int aheadToken = Token.EOS;
    private Object aheadValue;
    /** The value of the token {@link #scan()} returned last. */
    private Object scannedValue;

    /** The text of the token being read (or last read): what messages quote. */
    private byte[] buf = new byte[32];
    private int buflen;

    Lexer(byte[] src, LuaString chunkName) {
        this.src = src;
        this.chunkId = ChunkId.of(chunkName);
        advance();
    }

    // ---------------------------------------------------------------- tokens

    /** Consumes the current token: the look-ahead, if any, or a freshly read one. */
    void next() {
        lastline = linenumber;
        if (aheadToken != Token.EOS) {
            token = aheadToken;
            value = aheadValue;
            aheadToken = Token.EOS;
        } else {
            token = scan();
            value = scannedValue;
        }
    }

    /** Reads the token after the current one without consuming the current one. */
    int lookahead() {
        aheadToken = scan();
        aheadValue = scannedValue;
        return aheadToken;
    }

    private void advance() {
        current = pos < src.length ? src[pos++] & 0xFF : EOZ;
    }

    private void save(int c) {
        if (buflen == buf.length) buf = Arrays.copyOf(buf, buflen * 2);
        buf[buflen++] = (byte) c;
    }

    private void saveAndAdvance() {
        save(current);
        advance();
    }

    private boolean currentIsNewline() {
        return current == '\n' || current == '\r';
    }

    /** Skips a line break of one or two bytes and counts one line. */
    private void newline() {
        int old = current;
        advance();
        if (currentIsNewline() && current != old) advance();
        if (++linenumber >= MAX_INT) throw error("chunk has too many lines", 0);
    }

    private boolean advanceIf(int c) {
        if (current != c) return false;
        advance();
        return true;
    }

    /** Saves and skips the current byte if it is {@code a} or {@code b}. */
    private boolean saveIf(int a, int b) {
        if (current != a && current != b) return false;
        saveAndAdvance();
        return true;
    }

    /** Reads one token, skipping spaces and comments; its value goes to {@link #scannedValue}. */
    private int scan() {
        buflen = 0;
        scannedValue = null;
        for (;;) {
            switch (current) {
                case '\n': case '\r':
                    newline();
                    break;
                case ' ': case '\f': case '\t': case 0x0B:
                    advance();
                    break;
                case '-':
                    advance();
                    if (current != '-') return '-';
                    advance();
                    skipComment();
                    break;
                case '[': {
                    int sep = skipSeparator();
                    if (sep >= 2) {
                        scannedValue = readLongString(sep, true);
                        return Token.STRING;
                    }
                    if (sep == 0) throw error("invalid long string delimiter", Token.STRING);
                    return '[';
                }
                case '=':
                    advance();
                    return advanceIf('=') ? Token.EQ : '=';
                case '<':
                    advance();
                    if (advanceIf('=')) return Token.LE;
                    return advanceIf('<') ? Token.SHL : '<';
                case '>':
                    advance();
                    if (advanceIf('=')) return Token.GE;
                    return advanceIf('>') ? Token.SHR : '>';
                case '/':
                    advance();
                    return advanceIf('/') ? Token.IDIV : '/';
                case '~':
                    advance();
                    return advanceIf('=') ? Token.NE : '~';
                case ':':
                    advance();
                    return advanceIf(':') ? Token.DBCOLON : ':';
                case '"': case '\'':
                    scannedValue = readString(current);
                    return Token.STRING;
                case '.':
                    saveAndAdvance();
                    if (advanceIf('.')) return advanceIf('.') ? Token.DOTS : Token.CONCAT;
                    if (!isDigit(current)) return '.';
                    return readNumeral();
                case '0': case '1': case '2': case '3': case '4':
                case '5': case '6': case '7': case '8': case '9':
                    return readNumeral();
                case EOZ:
                    return Token.EOS;
                default:
                    if (isAlpha(current)) return readName();
                    int c = current;
                    advance();
                    return c;
            }
        }
    }

    /** Skips a comment whose {@code --} was just read: long if it opens with a bracket. */
    private void skipComment() {
        if (current == '[') {
            int sep = skipSeparator();
            buflen = 0;
            if (sep >= 2) {
                readLongString(sep, false);
                buflen = 0;
                return;
            }
        }
        while (!currentIsNewline() && current != EOZ) advance();
    }

    private int readName() {
        do {
            saveAndAdvance();
        } while (isAlnum(current));
        int kind = Token.classifyName(buf, buflen);
        if (kind == Token.NAME) scannedValue = LuaString.copyOf(buf, 0, buflen);
        return kind;
    }

    // ---------------------------------------------------------------- numerals

    /**
     * Reads a numeral greedily (digits, dots, exponent marks with their sign, and one touching
     * letter so that {@code 3x} is an error), then converts it as {@code tonumber} would.
     */
    private int readNumeral() {
        int first = current;
        saveAndAdvance();
        int expo = 'E';
        if (first == '0' && saveIf('x', 'X')) expo = 'P';
        for (;;) {
            if (saveIf(expo, expo | 0x20)) {
                saveIf('-', '+');
            } else if (isHexDigit(current) || current == '.') {
                saveAndAdvance();
            } else {
                break;
            }
        }
        if (isAlpha(current)) saveAndAdvance();
        Object n = LuaNumber.parse(buf, 0, buflen);
        if (n == null) throw error("malformed number", Token.FLT);
        scannedValue = n;
        return n instanceof Long ? Token.INT : Token.FLT;
    }

    // ---------------------------------------------------------------- long strings

    /**
     * Reads {@code [=*[} or {@code ]=*]} up to its last bracket, saving it. Returns the number
     * of '=' plus 2 for a well-formed one, 1 for a lone bracket, 0 for {@code [=} not followed
     * by a second bracket.
     */
    private int skipSeparator() {
        int count = 0;
        int s = current;
        saveAndAdvance();
        while (current == '=') {
            saveAndAdvance();
            count++;
        }
        if (current == s) return count + 2;
        return count == 0 ? 1 : 0;
    }

    /**
     * Reads a long string or comment whose opening separator ({@code sep} bytes) was read;
     * a newline right after the opening is not part of it. Returns the string's bytes, or
     * null for a comment.
     */
    private LuaString readLongString(int sep, boolean isString) {
        int line = linenumber;
        saveAndAdvance();
        if (currentIsNewline()) newline();
        for (;;) {
            switch (current) {
                case EOZ:
                    String what = isString ? "string" : "comment";
                    throw error("unfinished long " + what + " (starting at line " + line + ")",
                            Token.EOS);
                case ']':
                    if (skipSeparator() == sep) {
                        saveAndAdvance();
                        return isString ? LuaString.copyOf(buf, sep, buflen - 2 * sep) : null;
                    }
                    break;
                case '\n': case '\r':
                    save('\n');
                    newline();
                    if (!isString) buflen = 0;
                    break;
                default:
                    if (isString) save(current);
                    advance();
            }
        }
    }

    // ---------------------------------------------------------------- short strings

    /**
     * Reads a string delimited by {@code del}. The buffer keeps the opening delimiter and the
     * bytes decoded so far, which is what an error message quotes.
     */
    private LuaString readString(int del) {
        saveAndAdvance();
        while (current != del) {
            switch (current) {
                case EOZ:
                    throw error("unfinished string", Token.EOS);
                case '\n': case '\r':
                    throw error("unfinished string", Token.STRING);
                case '\\':
                    readEscape();
                    break;
                default:
                    saveAndAdvance();
            }
        }
        saveAndAdvance();
        return LuaString.copyOf(buf, 1, buflen - 2);
    }

    /** Reads an escape sequence at the backslash and saves the bytes it stands for. */
    private void readEscape() {
        saveAndAdvance();
        int c;
        switch (current) {
            case 'a': c = 0x07; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'v': c = 0x0B; break;
            case '\\': case '"': case '\'': c = current; break;
            case 'x': c = readHexEscape(); break;
            case 'u':
                readUtf8Escape();
                return;
            case '\n': case '\r':
                newline();
                replaceBackslash('\n');
                return;
            case EOZ:
                return; // the string loop reports it as unfinished
            case 'z':
                buflen--;
                advance();
                skipSpaces();
                return;
            default:
                check(isDigit(current), "invalid escape sequence");
                replaceBackslash(readDecimalEscape());
                return;
        }
        advance();
        replaceBackslash(c);
    }

    /** Replaces the saved backslash that opened an escape with the byte it stands for. */
    private void replaceBackslash(int c) {
        buflen--;
        save(c);
    }

    /** Skips the white space after {@code \z}, line breaks included. */
    private void skipSpaces() {
        while (isSpace(current)) {
            if (currentIsNewline()) newline();
            else advance();
        }
    }

    /**
     * Fails with {@code msg} unless {@code ok}; the message quotes the string read so far,
     * including the offending byte.
     */
    private void check(boolean ok, String msg) {
        if (ok) return;
        if (current != EOZ) saveAndAdvance();
        throw error(msg, Token.STRING);
    }

    /** Saves the current byte, moves on, and returns the value of the hex digit there. */
    private int readHexDigit() {
        saveAndAdvance();
        check(isHexDigit(current), "hexadecimal digit expected");
        return hexValue(current);
    }

    /** {@code \xXX}: exactly two hex digits; leaves the scanner on the second one. */
    private int readHexEscape() {
        int r = readHexDigit();
        r = (r << 4) + readHexDigit();
        buflen -= 2;
        return r;
    }

    /** {@code \ u{XXX}}: a code point up to 2^31, saved as UTF-8 (the old 6-byte form). */
    private void readUtf8Escape() {
        int removed = 4; // '\', 'u', '{' and the first digit
        saveAndAdvance();
        check(current == '{', "missing '{'");
        long r = readHexDigit();
        for (;;) {
            saveAndAdvance();
            if (!isHexDigit(current)) break;
            removed++;
            check(r <= (0x7FFFFFFFL >> 4), "UTF-8 value too large");
            r = (r << 4) + hexValue(current);
        }
        check(current == '}', "missing '}'");
        advance();
        buflen -= removed;
        saveUtf8(r);
    }

    /** Saves {@code x} (below 2^31) encoded as luaO_utf8esc does. */
    private void saveUtf8(long x) {
        if (x < 0x80) {
            save((int) x);
            return;
        }
        byte[] tail = new byte[6];
        int n = 0;
        int mfb = 0x3f; // the largest value that still fits in the first byte
        do {
            tail[n++] = (byte) (0x80 | (x & 0x3f));
            x >>= 6;
            mfb >>= 1;
        } while (x > mfb);
        save((int) ((~mfb << 1) | x) & 0xFF);
        while (n > 0) save(tail[--n]);
    }

    /** {@code \ddd}: up to three decimal digits, at most 255. */
    private int readDecimalEscape() {
        int r = 0;
        int i = 0;
        for (; i < 3 && isDigit(current); i++) {
            r = 10 * r + current - '0';
            saveAndAdvance();
        }
        check(r <= 0xFF, "decimal escape too large");
        buflen -= i;
        return r;
    }

    // ---------------------------------------------------------------- errors

    /**
     * A syntax error at the scanner's line: {@code chunkid:line: msg near token}, where the
     * token is quoted as {@code txtToken} does (its collected text for names, strings and
     * numerals); token 0 means no "near" part.
     */
    LuaError error(String msg, int tokenKind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] id = chunkId.rawBytes();
        out.write(id, 0, id.length);
        writeAscii(out, ":" + linenumber + ": " + msg);
        if (tokenKind != 0) {
            writeAscii(out, " near ");
            writeTokenText(out, tokenKind);
        }
        return new LuaError(LuaString.wrap(out.toByteArray()));
    }

    /** {@link #error} near the current token. */
    LuaError syntaxError(String msg) {
        return error(msg, token);
    }

    private void writeTokenText(ByteArrayOutputStream out, int tokenKind) {
        switch (tokenKind) {
            case Token.NAME: case Token.STRING: case Token.FLT: case Token.INT:
                // Quoted as C's "%s" would: up to the first zero byte.
                int len = 0;
                while (len < buflen && buf[len] != 0) len++;
                out.write('\'');
                out.write(buf, 0, len);
                out.write('\'');
                break;
            default:
                writeAscii(out, Token.describe(tokenKind));
        }
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }

    // ---------------------------------------------------------------- character classes

    /** Letters and '_' in the C locale (lctype.c without LUA_UCID). */
    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
    }

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int hexValue(int c) {
        return isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
