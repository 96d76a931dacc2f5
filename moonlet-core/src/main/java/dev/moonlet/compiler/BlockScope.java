package dev.moonlet.compiler;

/**
 * An open block of the function being compiled (lparser.c {@code BlockCnt}): where its locals,
 * labels and pending gotos begin, and whether leaving it must close upvalues or to-be-closed
 * variables.
 */
final class BlockScope {
    final BlockScope previous;
    /** Index of the first label of this block in the function's label list. */
    final int firstLabel;
    /** Index of the first pending goto of this block in the function's goto list. */
    final int firstGoto;
    /** Number of active locals outside the block. */
    final int nactvar;
    /** Whether the block is a loop (so {@code break} may leave it). */
    final boolean isLoop;
    /** Whether some local of the block is captured as an upvalue or is to be closed. */
    boolean upval;
    /** Whether the block is inside the scope of a to-be-closed variable. */
    boolean insideTbc;

    BlockScope(BlockScope previous, int firstLabel, int firstGoto, int nactvar, boolean isLoop) {
        this.previous = previous;
        this.firstLabel = firstLabel;
        this.firstGoto = firstGoto;
        this.nactvar = nactvar;
        this.isLoop = isLoop;
        this.insideTbc = previous != null && previous.insideTbc;
    }
}
