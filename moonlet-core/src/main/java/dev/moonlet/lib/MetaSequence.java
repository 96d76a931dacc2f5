package dev.moonlet.lib;

import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Marker;

/**
 * The state machine of a builtin made of Lua operations that may call metamethods: element
 * accesses ({@code lua_geti}, {@code lua_seti}), lengths and comparisons (the table library,
 * {@code math.max}), and loops that stop when the fuel is spent; so each of these is a step
 * that may have to wait.
 *
 * <p>A step ({@link #get}, {@link #set}, {@link #length}, {@link #less}, {@link #equal})
 * answers null when it completed at once, with its result in a register, or the action the
 * subclass must return; the result of that call lands in the register before the next
 * {@link #advance}. Subclasses keep a {@code state} field and write each step as
 * <pre>{@code
 * case GET_FIRST -> {
 *     state = COMPARE;                       // where to go on
 *     if ((a = get(t, i, X)) != null) return a;
 * }
 * }</pre>
 * Tables without a metatable take raw paths with no call.
 *
 * <p>As for every {@link InlineSequence}, the first steps run inside the builtin's own call
 * ({@link #start}): a call that never waits returns its results without a sequence frame.
 */
abstract class MetaSequence extends InlineSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.markAll(reg);
    }

    /** No register waits for a call's result. */
    private static final int NO_REGISTER = -1;

    /** The instance whose metatables apply. */
    final Instance instance;
    /** Values read by the steps. */
    final Object[] reg;
    /** The fuel of the step running the sequence now (set on each advance), which chains charge. */
    private Fuel fuel;
    /** The register the pending call's first result goes to. */
    private int target = NO_REGISTER;
    /** Whether the last {@link #tick} paused: the next one goes on, so that every step progresses. */
    private boolean paused;

    /** A sequence with {@code registers} value registers. */
    MetaSequence(Instance instance, int registers) {
        this.instance = instance;
        this.reg = new Object[registers];
    }

    /** Lands the result of the call a step waited for, then runs the next steps. */
    @Override
    protected final Action advance(Coroutine co, Object[] results) {
        fuel = co.fuel();
        if (target != NO_REGISTER) {
            reg[target] = results.length > 0 ? results[0] : null;
            target = NO_REGISTER;
        }
        return advance(co);
    }

    /** Runs steps until the builtin finishes ({@link Action.Return}) or must wait. */
    abstract Action advance(Coroutine co);

    /** {@code reg[r] = t[k]}. */
    final Action get(Object t, long k, int r) {
        if (t instanceof LuaTable table && table.metatable() == null) {
            reg[r] = table.get(k);
            return null;
        }
        return land(Metamethods.index(instance, fuel, t, k), r);
    }

    /** {@code reg[r] = t[key]} ({@code lua_getfield}). */
    final Action get(Object t, Object key, int r) {
        if (t instanceof LuaTable table && table.metatable() == null) {
            reg[r] = table.get(key);
            return null;
        }
        return land(Metamethods.index(instance, fuel, t, key), r);
    }

    /** {@code t[k] = v}. */
    final Action set(Object t, long k, Object v) {
        if (t instanceof LuaTable table && table.metatable() == null) {
            table.put(k, v);
            return null;
        }
        return Metamethods.setIndex(instance, fuel, t, k, v);
    }

    /** {@code t[key] = v} ({@code lua_setfield}). */
    final Action set(Object t, Object key, Object v) {
        if (t instanceof LuaTable table && table.metatable() == null) {
            table.put(key, v);
            return null;
        }
        return Metamethods.setIndex(instance, fuel, t, key, v);
    }

    /** {@code reg[r] = #t}, which {@link #lengthOf} then checks. */
    final Action length(Object t, int r) {
        return land(Metamethods.length(instance, t), r);
    }

    /** {@code reg[r]} as the integer a length must be ({@code luaL_len}). */
    final long lengthOf(Coroutine co, int r) {
        Long n = Args.toInteger(reg[r]);
        if (n == null) throw Library.error(co, "object length is not an integer");
        return n;
    }

    /** {@code reg[r] = a < b}, by {@code comparator(a, b)} if not null, else by Lua's {@code <}. */
    final Action less(Object comparator, Object a, Object b, int r) {
        if (comparator == null) return land(Metamethods.lessThan(instance, a, b), r);
        target = r;
        return new Action.Call(comparator, new Object[] {a, b});
    }

    /** {@code reg[r] = a == b}. */
    final Action equal(Object a, Object b, int r) {
        return land(Metamethods.equal(instance, a, b), r);
    }

    /** Whether register {@code r} holds a true value. */
    final boolean isTrue(int r) {
        Object v = reg[r];
        return v != null && !Boolean.FALSE.equals(v);
    }

    /**
     * Charges one unit of fuel: the pause to return when the fuel is spent, else null. A tick
     * right after a pause never pauses, since the poll that follows a pause may find the fuel
     * spent already (a step of one or two units): pausing again would make no progress, ever.
     */
    final Action tick(Coroutine co) {
        co.fuel().consume(1);
        if (paused || !co.fuel().exhausted()) {
            paused = false;
            return null;
        }
        paused = true;
        return Action.Pause.INSTANCE;
    }

    /** The result of an operation: into {@code reg[r]} now, or by the call to return. */
    private Action land(Object result, int r) {
        if (result instanceof Action.Call call) {
            target = r;
            return call;
        }
        reg[r] = result;
        return null;
    }

    /** The action that finishes the builtin with {@code values}. */
    static Action done(Object... values) {
        return new Action.Return(values);
    }
}
