package dev.moonlet.value;

/**
 * A Lua function value: either a closure over a compiled prototype or a function written in
 * Java. The subclasses that can actually be called live in the virtual machine layer.
 */
public abstract class LuaFunction extends Collectable {
    /** A short name for messages and tracebacks ({@code "print"}, {@code "string.rep"}, ...). */
    public abstract String name();
}
