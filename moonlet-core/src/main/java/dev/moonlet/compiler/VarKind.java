package dev.moonlet.compiler;

/** The kind of a local variable or upvalue, as declared by its attribute. */
enum VarKind {
    /** An ordinary variable. */
    REGULAR,
    /** {@code <const>} whose value is not known at compile time: read-only, in a register. */
    CONST,
    /** {@code <close>}: read-only, in a register, closed when it goes out of scope. */
    TO_CLOSE,
    /** {@code <const>} with a compile-time constant value: no register, uses are replaced by the value. */
    COMPILE_TIME_CONST;

    /** Whether assignments to a variable of this kind are rejected. */
    boolean isReadOnly() {
        return this != REGULAR;
    }
}
