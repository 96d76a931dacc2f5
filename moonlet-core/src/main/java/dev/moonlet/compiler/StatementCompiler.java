package dev.moonlet.compiler;

import dev.moonlet.syntax.Block;
import dev.moonlet.syntax.Expr;
import dev.moonlet.syntax.Stat;
import dev.moonlet.value.LuaString;
import java.util.List;

/**
 * Compiles statements and blocks (the statement rules of lparser.c): assignments, local
 * declarations with their attributes, control structures, loops, returns, gotos and labels.
 */
final class StatementCompiler {
    /** The name of the hidden control variables of {@code for} loops. */
    private static final LuaString FOR_STATE = LuaString.of("(for state)");

    private final Compiler compiler;

    StatementCompiler(Compiler compiler) {
        this.compiler = compiler;
    }

    private FunctionState fs() {
        return compiler.fs;
    }

    private ExpressionCompiler exprs() {
        return compiler.exprs;
    }

    // ---------------------------------------------------------------- blocks

    /** Compiles {@code b} in a block of its own; {@code end} is the token that ends it. */
    private void block(Block b, NextToken end) {
        FunctionState fs = fs();
        fs.blocks.enter(false);
        statList(b, end);
        fs.blocks.leave(end.line());
    }

    /**
     * Compiles the statements of {@code b} in the current block; {@code end} is the token that
     * ends the block. A run of labels is declared innermost first, as Lua's parser does.
     */
    void statList(Block b, NextToken end) {
        List<Stat> list = b.stats();
        int i = 0;
        while (i < list.size()) {
            if (list.get(i) instanceof Stat.Label) {
                int j = i;
                while (j < list.size() && list.get(j) instanceof Stat.Label) j++;
                boolean last = j == list.size() && !end.text().equals("'until'");
                labels(list.subList(i, j), last, next(list, j, end));
                i = j;
            } else {
                statement(list.get(i), next(list, i + 1, end));
                i++;
            }
            fs().freereg = fs().nvarstack();
        }
    }

    /** The token after statement {@code index - 1} of {@code list}. */
    private static NextToken next(List<Stat> list, int index, NextToken end) {
        return index < list.size() ? NextToken.startOf(list.get(index)) : end;
    }

    private void statement(Stat s, NextToken next) {
        FunctionState fs = fs();
        if (s instanceof Stat.Local l) {
            fs.line = l.values().isEmpty() ? l.line() : NextToken.firstLine(l.values().get(0));
            local(l, next);
        } else if (s instanceof Stat.Assign a) {
            assignment(a, next);
        } else if (s instanceof Stat.CallStat c) {
            ExpDesc v = new ExpDesc();
            exprs().suffixed(c.call(), v, next);
            fs.setInstruction(v.info, CodeGen.setC(fs.instruction(v.info), 1));
        } else if (s instanceof Stat.Do d) {
            fs.line = d.line();
            block(d.body(), NextToken.quoted(d.body().endLine(), "end"));
        } else if (s instanceof Stat.While w) {
            whileStat(w);
        } else if (s instanceof Stat.Repeat r) {
            repeatStat(r);
        } else if (s instanceof Stat.If i) {
            ifStat(i);
        } else if (s instanceof Stat.NumericFor f) {
            numericFor(f);
        } else if (s instanceof Stat.GenericFor f) {
            genericFor(f);
        } else if (s instanceof Stat.FunctionStat f) {
            functionStat(f, next);
        } else if (s instanceof Stat.LocalFunction f) {
            localFunction(f, next);
        } else if (s instanceof Stat.Return r) {
            returnStat(r, next);
        } else if (s instanceof Stat.Break b) {
            fs.line = b.line();
            fs.blocks.addGoto(Blocks.BREAK, b.line(), fs.jumps.jump());
        } else if (s instanceof Stat.Goto g) {
            gotoStat(g);
        } else {
            throw new IllegalArgumentException("unexpected statement " + s);
        }
        int endLine = endLine(s);
        if (endLine > 0) fs.line = endLine;
    }

    /** The line of the {@code end} that closes compound statement {@code s}, or 0. */
    private static int endLine(Stat s) {
        if (s instanceof Stat.Do d) return d.body().endLine();
        if (s instanceof Stat.While w) return w.body().endLine();
        if (s instanceof Stat.NumericFor f) return f.body().endLine();
        if (s instanceof Stat.GenericFor f) return f.body().endLine();
        if (s instanceof Stat.If i) {
            return i.orElse() != null ? i.orElse().endLine() : i.blocks().get(i.blocks().size() - 1).endLine();
        }
        return 0;
    }

    // ---------------------------------------------------------------- locals and assignment

    private void local(Stat.Local s, NextToken next) {
        FunctionState fs = fs();
        List<Stat.LocalName> names = s.names();
        int toClose = -1;
        VarDesc last = null;
        for (int i = 0; i < names.size(); i++) {
            Stat.LocalName n = names.get(i);
            last = fs.newLocalVar(n.name());
            last.kind = switch (n.attrib()) {
                case NONE -> VarKind.REGULAR;
                case CONST -> VarKind.CONST;
                case CLOSE -> VarKind.TO_CLOSE;
            };
            if (n.attrib() == Stat.Attrib.CLOSE) toClose = fs.nactvar + i;
        }
        ExpDesc e = new ExpDesc();
        int nexps = s.values().isEmpty() ? 0 : exprs().exprList(s.values(), e, next);
        Object value = names.size() == nexps && last.kind == VarKind.CONST
                ? CodeGen.constantValue(e) : CodeGen.NOT_CONSTANT;
        if (value != CodeGen.NOT_CONSTANT) {
            last.kind = VarKind.COMPILE_TIME_CONST;
            last.value = value;
            fs.adjustLocalVars(names.size() - 1);
            fs.activateCompileTimeConstant();
        } else {
            adjustAssign(names.size(), nexps, e);
            fs.adjustLocalVars(names.size());
        }
        if (toClose != -1) {
            fs.markToBeClosed();
            fs.gen.codeABC(OpCode.TBC, fs.regLevel(toClose), 0, 0);
        }
    }

    /** Adjusts the {@code nexps} values of list {@code e} to {@code nvars} registers. */
    private void adjustAssign(int nvars, int nexps, ExpDesc e) {
        FunctionState fs = fs();
        int needed = nvars - nexps;
        if (e.kind.hasMultipleResults()) {
            fs.gen.setReturns(e, Math.max(needed + 1, 0));
        } else {
            if (e.kind != ExpKind.VOID) fs.gen.exp2nextreg(e);
            if (needed > 0) fs.gen.loadNil(fs.freereg, needed);
        }
        if (needed > 0) fs.gen.reserveRegs(needed);
        else fs.freereg += needed;
    }

    private void assignment(Stat.Assign s, NextToken next) {
        FunctionState fs = fs();
        List<Expr> targets = s.targets();
        ExpDesc[] vars = new ExpDesc[targets.size()];
        for (int i = 0; i < vars.length; i++) {
            vars[i] = new ExpDesc();
            int separatorLine = s.separatorLines().get(i);
            String separator = i + 1 < vars.length ? "," : "=";
            exprs().suffixed(targets.get(i), vars[i], NextToken.quoted(separatorLine, separator));
            if (i > 0 && !vars[i].kind.isIndexed()) checkConflict(vars, i);
            checkReadOnly(vars[i], separatorLine);
        }
        ExpDesc e = new ExpDesc();
        int nexps = exprs().exprList(s.values(), e, next);
        int n = vars.length;
        if (nexps == n) {
            fs.gen.setOneRet(e);
            fs.gen.storeVar(vars[n - 1], e);
        } else {
            adjustAssign(n, nexps, e);
            fs.gen.storeVar(vars[n - 1], new ExpDesc().init(ExpKind.NONRELOC, fs.freereg - 1));
        }
        for (int i = n - 2; i >= 0; i--) {
            fs.gen.storeVar(vars[i], new ExpDesc().init(ExpKind.NONRELOC, fs.freereg - 1));
        }
    }

    /**
     * If local or upvalue {@code vars[i]} is the table or key of an earlier indexed target,
     * copies it to a temporary that the earlier assignment uses instead, so that
     * {@code a[i], i = 1, 2} indexes with the old {@code i}.
     */
    private void checkConflict(ExpDesc[] vars, int i) {
        FunctionState fs = fs();
        ExpDesc v = vars[i];
        int extra = fs.freereg;
        boolean conflict = false;
        for (int j = i - 1; j >= 0; j--) {
            ExpDesc lh = vars[j];
            if (!lh.kind.isIndexed()) continue;
            if (lh.kind == ExpKind.INDEXUP) {
                if (v.kind == ExpKind.UPVAL && lh.indT == v.info) {
                    conflict = true;
                    lh.kind = ExpKind.INDEXSTR;
                    lh.indT = extra;
                }
            } else {
                if (v.kind == ExpKind.LOCAL && lh.indT == v.ridx) {
                    conflict = true;
                    lh.indT = extra;
                }
                if (lh.kind == ExpKind.INDEXED && v.kind == ExpKind.LOCAL && lh.indIdx == v.ridx) {
                    conflict = true;
                    lh.indIdx = extra;
                }
            }
        }
        if (conflict) {
            if (v.kind == ExpKind.LOCAL) fs.gen.codeABC(OpCode.MOVE, extra, v.ridx, 0);
            else fs.gen.codeABC(OpCode.GETUPVAL, extra, v.info, 0);
            fs.gen.reserveRegs(1);
        }
    }

    /** Rejects an assignment to a {@code <const>} or {@code <close>} variable. */
    private void checkReadOnly(ExpDesc e, int line) {
        FunctionState fs = fs();
        LuaString name = switch (e.kind) {
            case CONST -> e.constVar.name;
            case LOCAL -> fs.varDesc(e.vidx).kind.isReadOnly() ? fs.varDesc(e.vidx).name : null;
            case UPVAL -> fs.upvalueKind(e.info).isReadOnly() ? fs.upvalueName(e.info) : null;
            default -> null;
        };
        if (name != null) {
            throw fs.semanticError(line, "attempt to assign to const variable '", name, "'");
        }
    }

    // ---------------------------------------------------------------- functions

    private void functionStat(Stat.FunctionStat s, NextToken next) {
        FunctionState fs = fs();
        fs.line = s.line();
        ExpDesc v = new ExpDesc();
        exprs().suffixed(s.target(), v, NextToken.symbol("("));
        ExpDesc b = new ExpDesc();
        compiler.functionBody(s.body(), b, next.line());
        checkReadOnly(v, next.line());
        fs.gen.storeVar(v, b);
        fs.fixLine(s.line());
    }

    private void localFunction(Stat.LocalFunction s, NextToken next) {
        FunctionState fs = fs();
        fs.line = s.line();
        int fvar = fs.nactvar;
        fs.newLocalVar(s.name());
        fs.adjustLocalVars(1);
        compiler.functionBody(s.body(), new ExpDesc(), next.line());
        fs.startLocalHere(fvar);
    }

    private void returnStat(Stat.Return s, NextToken next) {
        FunctionState fs = fs();
        fs.line = s.line();
        int first = fs.nvarstack();
        int nret = s.values().size();
        if (nret > 0) {
            ExpDesc e = new ExpDesc();
            exprs().exprList(s.values(), e, next);
            if (e.kind.hasMultipleResults()) {
                fs.gen.setMultRet(e);
                if (e.kind == ExpKind.CALL && nret == 1 && !fs.blocks.current.insideTbc) {
                    fs.setInstruction(e.info, CodeGen.setOp(fs.instruction(e.info), OpCode.TAILCALL));
                }
                nret = CodeGen.MULTRET;
            } else if (nret == 1) {
                first = fs.gen.exp2anyreg(e);
            } else {
                fs.gen.exp2nextreg(e);
            }
        }
        fs.gen.ret(first, nret);
    }

    // ---------------------------------------------------------------- control structures

    /** Compiles condition {@code e} to fall through when true; returns its false list. */
    private int cond(Expr e, NextToken after) {
        ExpDesc v = new ExpDesc();
        exprs().expr(e, v, after);
        if (v.kind == ExpKind.NIL) v.kind = ExpKind.FALSE;
        fs().gen.goIfTrue(v);
        return v.f;
    }

    private void ifStat(Stat.If s) {
        FunctionState fs = fs();
        fs.line = s.line();
        int escape = JumpLists.NO_JUMP;
        int n = s.conds().size();
        for (int i = 0; i < n; i++) {
            boolean more = i + 1 < n || s.orElse() != null;
            String endWord = i + 1 < n ? "elseif" : s.orElse() != null ? "else" : "end";
            Block b = s.blocks().get(i);
            escape = testThenBlock(s.conds().get(i), s.thenLines().get(i), b,
                    NextToken.quoted(b.endLine(), endWord), more, escape);
        }
        if (s.orElse() != null) block(s.orElse(), NextToken.quoted(s.orElse().endLine(), "end"));
        fs.jumps.patchToHere(escape);
    }

    /**
     * Compiles {@code if cond then b} (or elseif), with {@code then} on {@code thenLine};
     * {@code more} if an else part follows, which the end of the block must jump over (the
     * jump joins {@code escape}). A block starting with {@code break} jumps out of the loop
     * straight from the test.
     */
    private int testThenBlock(Expr condition, int thenLine, Block b, NextToken end, boolean more,
            int escape) {
        FunctionState fs = fs();
        CodeGen gen = fs.gen;
        JumpLists jumps = fs.jumps;
        ExpDesc v = new ExpDesc();
        exprs().expr(condition, v, NextToken.quoted(thenLine, "then"));
        // Lua tests the condition once it has read the 'then'.
        fs.line = thenLine;
        List<Stat> stats = b.stats();
        int jf;
        Block rest = b;
        if (!stats.isEmpty() && stats.get(0) instanceof Stat.Break br) {
            gen.goIfFalse(v);
            fs.line = br.line();
            fs.blocks.enter(false);
            fs.blocks.addGoto(Blocks.BREAK, br.line(), v.t);
            if (stats.size() == 1) {
                fs.blocks.leave(end.line());
                return escape;
            }
            jf = jumps.jump();
            rest = new Block(stats.subList(1, stats.size()), b.endLine());
        } else {
            gen.goIfTrue(v);
            fs.blocks.enter(false);
            jf = v.f;
        }
        statList(rest, end);
        fs.blocks.leave(end.line());
        if (more) escape = jumps.concat(escape, jumps.jump());
        jumps.patchToHere(jf);
        return escape;
    }

    private void whileStat(Stat.While s) {
        FunctionState fs = fs();
        fs.line = s.line();
        int whileInit = fs.jumps.getLabel();
        // Unlike 'if', Lua tests the condition before it reads the 'do'.
        int condExit = cond(s.cond(), NextToken.quoted(s.doLine(), "do"));
        fs.blocks.enter(true);
        fs.line = s.doLine();
        NextToken end = NextToken.quoted(s.body().endLine(), "end");
        block(s.body(), end);
        fs.jumps.jumpTo(whileInit);
        fs.line = end.line();
        fs.blocks.leave(end.line());
        fs.jumps.patchToHere(condExit);
    }

    private void repeatStat(Stat.Repeat s) {
        FunctionState fs = fs();
        CodeGen gen = fs.gen;
        JumpLists jumps = fs.jumps;
        fs.line = s.line();
        int repeatInit = jumps.getLabel();
        fs.blocks.enter(true);
        fs.blocks.enter(false);
        BlockScope scope = fs.blocks.current;
        NextToken until = NextToken.quoted(s.body().endLine(), "until");
        statList(s.body(), until);
        fs.line = until.line();
        int condExit = cond(s.cond(), null);
        fs.blocks.leave(until.line());
        if (scope.upval) {
            // The loop's locals are captured: repeating must close them first.
            int exit = jumps.jump();
            jumps.patchToHere(condExit);
            gen.codeABC(OpCode.CLOSE, fs.regLevel(scope.nactvar), 0, 0);
            condExit = jumps.jump();
            jumps.patchToHere(exit);
        }
        jumps.patchList(condExit, repeatInit);
        fs.blocks.leave(until.line());
    }

    private void numericFor(Stat.NumericFor s) {
        FunctionState fs = fs();
        fs.line = s.line();
        fs.blocks.enter(true);
        int base = fs.freereg;
        for (int i = 0; i < 3; i++) fs.newLocalVar(FOR_STATE);
        fs.newLocalVar(s.var());
        exprs().exprToNextReg(s.start(), NextToken.symbol(","));
        NextToken doToken = NextToken.quoted(s.doLine(), "do");
        exprs().exprToNextReg(s.limit(), s.step() != null ? NextToken.symbol(",") : doToken);
        if (s.step() != null) {
            exprs().exprToNextReg(s.step(), doToken);
        } else {
            fs.gen.loadInt(fs.freereg, 1);
            fs.gen.reserveRegs(1);
        }
        fs.adjustLocalVars(3);
        forBody(base, s.line(), s.doLine(), 1, false, s.body());
        fs.line = s.body().endLine();
        fs.blocks.leave(s.body().endLine());
    }

    private void genericFor(Stat.GenericFor s) {
        FunctionState fs = fs();
        fs.line = s.line();
        fs.blocks.enter(true);
        int base = fs.freereg;
        List<LuaString> names = s.names();
        for (int i = 0; i < 4; i++) fs.newLocalVar(FOR_STATE);
        for (int i = 0; i < names.size(); i++) {
            fs.newLocalVar(names.get(i));
        }
        int line = NextToken.firstLine(s.exprs().get(0));
        ExpDesc e = new ExpDesc();
        adjustAssign(4, exprs().exprList(s.exprs(), e, NextToken.quoted(s.doLine(), "do")), e);
        fs.adjustLocalVars(4);
        fs.markToBeClosed();
        fs.gen.checkStack(3);
        forBody(base, line, s.doLine(), names.size(), true, s.body());
        fs.line = s.body().endLine();
        fs.blocks.leave(s.body().endLine());
    }

    /**
     * The body of a for loop whose control variables start at {@code base}: the loop is
     * prepared on {@code doLine} and iterates on {@code line}.
     */
    private void forBody(int base, int line, int doLine, int nvars, boolean generic, Block body) {
        FunctionState fs = fs();
        CodeGen gen = fs.gen;
        JumpLists jumps = fs.jumps;
        fs.line = doLine;
        int prep = gen.codeABx(generic ? OpCode.TFORPREP : OpCode.FORPREP, base, 0);
        fs.blocks.enter(false);
        fs.adjustLocalVars(nvars);
        gen.reserveRegs(nvars);
        block(body, NextToken.quoted(body.endLine(), "end"));
        fs.blocks.leave(body.endLine());
        // Lua finds a loop too long once it has read the 'end'.
        NextToken end = NextToken.quoted(body.endLine(), "end");
        fixForJump(prep, jumps.getLabel(), false, end);
        if (generic) {
            gen.codeABC(OpCode.TFORCALL, base, 0, nvars);
            fs.fixLine(line);
        }
        int endFor = gen.codeABx(generic ? OpCode.TFORLOOP : OpCode.FORLOOP, base, 0);
        fixForJump(endFor, prep + 1, true, end);
        fs.fixLine(line);
    }

    private void fixForJump(int pc, int dest, boolean back, NextToken end) {
        FunctionState fs = fs();
        int offset = dest - (pc + 1);
        if (back) offset = -offset;
        if (offset > Instruction.MAXARG_BX) throw fs.jumps.tooLong(end.line(), end.text());
        fs.setInstruction(pc, CodeGen.setBx(fs.instruction(pc), offset));
    }

    // ---------------------------------------------------------------- goto and labels

    private void gotoStat(Stat.Goto s) {
        FunctionState fs = fs();
        fs.line = s.line();
        LabelDesc label = fs.blocks.findLabel(s.label());
        if (label == null) {
            fs.blocks.addGoto(s.label(), s.line(), fs.jumps.jump());
            return;
        }
        // A backward jump: close the variables declared since the label.
        int level = fs.regLevel(label.nactvar);
        if (fs.nvarstack() > level) fs.gen.codeABC(OpCode.CLOSE, level, 0, 0);
        fs.jumps.patchList(fs.jumps.jump(), label.pc);
    }

    /**
     * Declares a run of consecutive labels, the last first (as Lua's parser, which reads the
     * labels that follow a label before declaring it); {@code last} if only the end of the
     * block follows them.
     */
    private void labels(List<Stat> run, boolean last, NextToken next) {
        FunctionState fs = fs();
        for (int i = run.size() - 1; i >= 0; i--) {
            Stat.Label l = (Stat.Label) run.get(i);
            fs.line = run.get(run.size() - 1).line();
            LabelDesc existing = fs.blocks.findLabel(l.name());
            if (existing != null) {
                throw fs.semanticError(next.line(), "label '", l.name(),
                        "' already defined on line ", existing.line);
            }
            fs.blocks.createLabel(l.name(), l.line(), last, next.line());
        }
    }
}
