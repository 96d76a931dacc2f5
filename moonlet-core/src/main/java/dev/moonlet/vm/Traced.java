package dev.moonlet.vm;

/**
 * Java state that keeps Lua values and is reached through a Lua value rather than a frame: the
 * payload of a userdata (a task behind its handle, a continuation behind
 * {@code effect.new}), or a continuation held by a builtin. When the collector traverses a
 * userdata whose payload is {@code Traced}, it calls {@link #trace}.
 */
public interface Traced {
    /** Marks every Lua value this object keeps (see {@link Marker}). */
    void trace(Marker m);
}
