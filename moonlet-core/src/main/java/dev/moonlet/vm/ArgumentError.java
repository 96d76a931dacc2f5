package dev.moonlet.vm;

import dev.moonlet.value.LuaError;

/**
 * A bad argument to a builtin, raised as {@code luaL_argerror} does. The executor, which knows
 * how the builtin was called, turns it into Lua's message when it leaves the builtin:
 * {@code "chunk:line: bad argument #2 to 'rep' (number expected, got no value)"}, not counting
 * {@code self} in method calls ({@code "calling 'rep' on bad self (...)"}), and naming the
 * function as the call site does (or by its global name, or {@code '?'}).
 */
public final class ArgumentError extends LuaError {
    private final int argument;
    private final String detail;

    /**
     * @param argument the 1-based argument position
     * @param detail the parenthesised part, such as {@code "number expected, got nil"}
     */
    public ArgumentError(int argument, String detail) {
        super("bad argument #" + argument + " (" + detail + ")");
        this.argument = argument;
        this.detail = detail;
    }

    /** The 1-based position of the bad argument. */
    public int argument() {
        return argument;
    }

    /** The explanation in parentheses. */
    public String detail() {
        return detail;
    }
}
