package dev.moonlet.compiler;

import dev.moonlet.value.LuaString;

/**
 * The description of a partly compiled expression (lparser.h {@code expdesc}): its
 * {@link ExpKind} with the fields that kind uses, plus two lists of pending jumps taken when
 * the expression is true ({@code t}) or false ({@code f}). A jump list is the pc of its first
 * JMP, the JMPs chained through their offsets, and {@link JumpLists#NO_JUMP} when empty.
 */
final class ExpDesc {
    ExpKind kind = ExpKind.VOID;
    /** Register, pc, upvalue index or constant index, depending on {@link #kind}. */
    int info;
    /** The value of a {@link ExpKind#KINT}. */
    long ival;
    /** The value of a {@link ExpKind#KFLT}. */
    double nval;
    /** The value of a {@link ExpKind#KSTR}. */
    LuaString strval;
    /** The table (register or upvalue) of an indexed variable. */
    int indT;
    /** The key (register, constant index or integer) of an indexed variable. */
    int indIdx;
    /** The register of a {@link ExpKind#LOCAL}. */
    int ridx;
    /** The variable index (in its function) of a {@link ExpKind#LOCAL}. */
    int vidx;
    /** The variable of a {@link ExpKind#CONST}. */
    VarDesc constVar;
    /** Jumps taken when the expression is true. */
    int t = JumpLists.NO_JUMP;
    /** Jumps taken when the expression is false. */
    int f = JumpLists.NO_JUMP;

    /** Resets this descriptor to {@code kind} with {@code info} and no jumps. */
    ExpDesc init(ExpKind kind, int info) {
        this.kind = kind;
        this.info = info;
        this.t = JumpLists.NO_JUMP;
        this.f = JumpLists.NO_JUMP;
        return this;
    }

    /** Resets this descriptor to an integer numeral. */
    ExpDesc initInt(long value) {
        init(ExpKind.KINT, 0);
        ival = value;
        return this;
    }

    /** Resets this descriptor to a float numeral. */
    ExpDesc initFloat(double value) {
        init(ExpKind.KFLT, 0);
        nval = value;
        return this;
    }

    /** Resets this descriptor to a string literal. */
    ExpDesc initString(LuaString value) {
        init(ExpKind.KSTR, 0);
        strval = value;
        return this;
    }

    /** Whether the expression has pending jumps. */
    boolean hasJumps() {
        return t != f;
    }

    /** Makes this descriptor a copy of {@code o}. */
    void copyFrom(ExpDesc o) {
        kind = o.kind;
        info = o.info;
        ival = o.ival;
        nval = o.nval;
        strval = o.strval;
        indT = o.indT;
        indIdx = o.indIdx;
        ridx = o.ridx;
        vidx = o.vidx;
        constVar = o.constVar;
        t = o.t;
        f = o.f;
    }

    /** A copy of this descriptor. */
    ExpDesc copy() {
        ExpDesc c = new ExpDesc();
        c.copyFrom(this);
        return c;
    }

    /** Exchanges the contents of two descriptors. */
    static void swap(ExpDesc a, ExpDesc b) {
        ExpDesc tmp = a.copy();
        a.copyFrom(b);
        b.copyFrom(tmp);
    }
}
