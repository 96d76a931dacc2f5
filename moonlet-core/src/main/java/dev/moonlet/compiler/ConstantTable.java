package dev.moonlet.compiler;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.StringPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of one function under construction: nil, Boolean, Long, Double or LuaString,
 * each added once where possible (lcode.c {@code addk}).
 *
 * <p>The cache that finds an existing constant is shared by every function of a chunk, as in
 * Lua: it maps a value to the index it last got in any function, and that index is reused only
 * if this function holds the same value there. So after a nested function uses a value, its
 * parent may add the value again; this keeps constant indices identical to {@code luac}'s.
 *
 * <p>Equal strings are one object throughout a chunk, long ones too, as in Lua, whose scanner
 * anchors every string of a chunk in one table ({@code string.format("%p", s)} shows it).
 */
final class ConstantTable {
    /** Largest number of constants in one function. */
    static final int MAX_CONSTANTS = Instruction.MAXARG_AX;

    /** The cache key of nil, which cannot be a value key. */
    private static final Object NIL_KEY = new Object();

    private final List<Object> values = new ArrayList<>();
    /** Shared by the chunk: the index each constant last got. */
    private final Map<Object, Integer> cache;
    /** Shared by the chunk: the one object of each string constant. */
    private final Map<LuaString, LuaString> strings;
    private final StringPool pool;

    /** The constants of the main function of a chunk, interning strings through {@code pool}. */
    ConstantTable(StringPool pool) {
        this.cache = new HashMap<>();
        this.strings = new HashMap<>();
        this.pool = pool;
    }

    /** The constants of a function of the same chunk as {@code enclosing}. */
    ConstantTable(ConstantTable enclosing) {
        this.cache = enclosing.cache;
        this.strings = enclosing.strings;
        this.pool = enclosing.pool;
    }

    /**
     * The index of string constant {@code s}: the chunk's string equal to it, the first of
     * which was interned through the pool (which interns short strings only, and may forget).
     */
    int string(LuaString s) {
        // No method reference here: compiling a chunk is on the moonlet command's start-up
        // path, where the JVM's first link of one costs several milliseconds.
        LuaString v = strings.get(s);
        if (v == null) {
            v = pool.intern(s);
            strings.put(s, v);
        }
        return add(v, v);
    }

    /** The index of integer constant {@code i}. */
    int integer(long i) {
        Long v = i;
        return add(v, v);
    }

    /**
     * The index of float constant {@code d}. An integral float gets a key that is not
     * integral (the value plus its smallest significant fraction), as in Lua.
     */
    int number(double d) {
        Double v = d;
        if (!ConstantFolding.isIntegral(d)) return add(v, v);
        double q = Math.scalb(1.0, -52);
        double key = d == 0 ? q : d + d * q;
        return add(key, v);
    }

    /** The index of boolean constant {@code b}. */
    int bool(boolean b) {
        Boolean v = b;
        return add(v, v);
    }

    /** The index of the nil constant. */
    int nil() {
        return add(NIL_KEY, null);
    }

    /** The constant at {@code index}. */
    Object get(int index) {
        return values.get(index);
    }

    /** The number of constants. */
    int size() {
        return values.size();
    }

    /** The constants, for the finished prototype. */
    Object[] toArray() {
        return values.toArray();
    }

    private int add(Object key, Object value) {
        Integer cached = cache.get(key);
        if (cached != null && cached < values.size() && sameConstant(values.get(cached), value)) {
            return cached;
        }
        int index = values.size();
        if (index >= MAX_CONSTANTS) throw new LuaError("too many constants (limit is " + MAX_CONSTANTS + ")");
        values.add(value);
        cache.put(key, index);
        return index;
    }

    /** Raw equality of two constants of the same type (a Long never equals a Double here). */
    private static boolean sameConstant(Object a, Object b) {
        if (a == null || b == null) return a == b;
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        return a.getClass() == b.getClass() && a.equals(b);
    }
}
