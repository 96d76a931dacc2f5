package dev.moonlet.compiler;

import dev.moonlet.value.LuaString;

/**
 * A label, or a pending {@code goto} / {@code break} waiting for its label (lparser.h
 * {@code Labeldesc}). A {@code break} is a goto to the label "break" that every loop defines
 * at its end.
 */
final class LabelDesc {
    final LuaString name;
    /** For a label, its position; for a goto, the pc of its JMP. */
    final int pc;
    /** The source line of the label or goto. */
    final int line;
    /** Number of active locals at that position. */
    int nactvar;
    /** For a goto: whether the jump leaves the scope of a variable that needs closing. */
    boolean close;

    LabelDesc(LuaString name, int pc, int line, int nactvar) {
        this.name = name;
        this.pc = pc;
        this.line = line;
        this.nactvar = nactvar;
    }
}
