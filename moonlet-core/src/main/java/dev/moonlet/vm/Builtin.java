package dev.moonlet.vm;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.LuaFunction;

/**
 * A Lua function written in Java.
 *
 * <p>{@link #call} either finishes at once and returns its results, or returns a
 * {@link Sequence}: a state machine that the executor drives, which may call Lua functions,
 * yield, or wait, without ever holding the Java stack. A builtin that needs to call a Lua
 * function (a metamethod, a callback) must do it through a sequence; calling back into the
 * interpreter from Java is not possible by design.
 *
 * <p>The result of {@code call} is one of:
 * <ul>
 *   <li>an {@code Object[]}: the results, any number of them ({@link Values#NONE} for none);</li>
 *   <li>a {@link Sequence}: the executor polls it at once (see {@link Sequence#poll});</li>
 *   <li>anything else: exactly one result, that value ({@code null} being one {@code nil}).</li>
 * </ul>
 * No Lua value is an {@code Object[]} or a {@code Sequence}, so the three cases never clash.
 * Errors are raised by throwing {@link dev.moonlet.value.LuaError}; the executor adds no
 * position to them (use {@link Coroutine#where(int)} for {@code error}-style positions).
 *
 * <pre>{@code
 * Builtin twice = new Builtin("twice") {
 *     public Object call(Coroutine co, Object[] args) {
 *         long n = Args.checkInteger(args, 0);
 *         return 2 * n;
 *     }
 * };
 * }</pre>
 *
 * Every builtin an instance can reach has a stable name: its qualified Lua name, such as
 * {@code "string.rep"} or {@code "print"}. A paused instance will one day be saved and
 * restored by these names. (Error messages do not use it: like Lua, they name a builtin as its
 * call site does, or by where it is found in the loaded modules, or {@code '?'}.)
 * Libraries write each builtin as a static method named after its Lua name and register it
 * with {@link #of}.
 */
public abstract class Builtin extends LuaFunction {
    private final String name;

    /** A builtin with the qualified name {@code name} ({@code "table.insert"}, {@code "print"}). */
    protected Builtin(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** The body of a builtin: the same contract as {@link Builtin#call}. */
    @FunctionalInterface
    public interface Body {
        /** See {@link Builtin#call}. */
        Object call(Coroutine co, Object[] args);
    }

    /** A builtin named {@code name} whose work is {@code body} ({@code Builtin.of("print", BaseLib::print)}). */
    public static Builtin of(String name, Body body) {
        return new Builtin(name) {
            @Override
            public Object call(Coroutine co, Object[] args) {
                return body.call(co, args);
            }
        };
    }

    /**
     * What this builtin is to a generic {@code for} loop: {@link ForStep#NONE} for all but
     * {@code pairs}' {@code next} and {@code ipairs}' iterator, which the loop then steps in
     * place without calling them, as long as the table has no metatable (for {@code ipairs})
     * and no hook is set.
     */
    public ForStep forStep() {
        return ForStep.NONE;
    }

    /**
     * The values this function keeps from where it was made, which Lua shows as the upvalues
     * of a C closure: {@code debug.getupvalue} names each {@code ""}. A builtin made per call
     * (the iterator {@code string.gmatch} returns, a {@code coroutine.wrap} function) overrides
     * this; plain library functions have none.
     */
    public Object[] upvalues() {
        return Values.NONE;
    }

    /**
     * Runs the function on coroutine {@code co} with {@code args} (never null; the array is
     * the callee's own and may be kept or modified).
     *
     * @return the results, as described in the class comment
     */
    public abstract Object call(Coroutine co, Object[] args);

    /**
     * Whether {@code result}, what a {@link #call} returned, is a {@link Sequence}. Results
     * that are Lua values or result arrays are recognised by their classes first: on JDK 17 an
     * {@code instanceof} against an interface that fails scans the class's interfaces, which
     * cost more than the rest of a builtin call (about 30 ns a call on the bench machine).
     */
    static boolean isSequence(Object result) {
        return !(result == null || result instanceof Collectable || result instanceof Object[]
                || result instanceof Long || result instanceof Double || result instanceof Boolean)
                && result instanceof Sequence;
    }
}
