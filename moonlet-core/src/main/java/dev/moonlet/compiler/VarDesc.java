package dev.moonlet.compiler;

import dev.moonlet.value.LuaString;

/** A local variable declared in the function being compiled (lparser.h {@code Vardesc}). */
final class VarDesc {
    final LuaString name;
    VarKind kind = VarKind.REGULAR;
    /** The register holding the variable (unused for compile-time constants). */
    int ridx;
    /** The index of its debug entry in the function's local variable list. */
    int pidx;
    /**
     * The value of a {@link VarKind#COMPILE_TIME_CONST}: null (nil), Boolean, Long, Double or
     * LuaString.
     */
    Object value;

    VarDesc(LuaString name) {
        this.name = name;
    }
}
