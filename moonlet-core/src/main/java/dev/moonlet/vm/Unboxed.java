package dev.moonlet.vm;

/**
 * The numeric lane of the registers: a register may hold its number unboxed, in the
 * coroutine's {@code long[] lane} beside the {@code Object[] stack}, so that arithmetic and
 * numeric {@code for} loops do not allocate a {@code Long} or {@code Double} per result. The
 * stack slot then holds one of the two markers, {@link #INT} (the lane holds the integer) or
 * {@link #FLT} (the lane holds the float's bits); any other value in the slot is the register's
 * value and the lane slot means nothing.
 *
 * <p>What must stay true: a marker never leaves the virtual machine's registers. Whatever
 * reads a register for any use but the interpreter's numeric fast paths reads it through
 * {@link #value} (or {@link Coroutine#value}), which boxes; whatever copies registers to other
 * registers copies the lane slots too. Every store of a boxed value replaces a marker, so
 * writers need no care. Upvalues hold boxed values once closed, and an open upvalue reads the
 * lane of its coroutine.
 */
final class Unboxed {
    /** The register's value is the integer in its lane slot. */
    static final Unboxed INT = new Unboxed(false);
    /** The register's value is the float whose bits are in its lane slot. */
    static final Unboxed FLT = new Unboxed(true);

    private final boolean isFloat;

    private Unboxed(boolean isFloat) {
        this.isFloat = isFloat;
    }

    /** The boxed number this marker stands for, given its lane slot. */
    Object box(long bits) {
        return isFloat ? (Object) Double.longBitsToDouble(bits) : (Object) bits;
    }

    /** Register {@code idx}'s value, boxed if it is in the lane. */
    static Object value(Object[] stack, long[] lane, int idx) {
        Object v = stack[idx];
        return v instanceof Unboxed ? ((Unboxed) v).box(lane[idx]) : v;
    }

    /** Whether a register's slot holds an integer, boxed or in the lane. */
    static boolean isInt(Object v) {
        return v == INT || v instanceof Long;
    }

    /** Whether a register's slot holds a float, boxed or in the lane. */
    static boolean isFloat(Object v) {
        return v == FLT || v instanceof Double;
    }

    /** The integer in register {@code idx}, whose slot {@code v} passed {@link #isInt}. */
    static long intOf(Object v, long[] lane, int idx) {
        return v == INT ? lane[idx] : (Long) v;
    }

    /** The float in register {@code idx}, whose slot {@code v} passed {@link #isFloat}. */
    static double floatOf(Object v, long[] lane, int idx) {
        return v == FLT ? Double.longBitsToDouble(lane[idx]) : (Double) v;
    }

    /** Sets register {@code idx} to the integer {@code n}, unboxed. */
    static void putInt(Object[] stack, long[] lane, int idx, long n) {
        lane[idx] = n;
        // Testing first spares the store (and its GC barrier) in a loop that keeps the register numeric.
        if (stack[idx] != INT) stack[idx] = INT;
    }

    /** Sets register {@code idx} to the float {@code d}, unboxed. */
    static void putFloat(Object[] stack, long[] lane, int idx, double d) {
        lane[idx] = Double.doubleToRawLongBits(d);
        if (stack[idx] != FLT) stack[idx] = FLT;
    }

    /** Register {@code src}'s value into register {@code dest}, lane slot included. */
    static void copy(Object[] stack, long[] lane, int src, int dest) {
        stack[dest] = stack[src];
        lane[dest] = lane[src];
    }
}
