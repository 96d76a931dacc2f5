package dev.moonlet.lib;

import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;

/**
 * The {@code math} library (manual §6.7), as lmathlib.c: integer and float subtypes are kept
 * where Lua keeps them ({@code floor}, {@code ceil}, {@code abs}, {@code fmod}, {@code max} and
 * {@code min} answer integers for integers), and {@code random} is xoshiro256** with lua5.4's
 * seeding, so a seed gives the same numbers as under {@code lua5.4}.
 *
 * <p>Every function does O(1) work, except {@code max} and {@code min}, which are linear in
 * their arguments (already on the stack) and may call {@code __lt} for values that are not
 * numbers.
 */
public final class MathLib {
    private static final String NAME = "math";
    /** The registry key of the instance's random generator (a userdata wrapping a {@link Xoshiro256}). */
    private static final LuaString RANDOM_STATE = LuaString.of("dev.moonlet.math.random");
    private static final LuaString INTEGER = LuaString.of("integer");
    private static final LuaString FLOAT = LuaString.of("float");

    private MathLib() {}

    /** Opens the library in {@code instance}: the global {@code math} and {@code package.loaded.math}. */
    public static void open(Instance instance) {
        LuaTable math = new LuaTable(instance.heap());
        Library.define(instance, math, NAME, Function.values());
        Library.set(instance, math, "pi", Math.PI);
        Library.set(instance, math, "huge", Double.POSITIVE_INFINITY);
        Library.set(instance, math, "maxinteger", Long.MAX_VALUE);
        Library.set(instance, math, "mininteger", Long.MIN_VALUE);
        Xoshiro256 generator = new Xoshiro256();
        randomSeed(generator);
        instance.registry().put(RANDOM_STATE, new Userdata(generator));
        Library.install(instance, NAME, math);
    }

    /** The functions of {@code math}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        ABS, ACOS, ASIN, ATAN, CEIL, COS, DEG, EXP, FLOOR, FMOD, LOG, MAX, MIN, MODF, RAD, RANDOM,
        RANDOMSEED, SIN, SQRT, TAN, TOINTEGER, TYPE, ULT;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case ABS -> MathLib.abs(co, args);
                case ACOS -> MathLib.acos(co, args);
                case ASIN -> MathLib.asin(co, args);
                case ATAN -> MathLib.atan(co, args);
                case CEIL -> MathLib.ceil(co, args);
                case COS -> MathLib.cos(co, args);
                case DEG -> MathLib.deg(co, args);
                case EXP -> MathLib.exp(co, args);
                case FLOOR -> MathLib.floor(co, args);
                case FMOD -> MathLib.fmod(co, args);
                case LOG -> MathLib.log(co, args);
                case MAX -> MathLib.max(co, args);
                case MIN -> MathLib.min(co, args);
                case MODF -> MathLib.modf(co, args);
                case RAD -> MathLib.rad(co, args);
                case RANDOM -> MathLib.random(co, args);
                case RANDOMSEED -> MathLib.randomseed(co, args);
                case SIN -> MathLib.sin(co, args);
                case SQRT -> MathLib.sqrt(co, args);
                case TAN -> MathLib.tan(co, args);
                case TOINTEGER -> MathLib.tointeger(co, args);
                case TYPE -> MathLib.type(co, args);
                case ULT -> MathLib.ult(co, args);
            };
        }
    }


    /** {@code math.abs(x)}: wraps around for {@code mininteger}, as integer negation does. */
    public static Object abs(Coroutine co, Object[] args) {
        Object x = Args.arg(args, 0);
        if (x instanceof Long) return Math.abs((long) (Long) x);
        return Math.abs(Args.checkDouble(args, 0));
    }

    /** {@code math.ceil(x)}: an integer when the result fits one. */
    public static Object ceil(Coroutine co, Object[] args) {
        Object x = Args.arg(args, 0);
        if (x instanceof Long) return x;
        return floatToNumber(Math.ceil(Args.checkDouble(args, 0)));
    }

    /** {@code math.floor(x)}: an integer when the result fits one. */
    public static Object floor(Coroutine co, Object[] args) {
        Object x = Args.arg(args, 0);
        if (x instanceof Long) return x;
        return floatToNumber(Math.floor(Args.checkDouble(args, 0)));
    }

    /** {@code math.cos(x)}. */
    public static Object cos(Coroutine co, Object[] args) {
        return Math.cos(Args.checkDouble(args, 0));
    }

    /** {@code math.sin(x)}. */
    public static Object sin(Coroutine co, Object[] args) {
        return Math.sin(Args.checkDouble(args, 0));
    }

    /** {@code math.tan(x)}. */
    public static Object tan(Coroutine co, Object[] args) {
        return Math.tan(Args.checkDouble(args, 0));
    }

    /** {@code math.asin(x)}. */
    public static Object asin(Coroutine co, Object[] args) {
        return Math.asin(Args.checkDouble(args, 0));
    }

    /** {@code math.acos(x)}. */
    public static Object acos(Coroutine co, Object[] args) {
        return Math.acos(Args.checkDouble(args, 0));
    }

    /** {@code math.atan(y [, x])}: the angle of the point (x, y), x defaulting to 1. */
    public static Object atan(Coroutine co, Object[] args) {
        double y = Args.checkDouble(args, 0);
        return Math.atan2(y, Args.optDouble(args, 1, 1.0));
    }

    /** {@code math.deg(x)}: radians to degrees. */
    public static Object deg(Coroutine co, Object[] args) {
        return Args.checkDouble(args, 0) * (180.0 / Math.PI);
    }

    /** {@code math.rad(x)}: degrees to radians. */
    public static Object rad(Coroutine co, Object[] args) {
        return Args.checkDouble(args, 0) * (Math.PI / 180.0);
    }

    /** {@code math.exp(x)}. */
    public static Object exp(Coroutine co, Object[] args) {
        return Math.exp(Args.checkDouble(args, 0));
    }

    /** {@code math.sqrt(x)}. */
    public static Object sqrt(Coroutine co, Object[] args) {
        return Math.sqrt(Args.checkDouble(args, 0));
    }

    /**
     * {@code math.fmod(x, y)}: the remainder of the division rounding toward zero; for two
     * integers an integer ({@code bad argument #2 to 'fmod' (zero)} when y is 0).
     */
    public static Object fmod(Coroutine co, Object[] args) {
        Object a = Args.arg(args, 0), b = Args.arg(args, 1);
        if (a instanceof Long && b instanceof Long) {
            long d = (Long) b;
            if (d == 0) throw Args.error(1, "zero");
            return d == -1 ? 0L : (Long) a % d; // -1 avoids the overflow of mininteger % -1
        }
        return Args.checkDouble(args, 0) % Args.checkDouble(args, 1);
    }

    /**
     * {@code math.log(x [, base])}: the natural logarithm, or the logarithm in {@code base}
     * (exact for powers of 2 and 10 with those bases, as C's {@code log2} and {@code log10}).
     */
    public static Object log(Coroutine co, Object[] args) {
        double x = Args.checkDouble(args, 0);
        if (Args.isNoneOrNil(args, 1)) return Math.log(x);
        double base = Args.checkDouble(args, 1);
        if (base == 2.0) return log2(x);
        if (base == 10.0) return Math.log10(x);
        return Math.log(x) / Math.log(base);
    }

    /** C's {@code log2}: exact for powers of two. */
    private static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) return Math.log(x); // NaN, -inf, inf as log does
        int scale = 0;
        if (x < Double.MIN_NORMAL) { // subnormal: bring it into the normal range first
            x *= 0x1p54;
            scale = -54;
        }
        int e = Math.getExponent(x);
        double m = x / Math.scalb(1.0, e); // in [1, 2)
        return e + scale + Math.log(m) / Math.log(2.0);
    }

    /** {@code math.max(x, ...)}: the argument that is largest by Lua's {@code <} (which may call {@code __lt}). */
    public static Object max(Coroutine co, Object[] args) {
        return extreme(co, args, true);
    }

    /** {@code math.min(x, ...)}: the argument that is smallest by Lua's {@code <} (which may call {@code __lt}). */
    public static Object min(Coroutine co, Object[] args) {
        return extreme(co, args, false);
    }

    /** The first largest ({@code max}) or smallest argument: directly while no {@code __lt} is needed. */
    private static Object extreme(Coroutine co, Object[] args, boolean max) {
        Args.checkAny(args, 0);
        int best = 0;
        for (int i = 1; i < args.length; i++) {
            Object less = max ? Metamethods.lessThan(co.instance(), args[best], args[i])
                    : Metamethods.lessThan(co.instance(), args[i], args[best]);
            if (less instanceof Action.Call) return new Extreme(co.instance(), args, max, best, i).start(co);
            if ((Boolean) less) best = i;
        }
        return args[best];
    }

    /** {@code math.max} and {@code math.min} once a comparison calls {@code __lt}. */
    private static final class Extreme extends MetaSequence {
        @Override
        public void trace(Marker m) {
            super.trace(m);
            m.markAll(args);
        }

        private static final int LESS = 0;
        private final Object[] args;
        private final boolean max;
        private int best, i;
        private boolean compared;

        Extreme(Instance instance, Object[] args, boolean max, int best, int i) {
            super(instance, 1);
            this.args = args;
            this.max = max;
            this.best = best;
            this.i = i;
        }

        @Override
        Action advance(Coroutine co) {
            for (; i < args.length; i++) {
                if (!compared) {
                    compared = true;
                    Action a = max ? less(null, args[best], args[i], LESS) : less(null, args[i], args[best], LESS);
                    if (a != null) return a;
                }
                compared = false;
                if (isTrue(LESS)) best = i;
            }
            return done(args[best]);
        }
    }

    /**
     * {@code math.modf(x)}: the integral part (rounded toward zero; an integer when it fits
     * one, as lua5.4) and the fractional part (always a float; 0.0 for infinities).
     */
    public static Object modf(Coroutine co, Object[] args) {
        Object x = Args.arg(args, 0);
        if (x instanceof Long) return new Object[] {x, 0.0};
        double n = Args.checkDouble(args, 0);
        double ip = n < 0 ? Math.ceil(n) : Math.floor(n);
        return new Object[] {floatToNumber(ip), n == ip ? 0.0 : n - ip};
    }

    /** {@code math.tointeger(x)}: x as an integer if it has an exact integer value, else fail. */
    public static Object tointeger(Coroutine co, Object[] args) {
        Object x = Args.checkAny(args, 0);
        if (x instanceof LuaString s) x = LuaNumber.parse(s);
        if (x instanceof Double d) return LuaNumber.floatToInteger(d);
        return x instanceof Long ? x : null;
    }

    /** {@code math.type(x)}: {@code "integer"}, {@code "float"}, or fail for non-numbers. */
    public static Object type(Coroutine co, Object[] args) {
        Object x = Args.checkAny(args, 0);
        if (x instanceof Long) return INTEGER;
        if (x instanceof Double) return FLOAT;
        return null;
    }

    /** {@code math.ult(m, n)}: whether m is below n as unsigned integers. */
    public static Object ult(Coroutine co, Object[] args) {
        long m = Args.checkInteger(args, 0);
        long n = Args.checkInteger(args, 1);
        return Long.compareUnsigned(m, n) < 0;
    }

    /**
     * {@code math.random([m [, n]])}: a float in [0, 1) with no arguments, a full 64-bit
     * integer for {@code random(0)}, else an integer in [1, m] or [m, n].
     */
    public static Object random(Coroutine co, Object[] args) {
        Xoshiro256 generator = generator(co.instance());
        long low, up;
        switch (args.length) {
            case 0:
                return generator.nextDouble();
            case 1:
                low = 1;
                up = Args.checkInteger(args, 0);
                if (up == 0) return generator.nextLong();
                break;
            case 2:
                low = Args.checkInteger(args, 0);
                up = Args.checkInteger(args, 1);
                break;
            default:
                throw Library.error(co, "wrong number of arguments");
        }
        if (low > up) throw Args.error(0, "interval is empty");
        return generator.nextInRange(low, up);
    }

    /**
     * {@code math.randomseed([x [, y]])}: seeds the generator with x and y (0 by default), or
     * with a time-based seed when called without arguments; answers the two seed components.
     */
    public static Object randomseed(Coroutine co, Object[] args) {
        Xoshiro256 generator = generator(co.instance());
        if (args.length == 0) return randomSeed(generator);
        long n1 = Args.checkInteger(args, 0);
        long n2 = Args.optInteger(args, 1, 0);
        generator.seed(n1, n2);
        return new Object[] {n1, n2};
    }

    /** Seeds {@code generator} from the clock and an object address, as lua5.4's randseed. */
    private static Object[] randomSeed(Xoshiro256 generator) {
        long n1 = System.currentTimeMillis() / 1000;
        long n2 = System.nanoTime() ^ System.identityHashCode(generator);
        generator.seed(n1, n2);
        return new Object[] {n1, n2};
    }

    /** The instance's generator, made afresh if a script replaced the registry entry. */
    private static Xoshiro256 generator(Instance instance) {
        if (instance.registry().get(RANDOM_STATE) instanceof Userdata u && u.payload() instanceof Xoshiro256 g) {
            return g;
        }
        Xoshiro256 g = new Xoshiro256();
        randomSeed(g);
        instance.registry().put(RANDOM_STATE, new Userdata(g));
        return g;
    }

    /** {@code d} as an integer if it has an exact integer value that fits, else as the float. */
    private static Object floatToNumber(double d) {
        Long l = LuaNumber.floatToInteger(d);
        return l != null ? (Object) l : (Object) d;
    }
}
