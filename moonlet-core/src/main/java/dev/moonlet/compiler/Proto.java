package dev.moonlet.compiler;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.LuaString;

/**
 * A function prototype: the compiled form of one Lua function, shared by every closure made
 * from it. It is immutable once the compiler has built it.
 *
 * <p>Debug information is kept per instruction ({@link #lineInfo}) and per local variable
 * ({@link #locals}); {@code string.dump} with {@code strip} may drop both.
 */
public final class Proto extends Collectable {
    /** The instructions (see {@link OpCode} and {@link Instruction}). */
    public final int[] code;
    /** Constants: null (nil), Boolean, Long, Double or LuaString. */
    public final Object[] constants;
    /** The prototypes of the functions defined inside this one (for CLOSURE). */
    public final Proto[] protos;
    /** How the closure captures each of its upvalues. */
    public final UpvalueDesc[] upvalues;
    /** The number of fixed parameters. */
    public final int numParams;
    /** Whether the function takes {@code ...}. */
    public final boolean isVararg;
    /** The number of registers the function needs. */
    public final int maxStackSize;
    /** The source line of each instruction (same length as {@link #code}), or empty if stripped. */
    public final int[] lineInfo;
    /** The local variables and their live ranges, in order of declaration, or empty if stripped. */
    public final LocalVarInfo[] locals;
    /** The chunk name given to load ({@code "@file.lua"}, {@code "=stdin"}, ...). */
    public final LuaString source;
    /** The line where the function's definition starts (0 for a main chunk). */
    public final int lineDefined;
    /** The line where the function's definition ends. */
    public final int lastLineDefined;

    /**
     * Owned by the virtual machine: the compiled form of this function, or its note that it
     * will not make one; null until it decides (see {@code dev.moonlet.vm.Jit}).
     */
    public Object tier;
    /** Owned by the virtual machine: how often it has entered this function's frames interpreting them. */
    public int entries;

    /** Builds a prototype; the arrays are owned by it from now on. */
    public Proto(int[] code, Object[] constants, Proto[] protos, UpvalueDesc[] upvalues,
            int numParams, boolean isVararg, int maxStackSize, int[] lineInfo,
            LocalVarInfo[] locals, LuaString source, int lineDefined, int lastLineDefined) {
        this.code = code;
        this.constants = constants;
        this.protos = protos;
        this.upvalues = upvalues;
        this.numParams = numParams;
        this.isVararg = isVararg;
        this.maxStackSize = maxStackSize;
        this.lineInfo = lineInfo;
        this.locals = locals;
        this.source = source;
        this.lineDefined = lineDefined;
        this.lastLineDefined = lastLineDefined;
    }

    /** The source line of instruction {@code pc}, or -1 when debug information was stripped. */
    public int lineAt(int pc) {
        return pc >= 0 && pc < lineInfo.length ? lineInfo[pc] : -1;
    }

    /**
     * The name of the {@code n}-th (1-based) local variable active at instruction {@code pc},
     * or null; as Lua's {@code luaF_getlocalname}.
     */
    public LuaString localName(int n, int pc) {
        for (LocalVarInfo v : locals) {
            if (v.startPc() > pc) break;
            if (pc < v.endPc() && --n == 0) return v.name();
        }
        return null;
    }

    /**
     * How a closure captures one upvalue: from a register of the enclosing function
     * ({@code inStack}) or from one of the enclosing function's own upvalues.
     *
     * @param name the variable's name (null if stripped)
     * @param inStack whether {@code index} is a register of the enclosing function
     * @param index the register or upvalue index in the enclosing function
     */
    public record UpvalueDesc(LuaString name, boolean inStack, int index) {}

    /**
     * A local variable and the instructions where it is live: active for pc in
     * {@code [startPc, endPc)}.
     */
    public record LocalVarInfo(LuaString name, int startPc, int endPc) {}
}
