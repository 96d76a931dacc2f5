package dev.moonlet.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf} conversions of a double ({@code %e %f %g %a} and their upper-case forms),
 * digit for digit as glibc prints them: decimal conversions round the exact binary value
 * half-to-even, {@code %a} prints the exact bits. Width, padding and the {@code +} and space
 * flags are left to the caller ({@code string.format}); this class handles the precision and
 * the {@code #} flag.
 *
 * <pre>{@code
 * NumberFormat.format(0.1, 'g', 14, false);   // "0.1"
 * NumberFormat.format(1e15, 'g', 14, false);  // "1e+15"
 * NumberFormat.format(3.0, 'a', -1, false);   // "0x1.8p+1"
 * NumberFormat.format(-0.0, 'f', 2, false);   // "-0.00"
 * }</pre>
 */
public final class NumberFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NumberFormat() {}

    /**
     * Formats {@code d} as C's {@code printf} would with conversion {@code conv} (one of
     * {@code e E f F g G a A}) and no width or sign flags: negative values (including
     * {@code -0.0} and a NaN with its sign bit set) start with {@code '-'}.
     *
     * @param precision digits after the point ({@code %e %f %a}) or significant digits
     *     ({@code %g}); negative means the default (6, or exact for {@code %a})
     * @param alternate C's {@code #} flag: always print the point, and for {@code %g} keep
     *     trailing zeros
     * @throws IllegalArgumentException if {@code conv} is not one of the conversions above
     */
    public static String format(double d, char conv, int precision, boolean alternate) {
        char lower = Character.toLowerCase(conv);
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        String body;
        if (Double.isNaN(d)) {
            body = "nan";
        } else if (Double.isInfinite(d)) {
            body = "inf";
        } else {
            double a = Math.abs(d);
            body = switch (lower) {
                case 'e' -> formatE(a, precision < 0 ? 6 : precision, alternate);
                case 'f' -> formatF(a, precision < 0 ? 6 : precision, alternate);
                case 'g' -> formatG(a, precision < 0 ? 6 : Math.max(precision, 1), alternate);
                case 'a' -> formatA(a, precision, alternate);
                default -> throw new IllegalArgumentException("not a float conversion: " + conv);
            };
        }
        String r = sign + body;
        return conv == lower ? r : r.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The first {@code n} significant decimal digits of {@code a >= 0}, rounded half-even on
     * the exact value, and the decimal exponent of the first one (after rounding).
     */
    private record Digits(String digits, int exponent) {
        static Digits of(double a, int n) {
            if (a == 0) return new Digits("0".repeat(n), 0);
            BigDecimal r = new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN));
            String u = r.unscaledValue().toString();
            int exponent = u.length() - 1 - r.scale();
            // An exact value with fewer than n digits comes back short: pad it.
            return new Digits(u + "0".repeat(n - u.length()), exponent);
        }
    }

    /** {@code %.<p>e} of {@code a >= 0}. */
    private static String formatE(double a, int p, boolean alternate) {
        Digits ds = Digits.of(a, p + 1);
        return scientific(ds.digits, ds.exponent, alternate);
    }

    /** d.ddd…e±XX from the digits and the exponent of the first digit. */
    private static String scientific(String digits, int exponent, boolean alternate) {
        StringBuilder sb = new StringBuilder(digits.length() + 6);
        sb.append(digits.charAt(0));
        if (digits.length() > 1 || alternate) sb.append('.');
        sb.append(digits, 1, digits.length());
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int x = Math.abs(exponent);
        if (x < 10) sb.append('0');
        return sb.append(x).toString();
    }

    /** {@code %.<p>f} of {@code a >= 0}. */
    private static String formatF(double a, int p, boolean alternate) {
        String s = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        return p == 0 && alternate ? s + "." : s;
    }

    /**
     * {@code %.<p>g} of {@code a >= 0} ({@code p >= 1}): fixed notation when the exponent X of
     * the value rounded to p digits satisfies {@code -4 <= X < p}, else scientific; then
     * trailing zeros (and a bare point) go unless {@code alternate}.
     */
    private static String formatG(double a, int p, boolean alternate) {
        Digits ds = Digits.of(a, p);
        String digits = ds.digits;
        int x = ds.exponent;
        if (!alternate) digits = stripZeros(digits);
        if (x < -4 || x >= p) return scientific(digits, x, alternate);
        StringBuilder sb = new StringBuilder(digits.length() + 6);
        if (x < 0) {
            sb.append("0.").append("0".repeat(-x - 1)).append(digits);
        } else if (digits.length() > x + 1) {
            sb.append(digits, 0, x + 1).append('.').append(digits, x + 1, digits.length());
        } else {
            sb.append(digits).append("0".repeat(x + 1 - digits.length()));
            if (alternate) sb.append('.');
        }
        return sb.toString();
    }

    /** The digits without trailing zeros, keeping at least one digit. */
    private static String stripZeros(String digits) {
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') n--;
        return digits.substring(0, n);
    }

    /**
     * {@code %a} of {@code a >= 0} as glibc prints it: {@code 0x1.<hex>p±E} for normal
     * numbers, {@code 0x0.<hex>p-1022} for subnormals, {@code 0x0p+0} for zero. With a
     * precision the 13 hex fraction digits are rounded half-even; a carry out of them
     * increments the leading digit ({@code %.0a} of 1.9 is {@code 0x2p+0}).
     */
    private static String formatA(double a, int precision, boolean alternate) {
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52);
        long frac = bits & ((1L << 52) - 1);
        int lead = biased == 0 ? 0 : 1;
        int exponent = biased == 0 ? (frac == 0 ? 0 : -1022) : biased - 1023;
        int ndigits;
        if (precision < 0) {
            ndigits = frac == 0 ? 0 : 13 - Long.numberOfTrailingZeros(frac) / 4;
        } else if (precision < 13) {
            ndigits = precision;
            int drop = 4 * (13 - precision);
            long rest = frac & ((1L << drop) - 1);
            long half = 1L << (drop - 1);
            frac >>>= drop;
            // The last printed digit decides a tie: the leading digit when none follow it.
            long last = precision == 0 ? lead : frac;
            if (rest > half || (rest == half && (last & 1) != 0)) frac++;
            if (frac >>> (4 * precision) != 0) { // the carry reached the leading digit
                lead++;
                frac &= (1L << (4 * precision)) - 1;
            }
            frac <<= drop;
        } else {
            ndigits = precision;
        }
        StringBuilder sb = new StringBuilder(24).append("0x").append((char) ('0' + lead));
        if (ndigits > 0 || alternate) sb.append('.');
        for (int i = 0; i < ndigits; i++) {
            sb.append(i < 13 ? HEX[(int) (frac >>> (48 - 4 * i)) & 15] : '0');
        }
        sb.append('p').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        return sb.toString();
    }
}
