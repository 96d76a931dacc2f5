package dev.moonlet.compiler;

import static dev.moonlet.compiler.Instruction.OFFSET_SC;

import dev.moonlet.syntax.Expr.BinOp;
import dev.moonlet.syntax.Expr.UnOp;

/**
 * Code generation for unary and binary operators (the operator half of lcode.c): constant
 * folding, immediate and constant operands (ADDI, ADDK..., SHRI, SHLI, EQI, LTI..., EQK),
 * comparisons as conditional jumps, {@code and}/{@code or} as jump lists, and merged CONCATs.
 *
 * <p>A binary operator is coded in two steps: {@link #infix} prepares the left operand before
 * the right one is compiled, {@link #postfix} combines them.
 */
final class Operators {
    private final FunctionState fs;
    private final CodeGen gen;
    private final JumpLists jumps;

    Operators(FunctionState fs) {
        this.fs = fs;
        this.gen = fs.gen;
        this.jumps = fs.jumps;
    }

    /** Applies unary {@code op} to {@code e}; {@code line} is the operator's. */
    void prefix(UnOp op, ExpDesc e, int line) {
        gen.dischargeVars(e);
        switch (op) {
            case NEG, BNOT -> {
                Number n = CodeGen.numeral(e);
                Number r = n == null ? null : ConstantFolding.fold(op, n);
                if (r != null) setNumeral(e, r);
                else codeUnary(op == UnOp.NEG ? OpCode.UNM : OpCode.BNOT, e, line);
            }
            case LEN -> codeUnary(OpCode.LEN, e, line);
            case NOT -> gen.codeNot(e);
        }
    }

    /** Prepares the left operand {@code v} of {@code op} before the right one is read. */
    void infix(BinOp op, ExpDesc v) {
        gen.dischargeVars(v);
        switch (op) {
            case AND -> gen.goIfTrue(v);
            case OR -> gen.goIfFalse(v);
            case CONCAT -> gen.exp2nextreg(v);
            case ADD, SUB, MUL, DIV, IDIV, MOD, POW, BAND, BOR, BXOR, SHL, SHR -> {
                // A numeral stays as is: it may be folded or become an immediate operand.
                if (CodeGen.numeral(v) == null) gen.exp2anyreg(v);
            }
            case EQ, NE -> {
                if (CodeGen.numeral(v) == null) gen.exp2RK(v);
            }
            case LT, LE, GT, GE -> {
                if (CodeGen.scNumber(v) < 0) gen.exp2anyreg(v);
            }
        }
    }

    /** Combines {@code e1 op e2} into {@code e1}; {@code line} is the operator's. */
    void postfix(BinOp op, ExpDesc e1, ExpDesc e2, int line) {
        gen.dischargeVars(e2);
        if (isFoldable(op) && fold(op, e1, e2)) return;
        switch (op) {
            case AND -> {
                e2.f = jumps.concat(e2.f, e1.f);
                e1.copyFrom(e2);
            }
            case OR -> {
                e2.t = jumps.concat(e2.t, e1.t);
                e1.copyFrom(e2);
            }
            case CONCAT -> {
                gen.exp2nextreg(e2);
                codeConcat(e1, e2, line);
            }
            case ADD, MUL -> codeCommutative(op, e1, e2, line);
            case SUB -> codeArith(op, e1, e2, false, line);
            case DIV, IDIV, MOD, POW -> codeArith(op, e1, e2, false, line);
            case BAND, BOR, BXOR -> codeBitwise(op, e1, e2, line);
            case SHL -> codeShiftLeft(e1, e2, line);
            case SHR -> {
                if (CodeGen.isSCint(e2)) codeImmediate(OpCode.SHRI, e1, e2, false, line);
                else codeRegisters(op, e1, e2, line);
            }
            case EQ, NE -> codeEquality(op, e1, e2);
            case GT, GE -> {
                // a > b is b < a; a >= b is b <= a
                ExpDesc.swap(e1, e2);
                codeOrder(op == BinOp.GT ? BinOp.LT : BinOp.LE, e1, e2);
            }
            case LT, LE -> codeOrder(op, e1, e2);
        }
    }

    private static boolean isFoldable(BinOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, IDIV, MOD, POW, BAND, BOR, BXOR, SHL, SHR -> true;
            default -> false;
        };
    }

    private static boolean fold(BinOp op, ExpDesc e1, ExpDesc e2) {
        Number a = CodeGen.numeral(e1);
        Number b = CodeGen.numeral(e2);
        if (a == null || b == null) return false;
        Number r = ConstantFolding.fold(op, a, b);
        if (r == null) return false;
        setNumeral(e1, r);
        return true;
    }

    private static void setNumeral(ExpDesc e, Number n) {
        if (n instanceof Long l) {
            e.kind = ExpKind.KINT;
            e.ival = l;
        } else {
            e.kind = ExpKind.KFLT;
            e.nval = n.doubleValue();
        }
    }

    private void codeUnary(int op, ExpDesc e, int line) {
        int r = gen.exp2anyreg(e);
        gen.freeExp(e);
        e.info = gen.codeABC(op, 0, r, 0);
        e.kind = ExpKind.RELOC;
        fs.fixLine(line);
    }

    /**
     * Emits {@code op} with left operand {@code e1} (put in a register) and right operand
     * {@code v2} (a register, constant index or immediate, already encoded); the result is
     * relocatable. {@code k} marks operands the VM must give metamethods in the other order
     * (see {@link OpCode#ADDI}).
     */
    private void finishBinary(ExpDesc e1, ExpDesc e2, int op, int v2, boolean k, int line) {
        int v1 = gen.exp2anyreg(e1);
        int pc = gen.codeABCk(op, 0, v1, v2, k ? 1 : 0);
        gen.freeExps(e1, e2);
        e1.info = pc;
        e1.kind = ExpKind.RELOC;
        fs.fixLine(line);
    }

    /** Both operands in registers: ADD ... SHR. */
    private void codeRegisters(BinOp op, ExpDesc e1, ExpDesc e2, int line) {
        int v2 = gen.exp2anyreg(e2);
        finishBinary(e1, e2, OpCode.ADD + arithIndex(op), v2, false, line);
    }

    /** Right operand an sC immediate (ADDI, SHRI, SHLI); {@code flip}: the source had it on the left. */
    private void codeImmediate(int op, ExpDesc e1, ExpDesc e2, boolean flip, int line) {
        finishBinary(e1, e2, op, (int) e2.ival + OFFSET_SC, flip, line);
    }

    /** Right operand a constant (ADDK ... BXORK); {@code e2} is already a K; {@code flip} as above. */
    private void codeConstant(BinOp op, ExpDesc e1, ExpDesc e2, boolean flip, int line) {
        finishBinary(e1, e2, OpCode.ADDK + arithIndex(op), e2.info, flip, line);
    }

    /** Codes {@code x << c} as SHRI with {@code -c} and the k bit (metamethods see __shl(x, c)). */
    private boolean codeNegatedShift(ExpDesc e1, ExpDesc e2, int line) {
        if (!CodeGen.isKint(e2)) return false;
        long i2 = e2.ival;
        if (!(CodeGen.fitsC(i2) && CodeGen.fitsC(-i2))) return false;
        finishBinary(e1, e2, OpCode.SHRI, (int) -i2 + OFFSET_SC, true, line);
        return true;
    }

    private void codeRegistersInOrder(BinOp op, ExpDesc e1, ExpDesc e2, boolean flip, int line) {
        if (flip) ExpDesc.swap(e1, e2);
        codeRegisters(op, e1, e2, line);
    }

    /** Arithmetic with a numeral right operand as K, else on registers. */
    private void codeArith(BinOp op, ExpDesc e1, ExpDesc e2, boolean flip, int line) {
        if (CodeGen.numeral(e2) != null && gen.exp2K(e2)) codeConstant(op, e1, e2, flip, line);
        else codeRegistersInOrder(op, e1, e2, flip, line);
    }

    /** {@code +} and {@code *}: a numeral left operand moves right to become immediate or K. */
    private void codeCommutative(BinOp op, ExpDesc e1, ExpDesc e2, int line) {
        boolean flip = false;
        if (CodeGen.numeral(e1) != null) {
            ExpDesc.swap(e1, e2);
            flip = true;
        }
        if (op == BinOp.ADD && CodeGen.isSCint(e2)) codeImmediate(OpCode.ADDI, e1, e2, flip, line);
        else codeArith(op, e1, e2, flip, line);
    }

    /** {@code & | ~}: an integer numeral operand becomes the K operand. */
    private void codeBitwise(BinOp op, ExpDesc e1, ExpDesc e2, int line) {
        boolean flip = false;
        if (e1.kind == ExpKind.KINT) {
            ExpDesc.swap(e1, e2);
            flip = true;
        }
        if (e2.kind == ExpKind.KINT && gen.exp2K(e2)) codeConstant(op, e1, e2, flip, line);
        else codeRegistersInOrder(op, e1, e2, flip, line);
    }

    /** {@code <<}: SHLI for a small left numeral, SHRI by the negated amount, else SHL. */
    private void codeShiftLeft(ExpDesc e1, ExpDesc e2, int line) {
        if (CodeGen.isSCint(e1)) {
            ExpDesc.swap(e1, e2);
            codeImmediate(OpCode.SHLI, e1, e2, false, line);
        } else if (!codeNegatedShift(e1, e2, line)) {
            codeRegisters(BinOp.SHL, e1, e2, line);
        }
    }

    /**
     * {@code <} and {@code <=} (operands already swapped for > and >=). As in Lua, the float
     * flag (C) is set once an operand examined for an immediate is an integral float, even if
     * that operand is then not used as the immediate.
     */
    private void codeOrder(BinOp op, ExpDesc e1, ExpDesc e2) {
        boolean lt = op == BinOp.LT;
        int isFloat = CodeGen.isIntegralFloat(e2) ? 1 : 0;
        int r1;
        int r2;
        int opcode;
        if ((r2 = CodeGen.scNumber(e2)) >= 0) {
            r1 = gen.exp2anyreg(e1);
            opcode = lt ? OpCode.LTI : OpCode.LEI;
        } else if ((r2 = CodeGen.scNumber(e1)) >= 0) {
            isFloat |= CodeGen.isIntegralFloat(e1) ? 1 : 0;
            r1 = gen.exp2anyreg(e2);
            opcode = lt ? OpCode.GTI : OpCode.GEI;
        } else {
            isFloat |= CodeGen.isIntegralFloat(e1) ? 1 : 0;
            r1 = gen.exp2anyreg(e1);
            r2 = gen.exp2anyreg(e2);
            opcode = lt ? OpCode.LT : OpCode.LE;
        }
        gen.freeExps(e1, e2);
        e1.info = jumps.condJump(opcode, r1, r2, isFloat, 1);
        e1.kind = ExpKind.JMP;
    }

    /** {@code ==} and {@code ~=}; {@code e1} is already a register or a K/numeral. */
    private void codeEquality(BinOp op, ExpDesc e1, ExpDesc e2) {
        if (e1.kind != ExpKind.NONRELOC) ExpDesc.swap(e1, e2);
        int r1 = gen.exp2anyreg(e1);
        int isFloat = CodeGen.isIntegralFloat(e2) ? 1 : 0;
        int r2;
        int opcode;
        if ((r2 = CodeGen.scNumber(e2)) >= 0) {
            opcode = OpCode.EQI;
        } else if (gen.exp2RK(e2)) {
            opcode = OpCode.EQK;
            r2 = e2.info;
        } else {
            opcode = OpCode.EQ;
            r2 = gen.exp2anyreg(e2);
        }
        gen.freeExps(e1, e2);
        e1.info = jumps.condJump(opcode, r1, r2, isFloat, op == BinOp.EQ ? 1 : 0);
        e1.kind = ExpKind.JMP;
    }

    /** {@code e1 .. e2}: merged into e2's CONCAT when e2 is itself a concatenation. */
    private void codeConcat(ExpDesc e1, ExpDesc e2, int line) {
        int p = gen.previousInstruction();
        int ie2 = p >= 0 ? fs.instruction(p) : -1;
        if (p >= 0 && Instruction.op(ie2) == OpCode.CONCAT) {
            int n = Instruction.b(ie2);
            gen.freeExp(e2);
            fs.setInstruction(p, CodeGen.setB(CodeGen.setA(ie2, e1.info), n + 1));
        } else {
            gen.codeABC(OpCode.CONCAT, e1.info, 2, 0);
            gen.freeExp(e2);
            fs.fixLine(line);
        }
    }

    /** The position of an arithmetic or bitwise operator in opcode order (ADD SUB MUL MOD POW DIV IDIV BAND BOR BXOR SHL SHR). */
    private static int arithIndex(BinOp op) {
        return switch (op) {
            case ADD -> 0;
            case SUB -> 1;
            case MUL -> 2;
            case MOD -> 3;
            case POW -> 4;
            case DIV -> 5;
            case IDIV -> 6;
            case BAND -> 7;
            case BOR -> 8;
            case BXOR -> 9;
            case SHL -> 10;
            case SHR -> 11;
            default -> throw new IllegalArgumentException(op.symbol);
        };
    }
}
