package dev.moonlet.vm;

import dev.moonlet.compiler.Proto;
import dev.moonlet.syntax.ChunkId;
import dev.moonlet.value.LuaFunction;

/**
 * A Lua function value: a {@link Proto} and the upvalues it captured when the {@code CLOSURE}
 * instruction (or {@link Instance#load}) made it. Many closures may share one prototype.
 */
public final class Closure extends LuaFunction {
    /** The compiled function. */
    public final Proto proto;
    /** One cell per upvalue of {@link #proto}, in the order of its upvalue descriptors. */
    final Upvalue[] upvalues;

    /** A closure of {@code proto} over {@code upvalues} (one per upvalue descriptor). */
    Closure(Proto proto, Upvalue[] upvalues) {
        this.proto = proto;
        this.upvalues = upvalues;
    }

    /** The number of upvalues. */
    public int upvalueCount() {
        return upvalues.length;
    }

    /** The current value of upvalue {@code i} (0-based), as {@code debug.getupvalue} reads it. */
    public Object upvalue(int i) {
        return upvalues[i].get();
    }

    /** Sets upvalue {@code i} (0-based), as {@code debug.setupvalue} does. */
    public void setUpvalue(int i, Object value) {
        upvalues[i].set(value);
    }

    /** The identity of upvalue {@code i}, for {@code debug.upvalueid}. */
    public Object upvalueId(int i) {
        return upvalues[i];
    }

    /** Makes upvalue {@code i} refer to upvalue {@code j} of {@code other} ({@code debug.upvaluejoin}). */
    public void joinUpvalue(int i, Closure other, int j) {
        upvalues[i] = other.upvalues[j];
    }

    /** {@code "function <source:line>"}, as tracebacks name a function without a better name. */
    @Override
    public String name() {
        return "function <" + ChunkId.of(proto.source) + ":" + proto.lineDefined + ">";
    }
}
