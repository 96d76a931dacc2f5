package dev.moonlet.compiler;

import static dev.moonlet.compiler.Instruction.MAXARG_BX;
import static dev.moonlet.compiler.Instruction.MAXARG_C;
import static dev.moonlet.compiler.Instruction.OFFSET_SBX;
import static dev.moonlet.compiler.Instruction.OFFSET_SC;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.StringPool;

/**
 * The code generator of one function (lcode.c): emits instructions, allocates registers, and
 * turns {@link ExpDesc}s into code once their destination is known, with the pending true and
 * false jumps of an expression kept in {@link JumpLists}. Operators are in {@link Operators}.
 */
final class CodeGen {
    /** "All results" for calls and varargs. */
    static final int MULTRET = -1;
    /** List items stored by one SETLIST. */
    static final int FIELDS_PER_FLUSH = 50;
    /** Largest number of registers of a function (must fit in 8 bits). */
    private static final int MAX_REGS = 255;
    /** Largest constant index usable as an RK operand. */
    private static final int MAX_INDEX_RK = MAXARG_C;

    private final FunctionState fs;
    private final JumpLists jumps;

    CodeGen(FunctionState fs) {
        this.fs = fs;
        this.jumps = fs.jumps;
    }

    // ================================================================ instruction fields

    static int setA(int i, int a) {
        return (i & ~(0xFF << 7)) | (a << 7);
    }

    static int setB(int i, int b) {
        return (i & ~(0xFF << 16)) | (b << 16);
    }

    static int setC(int i, int c) {
        return (i & 0x00FFFFFF) | (c << 24);
    }

    static int setK(int i, int k) {
        return (i & ~(1 << 15)) | (k << 15);
    }

    static int setOp(int i, int op) {
        return (i & ~0x7F) | op;
    }

    static int setBx(int i, int bx) {
        return (i & 0x7FFF) | (bx << 15);
    }

    // ================================================================ emission

    int codeABCk(int op, int a, int b, int c, int k) {
        return fs.emit(Instruction.makeABC(op, a, b, c, k));
    }

    int codeABC(int op, int a, int b, int c) {
        return codeABCk(op, a, b, c, 0);
    }

    int codeABx(int op, int a, int bx) {
        return fs.emit(Instruction.makeABx(op, a, bx));
    }

    private int codeAsBx(int op, int a, int sbx) {
        return fs.emit(Instruction.makeAsBx(op, a, sbx));
    }

    private int codeExtraArg(int ax) {
        return fs.emit(Instruction.makeAx(OpCode.EXTRAARG, ax));
    }

    /** Loads constant {@code k} into {@code reg}: LOADK, or LOADKX + EXTRAARG past 2^17 constants. */
    private int codeK(int reg, int k) {
        if (k <= MAXARG_BX) return codeABx(OpCode.LOADK, reg, k);
        int p = codeABx(OpCode.LOADKX, reg, 0);
        codeExtraArg(k);
        return p;
    }

    /** The pc of the previous instruction, or -1 if a jump may land between it and here. */
    int previousInstruction() {
        return fs.pc > fs.lastTarget ? fs.pc - 1 : -1;
    }

    /** Sets {@code n} registers from {@code from} to nil, merging with a LOADNIL just before. */
    void loadNil(int from, int n) {
        int last = from + n - 1;
        int p = previousInstruction();
        if (p >= 0 && Instruction.op(fs.instruction(p)) == OpCode.LOADNIL) {
            int prev = fs.instruction(p);
            int pfrom = Instruction.a(prev);
            int plast = pfrom + Instruction.b(prev);
            if ((pfrom <= from && from <= plast + 1) || (from <= pfrom && pfrom <= last + 1)) {
                from = Math.min(from, pfrom);
                last = Math.max(last, plast);
                fs.setInstruction(p, setB(setA(prev, from), last - from));
                return;
            }
        }
        codeABC(OpCode.LOADNIL, from, n - 1, 0);
    }

    /** Loads integer {@code i} into {@code reg}: LOADI if it fits in sBx, else a constant. */
    void loadInt(int reg, long i) {
        if (fitsBx(i)) codeAsBx(OpCode.LOADI, reg, (int) i);
        else codeK(reg, fs.constants.integer(i));
    }

    private void loadFloat(int reg, double d) {
        if (ConstantFolding.isIntegral(d) && fitsBx((long) d)) codeAsBx(OpCode.LOADF, reg, (int) d);
        else codeK(reg, fs.constants.number(d));
    }

    private static boolean fitsBx(long i) {
        return -OFFSET_SBX <= i && i <= MAXARG_BX - OFFSET_SBX;
    }

    /** Whether {@code i} fits in an sC operand. */
    static boolean fitsC(long i) {
        return i >= -OFFSET_SC && i <= MAXARG_C - OFFSET_SC;
    }

    /** A RETURN0, RETURN1 or RETURN of {@code nret} values from {@code first} (MULTRET: to top). */
    void ret(int first, int nret) {
        int op = switch (nret) {
            case 0 -> OpCode.RETURN0;
            case 1 -> OpCode.RETURN1;
            default -> OpCode.RETURN;
        };
        codeABC(op, first, nret + 1, 0);
    }

    // ================================================================ registers

    /** Ensures {@code n} more registers above the free ones fit in the frame. */
    void checkStack(int n) {
        int newStack = fs.freereg + n;
        if (newStack > fs.maxStackSize) {
            if (newStack >= MAX_REGS) {
                throw CompileError.syntax(fs.source, fs.line, fs.near,
                        "function or expression needs too many registers");
            }
            fs.maxStackSize = newStack;
        }
    }

    /** Reserves {@code n} registers. */
    void reserveRegs(int n) {
        checkStack(n);
        fs.freereg += n;
    }

    /** Frees register {@code reg} if it is a temporary (the last one reserved). */
    private void freeReg(int reg) {
        if (reg >= fs.nvarstack()) {
            fs.freereg--;
            assert reg == fs.freereg : "register " + reg + " freed out of order at line " + fs.line;
        }
    }

    /** Frees two registers, the higher one first. */
    void freeRegs(int r1, int r2) {
        if (r1 > r2) {
            freeReg(r1);
            freeReg(r2);
        } else {
            freeReg(r2);
            freeReg(r1);
        }
    }

    /** Frees the register of {@code e}, if it holds a temporary. */
    void freeExp(ExpDesc e) {
        if (e.kind == ExpKind.NONRELOC) freeReg(e.info);
    }

    /** Frees the registers of two expressions in the proper order. */
    void freeExps(ExpDesc e1, ExpDesc e2) {
        int r1 = e1.kind == ExpKind.NONRELOC ? e1.info : -1;
        int r2 = e2.kind == ExpKind.NONRELOC ? e2.info : -1;
        freeRegs(r1, r2);
    }

    // ================================================================ constants

    /** Marker for "not a compile-time constant". */
    static final Object NOT_CONSTANT = new Object();

    /** The numeric value of {@code e} if it is a numeral without jumps, else null. */
    static Number numeral(ExpDesc e) {
        if (e.hasJumps()) return null;
        return switch (e.kind) {
            case KINT -> e.ival;
            case KFLT -> e.nval;
            default -> null;
        };
    }

    /** The constant value of {@code e} (null for nil), or {@link #NOT_CONSTANT}. */
    static Object constantValue(ExpDesc e) {
        if (e.hasJumps()) return NOT_CONSTANT;
        return switch (e.kind) {
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case NIL -> null;
            case KSTR -> e.strval;
            case CONST -> e.constVar.value;
            case KINT -> e.ival;
            case KFLT -> e.nval;
            default -> NOT_CONSTANT;
        };
    }

    /** Makes {@code e} the expression of constant {@code v}. */
    private static void constToExp(Object v, ExpDesc e) {
        if (v == null) e.kind = ExpKind.NIL;
        else if (v instanceof Boolean b) e.kind = b ? ExpKind.TRUE : ExpKind.FALSE;
        else if (v instanceof Long l) {
            e.kind = ExpKind.KINT;
            e.ival = l;
        } else if (v instanceof Double d) {
            e.kind = ExpKind.KFLT;
            e.nval = d;
        } else {
            e.kind = ExpKind.KSTR;
            e.strval = (LuaString) v;
        }
    }

    private void stringToK(ExpDesc e) {
        e.info = fs.constants.string(e.strval);
        e.kind = ExpKind.K;
    }

    /**
     * Tries to make {@code e} a constant whose index fits in an RK operand; returns whether it
     * did.
     */
    boolean exp2K(ExpDesc e) {
        if (e.hasJumps()) return false;
        int info;
        switch (e.kind) {
            case TRUE -> info = fs.constants.bool(true);
            case FALSE -> info = fs.constants.bool(false);
            case NIL -> info = fs.constants.nil();
            case KINT -> info = fs.constants.integer(e.ival);
            case KFLT -> info = fs.constants.number(e.nval);
            case KSTR -> info = fs.constants.string(e.strval);
            case K -> info = e.info;
            default -> {
                return false;
            }
        }
        if (info > MAX_INDEX_RK) return false;
        e.kind = ExpKind.K;
        e.info = info;
        return true;
    }

    // ================================================================ expressions

    /** Makes multi-valued {@code e} (a call or vararg) produce {@code nresults} values (MULTRET: all). */
    void setReturns(ExpDesc e, int nresults) {
        int i = fs.instruction(e.info);
        i = setC(i, nresults + 1);
        if (e.kind == ExpKind.VARARG) {
            i = setA(i, fs.freereg);
            fs.setInstruction(e.info, i);
            reserveRegs(1);
        } else {
            fs.setInstruction(e.info, i);
        }
    }

    /** Makes multi-valued {@code e} produce all its values. */
    void setMultRet(ExpDesc e) {
        setReturns(e, MULTRET);
    }

    /** Makes multi-valued {@code e} produce exactly one value. */
    void setOneRet(ExpDesc e) {
        if (e.kind == ExpKind.CALL) {
            e.kind = ExpKind.NONRELOC;
            e.info = Instruction.a(fs.instruction(e.info));
        } else if (e.kind == ExpKind.VARARG) {
            fs.setInstruction(e.info, setC(fs.instruction(e.info), 2));
            e.kind = ExpKind.RELOC;
        }
    }

    /** Ensures {@code e} is not a variable: emits the read of an upvalue or table field. */
    void dischargeVars(ExpDesc e) {
        switch (e.kind) {
            case CONST -> constToExp(e.constVar.value, e);
            case LOCAL -> {
                e.info = e.ridx;
                e.kind = ExpKind.NONRELOC;
            }
            case UPVAL -> reloc(e, codeABC(OpCode.GETUPVAL, 0, e.info, 0));
            case INDEXUP -> reloc(e, codeABC(OpCode.GETTABUP, 0, e.indT, e.indIdx));
            case INDEXI -> {
                freeReg(e.indT);
                reloc(e, codeABC(OpCode.GETI, 0, e.indT, e.indIdx));
            }
            case INDEXSTR -> {
                freeReg(e.indT);
                reloc(e, codeABC(OpCode.GETFIELD, 0, e.indT, e.indIdx));
            }
            case INDEXED -> {
                freeRegs(e.indT, e.indIdx);
                reloc(e, codeABC(OpCode.GETTABLE, 0, e.indT, e.indIdx));
            }
            case VARARG, CALL -> setOneRet(e);
            default -> { }
        }
    }

    private static void reloc(ExpDesc e, int pc) {
        e.info = pc;
        e.kind = ExpKind.RELOC;
    }

    /** Puts the value of {@code e} (not its jumps) in {@code reg}. */
    private void discharge2reg(ExpDesc e, int reg) {
        dischargeVars(e);
        switch (e.kind) {
            case NIL -> loadNil(reg, 1);
            case FALSE -> codeABC(OpCode.LOADFALSE, reg, 0, 0);
            case TRUE -> codeABC(OpCode.LOADTRUE, reg, 0, 0);
            case KSTR -> {
                stringToK(e);
                codeK(reg, e.info);
            }
            case K -> codeK(reg, e.info);
            case KFLT -> loadFloat(reg, e.nval);
            case KINT -> loadInt(reg, e.ival);
            case RELOC -> fs.setInstruction(e.info, setA(fs.instruction(e.info), reg));
            case NONRELOC -> {
                if (reg != e.info) codeABC(OpCode.MOVE, reg, e.info, 0);
            }
            default -> {
                assert e.kind == ExpKind.JMP;
                return;
            }
        }
        e.info = reg;
        e.kind = ExpKind.NONRELOC;
    }

    /** Puts the value of {@code e} in some register. */
    void discharge2anyreg(ExpDesc e) {
        if (e.kind != ExpKind.NONRELOC) {
            reserveRegs(1);
            discharge2reg(e, fs.freereg - 1);
        }
    }

    private int codeLoadBool(int a, int op) {
        jumps.getLabel();
        return codeABC(op, a, 0, 0);
    }

    /** Puts the final value of {@code e}, jumps included, in {@code reg}. */
    private void exp2reg(ExpDesc e, int reg) {
        discharge2reg(e, reg);
        if (e.kind == ExpKind.JMP) e.t = jumps.concat(e.t, e.info);
        if (e.hasJumps()) {
            int loadFalse = JumpLists.NO_JUMP;
            int loadTrue = JumpLists.NO_JUMP;
            if (jumps.needValue(e.t) || jumps.needValue(e.f)) {
                int fj = e.kind == ExpKind.JMP ? JumpLists.NO_JUMP : jumps.jump();
                loadFalse = codeLoadBool(reg, OpCode.LFALSESKIP);
                loadTrue = codeLoadBool(reg, OpCode.LOADTRUE);
                jumps.patchToHere(fj);
            }
            int end = jumps.getLabel();
            jumps.patchListAux(e.f, end, reg, loadFalse);
            jumps.patchListAux(e.t, end, reg, loadTrue);
        }
        e.f = e.t = JumpLists.NO_JUMP;
        e.info = reg;
        e.kind = ExpKind.NONRELOC;
    }

    /** Puts the final value of {@code e} in the next free register. */
    void exp2nextreg(ExpDesc e) {
        dischargeVars(e);
        freeExp(e);
        reserveRegs(1);
        exp2reg(e, fs.freereg - 1);
    }

    /** Puts the final value of {@code e} in some register and returns it. */
    int exp2anyreg(ExpDesc e) {
        dischargeVars(e);
        if (e.kind == ExpKind.NONRELOC) {
            if (!e.hasJumps()) return e.info;
            if (e.info >= fs.nvarstack()) {
                exp2reg(e, e.info);
                return e.info;
            }
            // A local cannot take the values of the jumps: use a new register.
        }
        exp2nextreg(e);
        return e.info;
    }

    /** Puts the final value of {@code e} in a register, unless it is an upvalue without jumps. */
    void exp2anyregup(ExpDesc e) {
        if (e.kind != ExpKind.UPVAL || e.hasJumps()) exp2anyreg(e);
    }

    /** Puts the final value of {@code e} in a register, or leaves it a constant. */
    void exp2val(ExpDesc e) {
        if (e.hasJumps()) exp2anyreg(e);
        else dischargeVars(e);
    }

    /** Makes {@code e} an RK operand; returns whether it is a constant. */
    boolean exp2RK(ExpDesc e) {
        if (exp2K(e)) return true;
        exp2anyreg(e);
        return false;
    }

    private void codeABRK(int op, int a, int b, ExpDesc ec) {
        int k = exp2RK(ec) ? 1 : 0;
        codeABCk(op, a, b, ec.info, k);
    }

    /** Stores the value of {@code ex} into variable {@code var}. */
    void storeVar(ExpDesc var, ExpDesc ex) {
        switch (var.kind) {
            case LOCAL -> {
                freeExp(ex);
                exp2reg(ex, var.ridx);
                return;
            }
            case UPVAL -> codeABC(OpCode.SETUPVAL, exp2anyreg(ex), var.info, 0);
            case INDEXUP -> codeABRK(OpCode.SETTABUP, var.indT, var.indIdx, ex);
            case INDEXI -> codeABRK(OpCode.SETI, var.indT, var.indIdx, ex);
            case INDEXSTR -> codeABRK(OpCode.SETFIELD, var.indT, var.indIdx, ex);
            case INDEXED -> codeABRK(OpCode.SETTABLE, var.indT, var.indIdx, ex);
            default -> throw new IllegalStateException("cannot store to " + var.kind);
        }
        freeExp(ex);
    }

    /** Emits SELF: {@code e} becomes the method {@code e[key]} followed by {@code e} itself. */
    void self(ExpDesc e, ExpDesc key) {
        exp2anyreg(e);
        int ereg = e.info;
        freeExp(e);
        e.info = fs.freereg;
        e.kind = ExpKind.NONRELOC;
        reserveRegs(2);
        codeABRK(OpCode.SELF, e.info, ereg, key);
        freeExp(key);
    }

    // ================================================================ conditions

    private void negateCondition(ExpDesc e) {
        int p = jumps.jumpControl(e.info);
        int i = fs.instruction(p);
        fs.setInstruction(p, setK(i, Instruction.k(i) ^ 1));
    }

    /** Emits a jump taken if {@code e} is {@code cond}; {@code not x} tests x directly. */
    private int jumpOnCond(ExpDesc e, int cond) {
        if (e.kind == ExpKind.RELOC) {
            int ie = fs.instruction(e.info);
            if (Instruction.op(ie) == OpCode.NOT) {
                fs.removeLastInstruction();
                return jumps.condJump(OpCode.TEST, Instruction.b(ie), 0, 0, cond ^ 1);
            }
        }
        discharge2anyreg(e);
        freeExp(e);
        return jumps.condJump(OpCode.TESTSET, JumpLists.NO_REG, e.info, 0, cond);
    }

    /** Emits code that falls through if {@code e} is true and jumps (its false list) otherwise. */
    void goIfTrue(ExpDesc e) {
        dischargeVars(e);
        int pc = switch (e.kind) {
            case JMP -> {
                negateCondition(e);
                yield e.info;
            }
            case K, KFLT, KINT, KSTR, TRUE -> JumpLists.NO_JUMP;
            default -> jumpOnCond(e, 0);
        };
        e.f = jumps.concat(e.f, pc);
        jumps.patchToHere(e.t);
        e.t = JumpLists.NO_JUMP;
    }

    /** Emits code that falls through if {@code e} is false and jumps (its true list) otherwise. */
    void goIfFalse(ExpDesc e) {
        dischargeVars(e);
        int pc = switch (e.kind) {
            case JMP -> e.info;
            case NIL, FALSE -> JumpLists.NO_JUMP;
            default -> jumpOnCond(e, 1);
        };
        e.t = jumps.concat(e.t, pc);
        jumps.patchToHere(e.f);
        e.f = JumpLists.NO_JUMP;
    }

    /** Codes {@code not e}, folding constants. */
    void codeNot(ExpDesc e) {
        switch (e.kind) {
            case NIL, FALSE -> e.kind = ExpKind.TRUE;
            case K, KFLT, KINT, KSTR, TRUE -> e.kind = ExpKind.FALSE;
            case JMP -> negateCondition(e);
            case RELOC, NONRELOC -> {
                discharge2anyreg(e);
                freeExp(e);
                reloc(e, codeABC(OpCode.NOT, 0, e.info, 0));
            }
            default -> throw new IllegalStateException("not of " + e.kind);
        }
        int tmp = e.f;
        e.f = e.t;
        e.t = tmp;
        jumps.removeValues(e.f);
        jumps.removeValues(e.t);
    }

    // ================================================================ indexing

    /** Whether {@code e} is a short string constant usable as a field key. */
    boolean isKstr(ExpDesc e) {
        return e.kind == ExpKind.K && !e.hasJumps() && e.info <= MAXARG_C
                && fs.constants.get(e.info) instanceof LuaString s && s.length() <= StringPool.MAX_SHORT;
    }

    /** Whether {@code e} is an integer numeral without jumps. */
    static boolean isKint(ExpDesc e) {
        return e.kind == ExpKind.KINT && !e.hasJumps();
    }

    /** Whether {@code e} is an integer numeral fitting in an sC operand. */
    static boolean isSCint(ExpDesc e) {
        return isKint(e) && fitsC(e.ival);
    }

    /** Whether {@code e} is a float numeral with an integral value. */
    static boolean isIntegralFloat(ExpDesc e) {
        return e.kind == ExpKind.KFLT && ConstantFolding.isIntegral(e.nval);
    }

    /**
     * If {@code e} is a numeral (integer, or float with an integral value) without jumps that
     * fits in an sB/sC operand, that operand encoded; otherwise -1.
     */
    static int scNumber(ExpDesc e) {
        long i;
        if (e.kind == ExpKind.KINT) i = e.ival;
        else if (isIntegralFloat(e)) i = (long) e.nval;
        else return -1;
        if (e.hasJumps() || !fitsC(i)) return -1;
        return (int) i + OFFSET_SC;
    }

    /** Makes {@code t} the indexed variable {@code t[k]}; {@code t} is in a register or an upvalue. */
    void indexed(ExpDesc t, ExpDesc k) {
        if (k.kind == ExpKind.KSTR) stringToK(k);
        if (t.kind == ExpKind.UPVAL && !isKstr(k)) exp2anyreg(t);
        if (t.kind == ExpKind.UPVAL) {
            t.indT = t.info;
            t.indIdx = k.info;
            t.kind = ExpKind.INDEXUP;
            return;
        }
        t.indT = t.kind == ExpKind.LOCAL ? t.ridx : t.info;
        if (isKstr(k)) {
            t.indIdx = k.info;
            t.kind = ExpKind.INDEXSTR;
        } else if (isKint(k) && k.ival >= 0 && k.ival <= MAXARG_C) {
            t.indIdx = (int) k.ival;
            t.kind = ExpKind.INDEXI;
        } else {
            t.indIdx = exp2anyreg(k);
            t.kind = ExpKind.INDEXED;
        }
    }

    // ================================================================ tables

    /** Fills in the NEWTABLE at {@code pc} (and its EXTRAARG) with the sizes of the constructor. */
    void setTableSize(int pc, int ra, int arraySize, int hashSize) {
        int rb = hashSize != 0 ? ceilLog2(hashSize) + 1 : 0;
        int extra = arraySize / (MAXARG_C + 1);
        int rc = arraySize % (MAXARG_C + 1);
        fs.setInstruction(pc, Instruction.makeABC(OpCode.NEWTABLE, ra, rb, rc, extra > 0 ? 1 : 0));
        fs.setInstruction(pc + 1, Instruction.makeAx(OpCode.EXTRAARG, extra));
    }

    private static int ceilLog2(int x) {
        return 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /**
     * Emits SETLIST storing {@code toStore} values (MULTRET: up to top) from {@code base + 1}
     * into the table at {@code base}, after its first {@code nelems - toStore} items.
     */
    void setList(int base, int nelems, int toStore) {
        if (toStore == MULTRET) toStore = 0;
        if (nelems <= MAXARG_C) {
            codeABC(OpCode.SETLIST, base, toStore, nelems);
        } else {
            codeABCk(OpCode.SETLIST, base, toStore, nelems % (MAXARG_C + 1), 1);
            codeExtraArg(nelems / (MAXARG_C + 1));
        }
        fs.freereg = base + 1;
    }

    // ================================================================ final pass

    /**
     * The final pass over the function's code: returns that must close variables get k (and
     * become RETURN), as do all returns of a vararg function; jumps to jumps go straight to
     * their final target.
     */
    void finish() {
        for (int pc = 0; pc < fs.pc; pc++) {
            int i = fs.instruction(pc);
            switch (Instruction.op(i)) {
                case OpCode.RETURN0, OpCode.RETURN1 -> {
                    if (fs.needClose || fs.isVararg) {
                        fs.setInstruction(pc, closing(setOp(i, OpCode.RETURN)));
                    }
                }
                case OpCode.RETURN, OpCode.TAILCALL -> fs.setInstruction(pc, closing(i));
                case OpCode.JMP -> jumps.skipJumpsToJumps(pc);
                default -> { }
            }
        }
    }

    private int closing(int i) {
        return fs.needClose ? setK(i, 1) : i;
    }
}
