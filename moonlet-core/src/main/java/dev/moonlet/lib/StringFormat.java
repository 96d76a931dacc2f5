package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.NumberFormat;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.ArgumentError;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.Instance;

/**
 * {@code string.format} (manual §6.4), as lstrlib.c's {@code str_format}: C {@code printf}
 * conversions {@code %d %i %u %c %x %X %o %e %E %f %g %G %a %A %p %s} with the flags, width
 * (at most 99) and precision (at most 99) that lstrlib accepts for each, plus {@code %q} and
 * {@code %%}; the same results and the same error messages as lua5.4.
 *
 * <p>The format runs item by item, charging fuel for its output; it pauses between items when
 * the fuel is spent, and calls {@code __tostring} metamethods for {@code %s} through the
 * executor.
 */
final class StringFormat extends InlineSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.markAll(args);
    }

    /** lstrlib's MAX_FORMAT - 10: a longer specification is "invalid format (too long)". */
    private static final int MAX_SPEC = 22;
    /** The characters a specification may span before its conversion (flags, digits, '.'). */
    private static final String SPEC_CHARS = "-+#0 123456789.";
    private static final String FLAGS_FLOAT = "-+#0 ";
    private static final String FLAGS_HEX = "-#0";
    private static final String FLAGS_INT = "-+0 ";
    private static final String FLAGS_UNSIGNED = "-0";
    private static final String FLAGS_CHAR = "-";

    private final Instance instance;
    private final byte[] fmt;
    private final Object[] args;
    private final LuaBuffer out;
    /** The next byte of the format to read. */
    private int pos;
    /** The 0-based index of the last argument used (0: the format itself). */
    private int arg;
    /** The {@code %s} specification waiting for a {@code __tostring} result, else null. */
    private Spec waiting;

    /** A format of {@code args} (the format string is {@code args[0]}, already checked as {@code fmt}). */
    StringFormat(Instance instance, LuaString fmt, Object[] args) {
        this.instance = instance;
        this.fmt = fmt.rawBytes();
        this.args = args;
        this.out = new LuaBuffer(instance.heap(), fmt.length() + 16);
    }

    /** {@code string.format(formatstring, ...)}. */
    static Object format(Coroutine co, Object[] args) {
        LuaString fmt = Args.checkString(args, 0);
        return new StringFormat(co.instance(), fmt, args).start(co);
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        if (waiting != null) tostringResult(ToString.checkResult(co, results));
        return run(co.fuel());
    }

    /** Completes the {@code %s} item that asked for a {@code __tostring} call with its result. */
    void tostringResult(LuaString text) {
        addString(waiting, text);
        waiting = null;
    }

    /**
     * Formats items until the format is done ({@link Action.Return} of the result), an item
     * needs a {@code __tostring} call ({@link Action.Call}; then {@link #tostringResult}), or
     * {@code fuel} is spent (a {@link #pause}). Each item charges one unit plus one per 16
     * bytes of output.
     */
    Action run(Fuel fuel) {
        while (pos < fmt.length) {
            if (fuel.exhausted()) return pause();
            int before = out.length();
            Action a = item();
            fuel.consume(1 + ((out.length() - before) >> 4));
            if (a != null) return a;
        }
        return new Action.Return(new Object[] {out.toLuaString()});
    }

    /** Copies literal text up to the next '%', or formats one item; an action if it must call. */
    private Action item() {
        int start = pos;
        while (pos < fmt.length && fmt[pos] != '%') pos++;
        if (pos > start) {
            out.append(fmt, start, pos - start);
            return null;
        }
        pos++;
        if (pos < fmt.length && fmt[pos] == '%') {
            pos++;
            out.append('%');
            return null;
        }
        if (++arg >= args.length) throw new ArgumentError(arg + 1, "no value");
        return conversion(readSpec());
    }

    /** lstrlib's getformat: the specification after the '%', conversion included. */
    private Spec readSpec() {
        int start = pos;
        while (pos < fmt.length && SPEC_CHARS.indexOf(fmt[pos]) >= 0) pos++;
        int len = pos - start + 1; // with the conversion character (or the end of the format)
        if (len >= MAX_SPEC) throw new StringError("invalid format (too long)");
        StringBuilder form = new StringBuilder(len + 1).append('%');
        for (int i = start; i < start + len; i++) form.append(i < fmt.length ? (char) (fmt[i] & 0xFF) : '\0');
        pos = start + len;
        return new Spec(form.toString());
    }

    private Action conversion(Spec spec) {
        switch (spec.conversion()) {
            case 'c' -> {
                spec.check(FLAGS_CHAR, false);
                pad(spec, "", new byte[] {(byte) Args.checkInteger(args, arg)}, false);
            }
            case 'd', 'i' -> formatInteger(spec, FLAGS_INT);
            case 'u' -> formatInteger(spec, FLAGS_UNSIGNED);
            case 'o', 'x', 'X' -> formatInteger(spec, FLAGS_HEX);
            case 'a', 'A' -> {
                spec.check(FLAGS_FLOAT, true);
                formatFloat(spec, Args.checkDouble(args, arg));
            }
            case 'e', 'E', 'f', 'g', 'G' -> {
                double d = Args.checkDouble(args, arg);
                spec.check(FLAGS_FLOAT, true);
                formatFloat(spec, d);
            }
            case 'p' -> formatPointer(spec);
            case 'q' -> {
                if (spec.form.length() > 2) throw new StringError("specifier '%q' cannot have modifiers");
                addLiteral();
            }
            case 's' -> {
                return formatString(spec);
            }
            default -> throw new StringError("invalid conversion '" + spec.printable() + "' to 'format'");
        }
        return null;
    }

    // ---------------------------------------------------------------- numbers

    private void formatInteger(Spec spec, String flags) {
        long n = Args.checkInteger(args, arg);
        spec.check(flags, true);
        char conv = spec.conversion();
        boolean negative = (conv == 'd' || conv == 'i') && n < 0;
        String digits = switch (conv) {
            case 'd', 'i' -> negative ? Long.toUnsignedString(-n) : Long.toString(n);
            case 'u' -> Long.toUnsignedString(n);
            case 'o' -> Long.toOctalString(n);
            case 'x' -> Long.toHexString(n);
            default -> Long.toHexString(n).toUpperCase(java.util.Locale.ROOT);
        };
        if (spec.precision == 0 && n == 0) digits = "";
        if (spec.precision > digits.length()) digits = "0".repeat(spec.precision - digits.length()) + digits;
        String prefix = sign(spec, negative);
        if (spec.alternate) {
            if (conv == 'o' && !digits.startsWith("0")) digits = "0" + digits;
            if ((conv == 'x' || conv == 'X') && n != 0) prefix = conv == 'x' ? "0x" : "0X";
        }
        pad(spec, prefix, ascii(digits), spec.zero && spec.precision < 0);
    }

    private void formatFloat(Spec spec, double d) {
        String body = NumberFormat.format(d, spec.conversion(), spec.precision, spec.alternate);
        boolean negative = body.startsWith("-");
        if (negative) body = body.substring(1);
        String prefix = sign(spec, negative);
        if (body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X')) {
            prefix += body.substring(0, 2); // zeros go after %a's "0x"
            body = body.substring(2);
        }
        // glibc pads inf and nan with spaces even under the '0' flag.
        pad(spec, prefix, ascii(body), spec.zero && !Double.isInfinite(d) && !Double.isNaN(d));
    }

    /** The sign printf puts before a number: '-', or '+' or ' ' as the flags ask, or nothing. */
    private static String sign(Spec spec, boolean negative) {
        if (negative) return "-";
        return spec.plus ? "+" : spec.space ? " " : "";
    }

    /**
     * Appends {@code prefix} and {@code body} padded to the width: with spaces on the left (or
     * on the right under '-'), or with zeros between them when {@code zeros}.
     */
    private void pad(Spec spec, String prefix, byte[] body, boolean zeros) {
        int fill = Math.max(0, spec.width - prefix.length() - body.length);
        if (spec.left) {
            out.append(prefix).append(body, 0, body.length).repeat(' ', fill);
        } else if (zeros) {
            out.append(prefix).repeat('0', fill).append(body, 0, body.length);
        } else {
            out.repeat(' ', fill).append(prefix).append(body, 0, body.length);
        }
    }

    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) s.charAt(i);
        return b;
    }

    // ---------------------------------------------------------------- %p %q %s

    private void formatPointer(Spec spec) {
        String p = pointer(args[arg]);
        spec.check(FLAGS_CHAR, false);
        pad(spec, "", ascii(p == null ? "(null)" : p), false);
    }

    /**
     * {@code lua_topointer} as {@code printf("%p")} shows it (the address {@code tostring}
     * shows), or null for values that are not objects (numbers, booleans, nil). Short strings
     * are interned first, so that equal short strings have one address, as in PUC-Rio Lua.
     */
    private String pointer(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) return null;
        if (v instanceof LuaString) v = instance.strings().intern((LuaString) v);
        return ToString.address(v);
    }

    /** {@code %q}: the argument as Lua source that reads back as the same value. */
    private void addLiteral() {
        Object v = args[arg];
        if (v instanceof LuaString) {
            addQuoted(((LuaString) v).rawBytes());
        } else if (v instanceof Long) {
            long n = (Long) v;
            out.append(n == Long.MIN_VALUE ? "0x8000000000000000" : Long.toString(n));
        } else if (v instanceof Double) {
            out.append(quoteFloat((Double) v));
        } else if (v == null) {
            out.append("nil");
        } else if (v instanceof Boolean) {
            out.append(v.toString());
        } else {
            throw new ArgumentError(arg + 1, "value has no literal form");
        }
    }

    private static String quoteFloat(double d) {
        if (d == Double.POSITIVE_INFINITY) return "1e9999";
        if (d == Double.NEGATIVE_INFINITY) return "-1e9999";
        if (Double.isNaN(d)) return "(0/0)";
        return NumberFormat.format(d, 'a', -1, false);
    }

    /** lstrlib's addquoted: escapes quotes, backslashes, newlines and control characters. */
    private void addQuoted(byte[] s) {
        out.append('"');
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xFF;
            if (c == '"' || c == '\\' || c == '\n') {
                out.append('\\').append(c);
            } else if (c < 32 || c == 127) {
                boolean digitNext = i + 1 < s.length && s[i + 1] >= '0' && s[i + 1] <= '9';
                out.append('\\').append(digitNext ? String.format("%03d", c) : Integer.toString(c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** {@code %s}: the argument as {@code tostring} gives it, calling {@code __tostring} if any. */
    private Action formatString(Spec spec) {
        Object text = ToString.of(instance, args[arg]);
        if (text instanceof Action.Call) {
            waiting = spec;
            return (Action.Call) text;
        }
        addString(spec, (LuaString) text);
        return null;
    }

    private void addString(Spec spec, LuaString s) {
        if (spec.form.length() == 2) { // plain "%s": the whole string, zeros and all
            out.append(s);
            return;
        }
        byte[] b = s.rawBytes();
        for (byte x : b) {
            if (x == 0) throw new ArgumentError(arg + 1, "string contains zeros");
        }
        spec.check(FLAGS_CHAR, true);
        if (spec.precision < 0 && b.length >= 100) { // too long to be formatted: kept whole
            out.append(s);
            return;
        }
        int n = spec.precision >= 0 ? Math.min(spec.precision, b.length) : b.length;
        pad(spec, "", java.util.Arrays.copyOf(b, n), false);
    }

    // ---------------------------------------------------------------- specifications

    /**
     * One conversion specification, such as {@code "%-10.3s"}: its text (from '%' to the
     * conversion character) and, once {@link #check}ed, its flags, width and precision.
     */
    private static final class Spec {
        final String form;
        boolean left;
        boolean plus;
        boolean space;
        boolean alternate;
        boolean zero;
        int width;
        int precision = -1;

        Spec(String form) {
            this.form = form;
        }

        char conversion() {
            return form.charAt(form.length() - 1);
        }

        /** The text for messages: C prints it up to its first zero byte. */
        String printable() {
            int z = form.indexOf('\0');
            return z < 0 ? form : form.substring(0, z);
        }

        /**
         * lstrlib's checkformat: the flags among {@code flags}, a width of at most two digits
         * that does not start with '0', and (if {@code withPrecision}) a precision of at most
         * two digits; anything else is an invalid specification.
         */
        void check(String flags, boolean withPrecision) {
            int i = 1;
            while (flags.indexOf(form.charAt(i)) >= 0) setFlag(form.charAt(i++));
            if (form.charAt(i) != '0') {
                int w = digits(i);
                width = w == i ? 0 : Integer.parseInt(form.substring(i, w));
                i = w;
                if (form.charAt(i) == '.' && withPrecision) {
                    int p = digits(++i);
                    precision = p == i ? 0 : Integer.parseInt(form.substring(i, p));
                    i = p;
                }
            }
            char c = form.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                throw new StringError("invalid conversion specification: '" + printable() + "'");
            }
        }

        /** The end of the (at most two) digits from {@code i}. */
        private int digits(int i) {
            for (int k = 0; k < 2 && form.charAt(i) >= '0' && form.charAt(i) <= '9'; k++) i++;
            return i;
        }

        private void setFlag(char f) {
            switch (f) {
                case '-' -> left = true;
                case '+' -> plus = true;
                case ' ' -> space = true;
                case '#' -> alternate = true;
                default -> zero = true;
            }
        }
    }
}
