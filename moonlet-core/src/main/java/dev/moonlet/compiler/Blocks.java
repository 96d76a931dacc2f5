package dev.moonlet.compiler;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.util.ArrayList;
import java.util.List;

/**
 * The open blocks of one function with their labels and pending gotos (the block and goto
 * machinery of lparser.c). A goto whose label is not yet known stays pending in the list until
 * a label with its name is declared in an enclosing block; when a block closes, its pending
 * gotos move out to the enclosing block, remembering whether they left the scope of a variable
 * that must be closed. A {@code break} is a goto to the label "break" that each loop declares
 * when it closes.
 */
final class Blocks {
    /** The name of the label that ends each loop. */
    static final LuaString BREAK = LuaString.of("break");

    private final FunctionState fs;
    /** The innermost open block. */
    BlockScope current;
    private final List<LabelDesc> labels = new ArrayList<>();
    private final List<LabelDesc> gotos = new ArrayList<>();

    Blocks(FunctionState fs) {
        this.fs = fs;
    }

    /** Opens a block; {@code isLoop} if {@code break} may leave it. */
    void enter(boolean isLoop) {
        current = new BlockScope(current, labels.size(), gotos.size(), fs.nactvar, isLoop);
    }

    /**
     * Closes the current block: ends its locals' scope, resolves its breaks, closes captured
     * variables, and passes its pending gotos to the enclosing block. Closing the function's
     * outermost block reports a goto still pending as an error at {@code errorLine}.
     */
    void leave(int errorLine) {
        BlockScope bl = current;
        int stackLevel = fs.regLevel(bl.nactvar);
        fs.removeVars(bl.nactvar);
        boolean hasClose = bl.isLoop && createLabel(BREAK, 0, false, errorLine);
        if (!hasClose && bl.previous != null && bl.upval) {
            fs.gen.codeABC(OpCode.CLOSE, stackLevel, 0, 0);
        }
        fs.freereg = stackLevel;
        truncate(labels, bl.firstLabel);
        current = bl.previous;
        if (bl.previous != null) {
            moveGotosOut(bl);
        } else if (bl.firstGoto < gotos.size()) {
            throw undefinedGoto(gotos.get(bl.firstGoto), errorLine);
        }
    }

    /**
     * Declares label {@code name} here and resolves the pending gotos to it; {@code last} if
     * nothing but no-op statements follow it in its block (its locals are then out of scope).
     * Returns whether it emitted a CLOSE for gotos leaving the scope of captured variables.
     */
    boolean createLabel(LuaString name, int line, boolean last, int errorLine) {
        LabelDesc label = new LabelDesc(name, fs.jumps.getLabel(), line, fs.nactvar);
        labels.add(label);
        if (last) label.nactvar = current.nactvar;
        if (solveGotos(label, errorLine)) {
            fs.gen.codeABC(OpCode.CLOSE, fs.nvarstack(), 0, 0);
            return true;
        }
        return false;
    }

    /** The visible label {@code name} of this function, or null. */
    LabelDesc findLabel(LuaString name) {
        for (LabelDesc l : labels) {
            if (l.name.equals(name)) return l;
        }
        return null;
    }

    /** Records a pending goto (or break) whose JMP is at {@code pc}. */
    void addGoto(LuaString name, int line, int pc) {
        gotos.add(new LabelDesc(name, pc, line, fs.nactvar));
    }

    private boolean solveGotos(LabelDesc label, int errorLine) {
        boolean needsClose = false;
        int i = current.firstGoto;
        while (i < gotos.size()) {
            LabelDesc gt = gotos.get(i);
            if (gt.name.equals(label.name)) {
                needsClose |= gt.close;
                solveGoto(i, label, errorLine);
            } else {
                i++;
            }
        }
        return needsClose;
    }

    private void solveGoto(int index, LabelDesc label, int errorLine) {
        LabelDesc gt = gotos.get(index);
        if (gt.nactvar < label.nactvar) {
            LuaString var = fs.varDesc(gt.nactvar).name;
            throw fs.semanticError(errorLine, "<goto ", gt.name, "> at line ", gt.line,
                    " jumps into the scope of local '", var, "'");
        }
        fs.jumps.patchList(gt.pc, label.pc);
        gotos.remove(index);
    }

    private void moveGotosOut(BlockScope bl) {
        int outerLevel = fs.regLevel(bl.nactvar);
        for (int i = bl.firstGoto; i < gotos.size(); i++) {
            LabelDesc gt = gotos.get(i);
            if (fs.regLevel(gt.nactvar) > outerLevel) gt.close |= bl.upval;
            gt.nactvar = bl.nactvar;
        }
    }

    private LuaError undefinedGoto(LabelDesc gt, int errorLine) {
        if (gt.name.equals(BREAK)) {
            return fs.semanticError(errorLine, "break outside loop at line ", gt.line);
        }
        return fs.semanticError(errorLine, "no visible label '", gt.name, "' for <goto> at line ", gt.line);
    }

    private static void truncate(List<?> list, int size) {
        list.subList(size, list.size()).clear();
    }
}
