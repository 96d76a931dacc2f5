package dev.moonlet.vm;

/**
 * How a generic {@code for} loop may step its iterator without calling it ({@link
 * Builtin#forStep}): the iterators of {@code pairs} and {@code ipairs} are called once per
 * iteration of most loops, and stepping them in place spares the call, its argument and
 * result arrays, and the boxing of integer keys.
 */
public enum ForStep {
    /** An iterator like any other: the loop calls it. */
    NONE,
    /** {@code next}: the raw traversal of a table ({@link dev.moonlet.value.LuaTable#nextIndex}). */
    NEXT,
    /** {@code ipairs}' iterator: {@code i + 1, t[i + 1]} of a table without metatable. */
    IPAIRS
}
