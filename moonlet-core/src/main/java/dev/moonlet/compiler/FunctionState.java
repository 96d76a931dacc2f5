package dev.moonlet.compiler;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one function while it is compiled (lparser.h {@code FuncState} with the parts of
 * {@code Proto} still growing): its code and line information, constants, nested prototypes,
 * upvalues, the register stack, and the local variables in scope.
 *
 * <p>Invariants: registers {@code [0, nvarstack())} hold the active locals and registers
 * {@code [nvarstack(), freereg)} hold temporaries; {@code maxStackSize >= freereg}. A local
 * declared with {@link #newLocalVar} is not active (visible) until {@link #adjustLocalVars}.
 */
final class FunctionState {
    /** Largest number of upvalues of one function. */
    static final int MAX_UPVALUES = 255;

    /** The enclosing function, or null for the main chunk. */
    final FunctionState prev;
    final LuaString source;
    final int lineDefined;
    int lastLineDefined;
    final JumpLists jumps;
    final CodeGen gen;
    final Operators ops;
    final ConstantTable constants;
    /** Scopes, labels and gotos of this function. */
    final Blocks blocks;

    private int[] code = new int[16];
    private int[] lines = new int[16];
    /** Number of instructions emitted. */
    int pc;
    /** The pc of the last jump target: an instruction before it may not be merged with one after. */
    int lastTarget;
    /**
     * The source line given to the next instruction: the line of the last token Lua's parser
     * would have read at this point ({@code ls->lastline}).
     */
    int line;
    /**
     * The token Lua's parser would be looking at when a limit error happens here ({@code near
     * 'x'} in the message), where the compiler knows it; otherwise null.
     */
    String near;

    final List<Proto> protos = new ArrayList<>();
    private final List<Upvalue> upvalues = new ArrayList<>();
    private final List<LocalDebug> localDebug = new ArrayList<>();
    /**
     * Declared locals: the first {@code nactvar} are in scope, the next up to {@code declared}
     * are declared but not yet active. Entries past {@code declared} are locals whose scope
     * has ended; they stay readable until overwritten, because a block that is being left
     * still needs their registers to decide whether pending gotos leave a variable's scope.
     */
    private final List<VarDesc> actVars = new ArrayList<>();
    private int declared;
    int nactvar;
    int numParams;
    boolean isVararg;
    int maxStackSize = 2;
    /** First free register. */
    int freereg;
    /** Whether some return must close upvalues or to-be-closed variables. */
    boolean needClose;

    FunctionState(FunctionState prev, LuaString source, int lineDefined, ConstantTable constants) {
        this.prev = prev;
        this.source = source;
        this.lineDefined = lineDefined;
        this.line = prev != null ? prev.line : lineDefined;
        this.constants = constants;
        this.jumps = new JumpLists(this);
        this.gen = new CodeGen(this);
        this.ops = new Operators(this);
        this.blocks = new Blocks(this);
    }

    // ---------------------------------------------------------------- code

    /** Appends instruction {@code i} with the current line; returns its pc. */
    int emit(int i) {
        if (pc == code.length) {
            code = Arrays.copyOf(code, pc * 2);
            lines = Arrays.copyOf(lines, pc * 2);
        }
        code[pc] = i;
        lines[pc] = line;
        return pc++;
    }

    /** The instruction at {@code index}. */
    int instruction(int index) {
        return code[index];
    }

    /** Replaces the instruction at {@code index}. */
    void setInstruction(int index, int i) {
        code[index] = i;
    }

    /** Gives the last instruction emitted the line {@code line}. */
    void fixLine(int line) {
        lines[pc - 1] = line;
    }

    /** Removes the last instruction emitted. */
    void removeLastInstruction() {
        pc--;
    }

    // ---------------------------------------------------------------- variables

    /** The variable with index {@code vidx} in this function. */
    VarDesc varDesc(int vidx) {
        return actVars.get(vidx);
    }

    /**
     * The register level of the first {@code nvar} variables: one past the register of the
     * last of them that lives in a register (compile-time constants have none).
     */
    int regLevel(int nvar) {
        while (nvar-- > 0) {
            VarDesc vd = actVars.get(nvar);
            if (vd.kind != VarKind.COMPILE_TIME_CONST) return vd.ridx + 1;
        }
        return 0;
    }

    /** The number of registers holding active locals. */
    int nvarstack() {
        return regLevel(nactvar);
    }

    /**
     * Declares local {@code name} (not yet active). The parser has already refused a function
     * with more than {@code Parser.MAX_LOCALS} locals in scope, where Lua reports it.
     */
    VarDesc newLocalVar(LuaString name) {
        VarDesc vd = new VarDesc(name);
        if (declared < actVars.size()) actVars.set(declared, vd);
        else actVars.add(vd);
        declared++;
        return vd;
    }

    /** Activates the last {@code n} declared locals, giving them registers and debug entries. */
    void adjustLocalVars(int n) {
        int reg = nvarstack();
        for (int i = 0; i < n; i++) {
            VarDesc vd = actVars.get(nactvar++);
            vd.ridx = reg++;
            vd.pidx = registerLocalDebug(vd.name);
        }
    }

    /** Activates the last declared local, a compile-time constant, which needs no register. */
    void activateCompileTimeConstant() {
        nactvar++;
    }

    private int registerLocalDebug(LuaString name) {
        if (localDebug.size() >= Short.MAX_VALUE) {
            throw new LuaError("too many local variables (limit is " + Short.MAX_VALUE + ")");
        }
        localDebug.add(new LocalDebug(name, pc));
        return localDebug.size() - 1;
    }

    /** Sets the debug start pc of local {@code vidx} to here (a local function is visible after its closure). */
    void startLocalHere(int vidx) {
        localDebug.get(actVars.get(vidx).pidx).startPc = pc;
    }

    /** Ends the scope of the active locals above {@code toLevel}, closing their debug ranges here. */
    void removeVars(int toLevel) {
        declared -= nactvar - toLevel;
        while (nactvar > toLevel) {
            VarDesc vd = actVars.get(--nactvar);
            if (vd.kind != VarKind.COMPILE_TIME_CONST) localDebug.get(vd.pidx).endPc = pc;
        }
    }

    /**
     * Looks for active local {@code name} in this function; if found, fills {@code var} as a
     * {@link ExpKind#LOCAL} or {@link ExpKind#CONST} and returns true.
     */
    boolean searchVar(LuaString name, ExpDesc var) {
        for (int i = nactvar - 1; i >= 0; i--) {
            VarDesc vd = actVars.get(i);
            if (!vd.name.equals(name)) continue;
            if (vd.kind == VarKind.COMPILE_TIME_CONST) {
                var.init(ExpKind.CONST, 0);
                var.constVar = vd;
            } else {
                var.init(ExpKind.LOCAL, 0);
                var.vidx = i;
                var.ridx = vd.ridx;
            }
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- upvalues

    /** The index of upvalue {@code name}, or -1. */
    int searchUpvalue(LuaString name) {
        for (int i = 0; i < upvalues.size(); i++) {
            if (upvalues.get(i).name.equals(name)) return i;
        }
        return -1;
    }

    /** The kind of upvalue {@code index}. */
    VarKind upvalueKind(int index) {
        return upvalues.get(index).kind;
    }

    /** The name of upvalue {@code index}. */
    LuaString upvalueName(int index) {
        return upvalues.get(index).name;
    }

    /** Adds an upvalue; {@code line} and {@code near} locate the error if there are too many. */
    int addUpvalue(LuaString name, boolean inStack, int index, VarKind kind, int line, String near) {
        if (upvalues.size() + 1 > MAX_UPVALUES) throw limitError(MAX_UPVALUES, "upvalues", line, near);
        upvalues.add(new Upvalue(name, inStack, index, kind));
        return upvalues.size() - 1;
    }

    /** Marks the block where local {@code level} was declared as having a captured variable. */
    void markUpval(int level) {
        BlockScope bl = blocks.current;
        while (bl.nactvar > level) bl = bl.previous;
        bl.upval = true;
        needClose = true;
    }

    /** Marks the current block as holding a to-be-closed variable. */
    void markToBeClosed() {
        BlockScope bl = blocks.current;
        bl.upval = true;
        bl.insideTbc = true;
        needClose = true;
    }

    // ---------------------------------------------------------------- errors

    /**
     * The error for exceeding {@code limit} {@code what} in this function, as Lua words it:
     * {@code too many local variables (limit is 200) in function at line 3 near ','}.
     */
    LuaError limitError(int limit, String what, int line, String near) {
        String where = lineDefined == 0 ? "main function" : "function at line " + lineDefined;
        return CompileError.syntax(source, line, near,
                "too many ", what, " (limit is ", limit, ") in ", where);
    }

    /** A semantic error at {@code line} made of {@code parts} (see {@link CompileError#semantic}). */
    LuaError semanticError(int line, Object... parts) {
        return CompileError.semantic(source, line, parts);
    }

    // ---------------------------------------------------------------- result

    /** The finished prototype. */
    Proto toProto() {
        Proto.UpvalueDesc[] ups = new Proto.UpvalueDesc[upvalues.size()];
        for (int i = 0; i < ups.length; i++) {
            Upvalue u = upvalues.get(i);
            ups[i] = new Proto.UpvalueDesc(u.name, u.inStack, u.index);
        }
        Proto.LocalVarInfo[] locals = new Proto.LocalVarInfo[localDebug.size()];
        for (int i = 0; i < locals.length; i++) {
            LocalDebug d = localDebug.get(i);
            locals[i] = new Proto.LocalVarInfo(d.name, d.startPc, d.endPc);
        }
        return new Proto(Arrays.copyOf(code, pc), constants.toArray(),
                protos.toArray(new Proto[0]), ups, numParams, isVararg, maxStackSize,
                Arrays.copyOf(lines, pc), locals, source, lineDefined, lastLineDefined);
    }

    /** An upvalue of this function, with the kind of the variable it captures. */
    private record Upvalue(LuaString name, boolean inStack, int index, VarKind kind) {}

    /** The debug entry of a local variable, its end pc set when its scope closes. */
    private static final class LocalDebug {
        final LuaString name;
        int startPc;
        int endPc;

        LocalDebug(LuaString name, int startPc) {
            this.name = name;
            this.startPc = startPc;
        }
    }
}
