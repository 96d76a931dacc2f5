package dev.moonlet.compiler;

import static dev.moonlet.compiler.Instruction.MAXARG_AX;
import static dev.moonlet.compiler.Instruction.OFFSET_SJ;

import dev.moonlet.value.LuaError;

/**
 * The jumps of one function under construction and the lists they form (the jump half of
 * lcode.c). A jump list is the pc of its first JMP; each pending JMP holds the offset to the
 * next JMP of its list, and {@code -1} ({@link #NO_JUMP}, a jump to itself) ends the list. A
 * JMP that follows a test instruction (comparison, TEST, TESTSET) is controlled by it; when a
 * list is patched, a TESTSET whose value is not wanted becomes a TEST.
 */
final class JumpLists {
    /** The empty jump list. */
    static final int NO_JUMP = -1;
    /** "No register" when patching TESTSETs. */
    static final int NO_REG = Instruction.MAXARG_A;
    /** Largest value of sJ. */
    private static final int MAX_SJ = MAXARG_AX - OFFSET_SJ;

    private final FunctionState fs;

    JumpLists(FunctionState fs) {
        this.fs = fs;
    }

    /** Whether {@code op} is a test followed by a jump (testTMode). */
    static boolean isTest(int op) {
        return (op >= OpCode.EQ && op <= OpCode.GEI) || op == OpCode.TEST || op == OpCode.TESTSET;
    }

    private static int setSJ(int i, int sj) {
        return (i & 0x7F) | ((sj + OFFSET_SJ) << 7);
    }

    /** Emits a JMP to be patched; returns its pc (a one-element jump list). */
    int jump() {
        return fs.emit(Instruction.makeSJ(OpCode.JMP, NO_JUMP));
    }

    /** Emits a JMP to {@code target} (already emitted). */
    void jumpTo(int target) {
        patchList(jump(), target);
    }

    /** Emits a test or comparison and the JMP it controls; returns the JMP's pc. */
    int condJump(int op, int a, int b, int c, int k) {
        fs.emit(Instruction.makeABC(op, a, b, c, k));
        return jump();
    }

    /** The current pc, marked as a jump target. */
    int getLabel() {
        fs.lastTarget = fs.pc;
        return fs.pc;
    }

    private int getJump(int pc) {
        int offset = Instruction.sj(fs.instruction(pc));
        return offset == NO_JUMP ? NO_JUMP : pc + 1 + offset;
    }

    private void fixJump(int pc, int dest) {
        int offset = dest - (pc + 1);
        if (offset < -OFFSET_SJ || offset > MAX_SJ) throw tooLong(fs.line, fs.near);
        fs.setInstruction(pc, setSJ(fs.instruction(pc), offset));
    }

    /** The error for a jump too far for its instruction, found at {@code line} near {@code near}. */
    LuaError tooLong(int line, String near) {
        return CompileError.syntax(fs.source, line, near, "control structure too long");
    }

    /** The list {@code l1} followed by {@code l2}. */
    int concat(int l1, int l2) {
        if (l2 == NO_JUMP) return l1;
        if (l1 == NO_JUMP) return l2;
        int list = l1;
        for (int next; (next = getJump(list)) != NO_JUMP; ) list = next;
        fixJump(list, l2);
        return l1;
    }

    /** The pc of the instruction controlling the jump at {@code pc} (itself if unconditional). */
    int jumpControl(int pc) {
        if (pc >= 1 && isTest(Instruction.op(fs.instruction(pc - 1)))) return pc - 1;
        return pc;
    }

    /**
     * If the jump at {@code node} is controlled by a TESTSET, makes it set {@code reg} (or
     * become a TEST when there is no register or the value is already there) and returns true.
     */
    private boolean patchTestReg(int node, int reg) {
        int p = jumpControl(node);
        int i = fs.instruction(p);
        if (Instruction.op(i) != OpCode.TESTSET) return false;
        if (reg != NO_REG && reg != Instruction.b(i)) {
            fs.setInstruction(p, CodeGen.setA(i, reg));
        } else {
            fs.setInstruction(p, Instruction.makeABC(OpCode.TEST, Instruction.b(i), 0, 0, Instruction.k(i)));
        }
        return true;
    }

    /** Makes the tests of {@code list} produce no value. */
    void removeValues(int list) {
        for (; list != NO_JUMP; list = getJump(list)) patchTestReg(list, NO_REG);
    }

    /** Whether some jump in {@code list} is not a TESTSET, so it needs a boolean loaded. */
    boolean needValue(int list) {
        for (; list != NO_JUMP; list = getJump(list)) {
            if (Instruction.op(fs.instruction(jumpControl(list))) != OpCode.TESTSET) return true;
        }
        return false;
    }

    /**
     * Patches {@code list}: value-producing tests jump to {@code vtarget} with their value in
     * {@code reg}, the others to {@code dtarget}.
     */
    void patchListAux(int list, int vtarget, int reg, int dtarget) {
        while (list != NO_JUMP) {
            int next = getJump(list);
            if (patchTestReg(list, reg)) fixJump(list, vtarget);
            else fixJump(list, dtarget);
            list = next;
        }
    }

    /** Makes every jump of {@code list} go to {@code target}. */
    void patchList(int list, int target) {
        patchListAux(list, target, NO_REG, target);
    }

    /** Makes every jump of {@code list} go to the next instruction. */
    void patchToHere(int list) {
        patchList(list, getLabel());
    }

    /** Makes the JMP at {@code pc} go straight to the end of the chain of jumps it starts. */
    void skipJumpsToJumps(int pc) {
        fixJump(pc, finalTarget(pc));
    }

    private int finalTarget(int pc) {
        for (int count = 0; count < 100; count++) {
            int i = fs.instruction(pc);
            if (Instruction.op(i) != OpCode.JMP) break;
            pc += Instruction.sj(i) + 1;
        }
        return pc;
    }
}
