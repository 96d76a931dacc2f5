package dev.moonlet.vm;

import dev.moonlet.value.Collectable;

/**
 * A variable captured by closures. While the variable's scope is alive the upvalue is open: it
 * reads and writes register {@code index} of its coroutine's value stack. When the scope ends
 * (block exit, return, error) it is closed: the value moves into the upvalue itself.
 *
 * <p>Both states read {@code slots[index]}, so access never tests which state it is in: an
 * open upvalue's {@code slots} is the coroutine's stack array (updated by the coroutine when
 * the stack is reallocated), a closed one's is a one-element array of its own.
 *
 * <p>An open upvalue's register may hold its number in the coroutine's numeric lane
 * ({@link Unboxed}); {@link #get} boxes it, and closing boxes it, so a closed upvalue holds
 * only boxed values.
 */
final class Upvalue extends Collectable {
    Object[] slots;
    /** While open, the coroutine's numeric lane (reallocated with {@link #slots}); then null. */
    long[] lane;
    int index;
    /** The next open upvalue of the same coroutine, at a lower stack index (null when closed). */
    Upvalue next;

    /** An open upvalue for register {@code index} of {@code stack}. */
    Upvalue(Object[] stack, long[] lane, int index) {
        this.slots = stack;
        this.lane = lane;
        this.index = index;
    }

    /** A closed upvalue holding {@code value} (a main chunk's {@code _ENV}). */
    static Upvalue closed(Object value) {
        return new Upvalue(new Object[] {value}, null, 0);
    }

    Object get() {
        Object v = slots[index];
        return v instanceof Unboxed ? ((Unboxed) v).box(lane[index]) : v;
    }

    void set(Object value) {
        slots[index] = value;
    }

    /** Moves the value out of the coroutine's stack into the upvalue. */
    void close() {
        slots = new Object[] {get()};
        lane = null;
        index = 0;
        next = null;
    }
}
