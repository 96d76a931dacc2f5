package dev.moonlet.compiler;

/**
 * What an {@link ExpDesc} describes: where the value of a partly compiled expression is, or how
 * to get it. The compiler delays emitting code for an expression until it knows where its value
 * must go, as Lua's code generator does (lparser.h {@code expkind}).
 */
enum ExpKind {
    /** No value: an empty expression list, or the last item of a list already flushed. */
    VOID,
    /** The constant {@code nil}. */
    NIL,
    /** The constant {@code true}. */
    TRUE,
    /** The constant {@code false}. */
    FALSE,
    /** A constant in the constant table; {@code info} is its index. */
    K,
    /** A float numeral; {@code nval} is its value. */
    KFLT,
    /** An integer numeral; {@code ival} is its value. */
    KINT,
    /** A string literal; {@code strval} is its value. */
    KSTR,
    /** A value in a fixed register; {@code info} is the register. */
    NONRELOC,
    /** A local variable in a register; {@code ridx} is the register, {@code vidx} its variable index. */
    LOCAL,
    /** An upvalue; {@code info} is its index. */
    UPVAL,
    /** A compile-time constant local; {@code constVar} is its variable. */
    CONST,
    /** {@code R[indT][R[indIdx]]}. */
    INDEXED,
    /** {@code UpValue[indT][K[indIdx]]}, the key a short string. */
    INDEXUP,
    /** {@code R[indT][indIdx]}, the key an integer 0..255. */
    INDEXI,
    /** {@code R[indT][K[indIdx]]}, the key a short string. */
    INDEXSTR,
    /** A comparison or test; {@code info} is the pc of its jump. */
    JMP,
    /** A value the instruction at pc {@code info} computes into a register still to choose (A). */
    RELOC,
    /** A function call; {@code info} is the pc of its CALL. */
    CALL,
    /** {@code ...}; {@code info} is the pc of its VARARG. */
    VARARG;

    /** Whether the kind is an indexed variable. */
    boolean isIndexed() {
        return this == INDEXED || this == INDEXUP || this == INDEXI || this == INDEXSTR;
    }

    /** Whether an expression of this kind can be assigned to. */
    boolean isVariable() {
        return this == LOCAL || this == UPVAL || this == CONST || isIndexed();
    }

    /** Whether the expression can produce any number of values. */
    boolean hasMultipleResults() {
        return this == CALL || this == VARARG;
    }
}
