package dev.moonlet.vm;

/**
 * A builtin made for one use that keeps Lua values in its fields (PUC-Rio's C closure with
 * upvalues): the iterator {@code string.gmatch} returns, the function {@code coroutine.wrap}
 * returns. Unlike a plain {@link Builtin}, which is shared and holds no values (a light C
 * function), it is an object of its instance: the collector traverses it with {@link #trace},
 * and a weak table loses it once it is unreachable.
 */
public abstract class BuiltinClosure extends Builtin {
    /** A builtin closure named as {@link Builtin#Builtin(String)} says. */
    protected BuiltinClosure(String name) {
        super(name);
    }

    /** Marks every Lua value this function keeps (see {@link Marker}). */
    public abstract void trace(Marker m);
}
