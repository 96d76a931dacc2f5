package dev.moonlet.vm;

/** Shared constants for lists of Lua values. */
public final class Values {
    private Values() {}

    /** No values: what a function that returns nothing returns. */
    public static final Object[] NONE = new Object[0];
}
