package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.ArgumentError;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Fuel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code string.pack}, {@code string.unpack} and {@code string.packsize} (manual §6.4.2), as
 * lstrlib.c does them on a 64-bit little-endian machine: {@code b h i l j} are 1, 2, 4, 8 and 8
 * bytes, {@code T} and the {@code s} length 8, {@code f} 4 and {@code d n} 8, and {@code !}
 * aligns to at most 8 by default. Integers take 1 to 16 bytes ({@code i[n] I[n]}).
 *
 * <p>The format runs option by option, charging fuel for each and for the bytes it copies,
 * and pauses between options when the fuel is spent.
 */
final class StringPack extends InlineSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.markAll(args);
        if (results != null) m.markAll(results.toArray());
    }

    /** The largest integer size, MAXINTSIZE. */
    private static final int MAX_INT_SIZE = 16;
    /** sizeof(lua_Integer). */
    private static final int SZINT = 8;
    /** The native alignment of {@code !} without a size. */
    private static final int MAX_ALIGN = 8;

    /** What a call does with the options. */
    private enum Kind { PACK, UNPACK, SIZE }

    /** The options' classes, lstrlib's KOption. */
    private enum Option { INT, UINT, FLOAT, NUMBER, DOUBLE, CHAR, STRING, ZSTR, PADDING, PADDALIGN, NOP }

    private final Kind kind;
    private final byte[] fmt;
    /** The format ends at its first zero byte, as a C string does. */
    private final int fmtEnd;
    private final Object[] args;
    private int fpos;
    private boolean little = true;
    private int maxAlign = 1;
    /** The size of the option just read (getoption's {@code *size}). */
    private int size;
    /** The alignment padding the option read by {@link #details} needs. */
    private int padding;

    // PACK and SIZE: the bytes so far and the next argument; UNPACK: the data and position.
    private long total;
    private int arg;
    /** Where the packed string and the unpacked strings are charged. */
    private final Heap heap;
    private final LuaBuffer out;
    private final byte[] data;
    private long pos;
    private final List<Object> results;

    private StringPack(Heap heap, Kind kind, Object[] args) {
        this.heap = heap;
        this.kind = kind;
        // lstrlib's pack pushes a nil after its arguments, so a missing one is "got nil".
        this.args = kind == Kind.PACK ? java.util.Arrays.copyOf(args, args.length + 1) : args;
        this.fmt = Args.checkString(args, 0).rawBytes();
        int end = 0;
        while (end < fmt.length && fmt[end] != 0) end++;
        this.fmtEnd = end;
        this.out = kind == Kind.PACK ? new LuaBuffer(heap, 32) : null;
        this.data = kind == Kind.UNPACK ? Args.checkString(args, 1).rawBytes() : null;
        this.results = kind == Kind.UNPACK ? new ArrayList<>() : null;
    }

    /** {@code string.pack(fmt, v1, v2, ...)}. */
    static Object pack(Coroutine co, Object[] args) {
        return forPack(co.instance().heap(), args).start(co);
    }

    /** {@code string.packsize(fmt)}. */
    static Object packsize(Coroutine co, Object[] args) {
        return forSize(co.instance().heap(), args).start(co);
    }

    /** {@code string.unpack(fmt, s [, pos])}: the values, then the position after them. */
    static Object unpack(Coroutine co, Object[] args) {
        return forUnpack(co.instance().heap(), args).start(co);
    }

    /** The state of {@code string.pack(args...)} before its first option. */
    static StringPack forPack(Heap heap, Object[] args) {
        return new StringPack(heap, Kind.PACK, args);
    }

    /** The state of {@code string.packsize(args...)} before its first option. */
    static StringPack forSize(Heap heap, Object[] args) {
        return new StringPack(heap, Kind.SIZE, args);
    }

    /** The state of {@code string.unpack(args...)} before its first option. */
    static StringPack forUnpack(Heap heap, Object[] args) {
        StringPack p = new StringPack(heap, Kind.UNPACK, args);
        long ld = p.data.length;
        long init = StringLib.startPosition(Args.optInteger(args, 2, 1), ld) - 1;
        if (init > ld) throw new ArgumentError(3, "initial position out of string");
        p.pos = init;
        return p;
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        return run(co.fuel());
    }

    /** Runs options until the format ends (the results) or {@code fuel} is spent (a pause). */
    Action run(Fuel fuel) {
        while (fpos < fmtEnd) {
            if (fuel.exhausted()) return pause();
            fuel.consume(1);
            switch (kind) {
                case PACK -> packOption(fuel);
                case UNPACK -> unpackOption(fuel);
                default -> sizeOption();
            }
        }
        return new Action.Return(switch (kind) {
            case PACK -> new Object[] {out.toLuaString()};
            case UNPACK -> {
                results.add(pos + 1);
                yield results.toArray();
            }
            default -> new Object[] {total};
        });
    }

    // ---------------------------------------------------------------- the options

    private void packOption(Fuel fuel) {
        Option opt = details(total);
        int pad = padding;
        total += pad + size;
        out.repeat(0, pad);
        arg++;
        switch (opt) {
            case INT -> {
                long n = Args.checkInteger(args, arg);
                if (size < SZINT) {
                    long lim = 1L << (size * 8 - 1);
                    if (n < -lim || n >= lim) throw new ArgumentError(arg + 1, "integer overflow");
                }
                packInt(n, size, n < 0);
            }
            case UINT -> {
                long n = Args.checkInteger(args, arg);
                if (size < SZINT && Long.compareUnsigned(n, 1L << (size * 8)) >= 0) {
                    throw new ArgumentError(arg + 1, "unsigned overflow");
                }
                packInt(n, size, false);
            }
            case FLOAT -> packInt(Float.floatToRawIntBits((float) Args.checkDouble(args, arg)), 4, false);
            case NUMBER, DOUBLE -> packInt(Double.doubleToRawLongBits(Args.checkDouble(args, arg)), 8, false);
            case CHAR -> {
                LuaString s = Args.checkString(args, arg);
                if (s.length() > size) throw new ArgumentError(arg + 1, "string longer than given size");
                out.append(s).repeat(0, size - s.length());
                fuel.consume(size >> 4);
            }
            case STRING -> {
                LuaString s = Args.checkString(args, arg);
                if (size < SZINT && s.length() >= 1L << (size * 8)) {
                    throw new ArgumentError(arg + 1, "string length does not fit in given size");
                }
                packInt(s.length(), size, false);
                out.append(s);
                total += s.length();
                fuel.consume(s.length() >> 4);
            }
            case ZSTR -> {
                LuaString s = Args.checkString(args, arg);
                for (byte b : s.rawBytes()) {
                    if (b == 0) throw new ArgumentError(arg + 1, "string contains zeros");
                }
                out.append(s).append(0);
                total += s.length() + 1;
                fuel.consume(s.length() >> 4);
            }
            case PADDING -> {
                out.append(0);
                arg--;
            }
            default -> arg--; // PADDALIGN, NOP
        }
    }

    /** Appends {@code n} as a {@code size}-byte integer, sign-extended past 8 bytes if {@code neg}. */
    private void packInt(long n, int size, boolean neg) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            int v = i < SZINT ? (int) (n >>> (8 * i)) & 0xFF : neg ? 0xFF : 0;
            b[little ? i : size - 1 - i] = (byte) v;
        }
        out.append(b, 0, size);
    }

    private void sizeOption() {
        Option opt = details(total);
        if (opt == Option.STRING || opt == Option.ZSTR) throw new ArgumentError(1, "variable-length format");
        long s = size + padding;
        if (total > StringLib.MAX_SIZE - s) throw new ArgumentError(1, "format result too large");
        total += s;
    }

    /** The unpacked string of {@code len} bytes of the data from {@code at}, charged first. */
    private LuaString string(int at, int len) {
        heap.chargeString(len);
        return LuaString.copyOf(data, at, len);
    }

    private void unpackOption(Fuel fuel) {
        Option opt = details(pos);
        long ld = data.length;
        if ((long) padding + size > ld - pos) throw new ArgumentError(2, "data string too short");
        pos += padding;
        int at = (int) pos;
        if (results.size() + 2 > Library.MAX_RESULTS) {
            throw new StringError("stack overflow (too many results)");
        }
        switch (opt) {
            case INT, UINT -> results.add(unpackInt(at, size, opt == Option.INT));
            case FLOAT -> results.add((double) Float.intBitsToFloat((int) unpackInt(at, 4, false)));
            case NUMBER, DOUBLE -> results.add(Double.longBitsToDouble(unpackInt(at, 8, false)));
            case CHAR -> {
                results.add(string(at, size));
                fuel.consume(size >> 4);
            }
            case STRING -> {
                long len = unpackInt(at, size, false);
                if (Long.compareUnsigned(len, ld - pos - size) > 0) throw new ArgumentError(2, "data string too short");
                results.add(string(at + size, (int) len));
                pos += len;
                fuel.consume(len >> 4);
            }
            case ZSTR -> {
                int end = at;
                while (end < data.length && data[end] != 0) end++;
                if (end >= ld) throw new ArgumentError(2, "unfinished string for format 'z'");
                results.add(string(at, end - at));
                pos += end - at + 1;
                fuel.consume((end - at) >> 4);
            }
            default -> { } // padding and no-ops
        }
        pos += size;
    }

    /**
     * The {@code size}-byte integer at {@code at}: sign-extended when smaller than 8 bytes
     * and {@code signed}; when larger, the extra bytes must be a plain sign extension.
     */
    private long unpackInt(int at, int size, boolean signed) {
        long res = 0;
        int limit = Math.min(size, SZINT);
        for (int i = limit - 1; i >= 0; i--) res = (res << 8) | (data[at + (little ? i : size - 1 - i)] & 0xFF);
        if (size < SZINT) {
            if (signed) {
                long mask = 1L << (size * 8 - 1);
                res = (res ^ mask) - mask;
            }
        } else if (size > SZINT) {
            int mask = !signed || res >= 0 ? 0 : 0xFF;
            for (int i = limit; i < size; i++) {
                if ((data[at + (little ? i : size - 1 - i)] & 0xFF) != mask) {
                    throw new StringError(size + "-byte integer does not fit into Lua Integer");
                }
            }
        }
        return res;
    }

    // ---------------------------------------------------------------- reading the format

    /**
     * lstrlib's getdetails: reads the next option, sets {@link #size} and the {@link #padding}
     * that aligns it at {@code offset}.
     */
    private Option details(long offset) {
        Option opt = option();
        int optSize = size;
        int align = optSize;
        if (opt == Option.PADDALIGN) { // 'X' takes its alignment from the next option
            if (fpos >= fmtEnd || option() == Option.CHAR || size == 0) {
                throw new ArgumentError(1, "invalid next option for option 'X'");
            }
            align = size;
            size = optSize;
        }
        padding = 0;
        if (align > 1 && opt != Option.CHAR) {
            align = Math.min(align, maxAlign);
            if ((align & (align - 1)) != 0) throw new ArgumentError(1, "format asks for alignment not power of 2");
            padding = (int) ((align - (offset & (align - 1))) & (align - 1));
        }
        return opt;
    }

    /** lstrlib's getoption: reads one option, sets {@link #size}, handles the configuration ones. */
    private Option option() {
        int c = fmt[fpos++] & 0xFF;
        size = 0;
        switch (c) {
            case 'b' -> { size = 1; return Option.INT; }
            case 'B' -> { size = 1; return Option.UINT; }
            case 'h' -> { size = 2; return Option.INT; }
            case 'H' -> { size = 2; return Option.UINT; }
            case 'l', 'j' -> { size = 8; return Option.INT; }
            case 'L', 'J', 'T' -> { size = 8; return Option.UINT; }
            case 'f' -> { size = 4; return Option.FLOAT; }
            case 'n' -> { size = 8; return Option.NUMBER; }
            case 'd' -> { size = 8; return Option.DOUBLE; }
            case 'i' -> { size = sizeLimit(4); return Option.INT; }
            case 'I' -> { size = sizeLimit(4); return Option.UINT; }
            case 's' -> { size = sizeLimit(8); return Option.STRING; }
            case 'c' -> {
                size = number(-1);
                if (size == -1) throw new StringError("missing size for format option 'c'");
                return Option.CHAR;
            }
            case 'z' -> { return Option.ZSTR; }
            case 'x' -> { size = 1; return Option.PADDING; }
            case 'X' -> { return Option.PADDALIGN; }
            case ' ' -> { }
            case '<', '=' -> little = true; // this machine is little-endian
            case '>' -> little = false;
            case '!' -> maxAlign = sizeLimit(MAX_ALIGN);
            default -> throw new StringError("invalid format option '" + (char) c + "'");
        }
        return Option.NOP;
    }

    /** lstrlib's getnum: a decimal number (stopping before it could pass MAXSIZE), or {@code def}. */
    private int number(int def) {
        if (fpos >= fmtEnd || !isDigit(fmt[fpos])) return def;
        int a = 0;
        do {
            a = a * 10 + (fmt[fpos++] - '0');
        } while (fpos < fmtEnd && isDigit(fmt[fpos]) && a <= (StringLib.MAX_SIZE - 9) / 10);
        return a;
    }

    /** lstrlib's getnumlimit: an integer size between 1 and 16, or {@code def}. */
    private int sizeLimit(int def) {
        int sz = number(def);
        if (sz > MAX_INT_SIZE || sz <= 0) {
            throw new StringError("integral size (" + sz + ") out of limits [1," + MAX_INT_SIZE + "]");
        }
        return sz;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
