package dev.moonlet.compiler;

import dev.moonlet.syntax.Expr;
import dev.moonlet.syntax.Expr.TableField;
import dev.moonlet.value.LuaString;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles expressions into {@link ExpDesc}s (the expression rules of lparser.c): variables
 * resolved to locals, upvalues or fields of {@code _ENV}, calls, table constructors, function
 * constructors, and operators through {@link Operators}.
 *
 * <p>Before compiling a node it sets the function's current line to the line of the token
 * Lua's parser would have read last, so instructions get the lines {@code luac} gives them.
 */
final class ExpressionCompiler {
    /** The name of the environment variable through which globals are accessed. */
    static final LuaString ENV = LuaString.of("_ENV");

    private final Compiler compiler;
    /**
     * The token after the expression being compiled, or null: a name that overflows the
     * upvalue limit is reported "near" it, and a function whose gotos have no label at its
     * line.
     */
    private NextToken follow;

    ExpressionCompiler(Compiler compiler) {
        this.compiler = compiler;
    }

    private FunctionState fs() {
        return compiler.fs;
    }

    /** Compiles {@code e}, followed by token {@code after}, into {@code v}. */
    void expr(Expr e, ExpDesc v, NextToken after) {
        NextToken saved = follow;
        follow = after;
        expr(e, v);
        follow = saved;
    }

    /** As {@link #suffixed(Expr, ExpDesc)}, {@code e} followed by token {@code after}. */
    void suffixed(Expr e, ExpDesc v, NextToken after) {
        NextToken saved = follow;
        follow = after;
        suffixed(e, v);
        follow = saved;
    }

    /** Compiles {@code e} into {@code v}; the token after it is the enclosing one's. */
    private void expr(Expr e, ExpDesc v) {
        FunctionState fs = fs();
        if (e instanceof Expr.Nil) {
            constant(v, ExpKind.NIL, e.line());
        } else if (e instanceof Expr.True) {
            constant(v, ExpKind.TRUE, e.line());
        } else if (e instanceof Expr.False) {
            constant(v, ExpKind.FALSE, e.line());
        } else if (e instanceof Expr.Int i) {
            fs.line = i.line();
            v.initInt(i.value());
        } else if (e instanceof Expr.Flt f) {
            fs.line = f.line();
            v.initFloat(f.value());
        } else if (e instanceof Expr.Str s) {
            fs.line = s.line();
            v.initString(s.value());
        } else if (e instanceof Expr.Vararg va) {
            fs.line = va.precedingLine();
            v.init(ExpKind.VARARG, fs.gen.codeABC(OpCode.VARARG, 0, 0, 1));
            fs.line = va.line();
        } else if (e instanceof Expr.Function f) {
            // Lua reports a goto without label at the token after the 'end'.
            boolean known = follow != null && follow.line() > 0;
            compiler.functionBody(f.body(), v, known ? follow.line() : f.body().endLine());
        } else if (e instanceof Expr.Table t) {
            constructor(t, v);
        } else if (e instanceof Expr.Binary b) {
            binary(b, v);
        } else if (e instanceof Expr.Unary u) {
            fs.line = u.line();
            expr(u.operand(), v);
            fs.ops.prefix(u.op(), v, u.line());
        } else {
            suffixed(e, v);
        }
    }

    private void constant(ExpDesc v, ExpKind kind, int line) {
        fs().line = line;
        v.init(kind, 0);
    }

    /**
     * Compiles a binary expression. A chain of left-associative operators ({@code a + b + c})
     * nests on the left as deep as it is long, so it is compiled in a loop, in the order Lua's
     * parser reads it, rather than by recursion.
     */
    private void binary(Expr.Binary b, ExpDesc v) {
        FunctionState fs = fs();
        List<Expr.Binary> spine = new ArrayList<>(); // outermost first
        Expr e = b;
        while (e instanceof Expr.Binary x) {
            spine.add(x);
            e = x.left();
        }
        NextToken after = follow;
        expr(e, v, NextToken.symbol(spine.get(spine.size() - 1).op().symbol));
        for (int i = spine.size() - 1; i >= 0; i--) {
            Expr.Binary x = spine.get(i);
            fs.line = x.line();
            fs.ops.infix(x.op(), v);
            ExpDesc v2 = new ExpDesc();
            expr(x.right(), v2, i > 0 ? NextToken.symbol(spine.get(i - 1).op().symbol) : after);
            fs.ops.postfix(x.op(), v, v2, x.line());
        }
    }

    /**
     * Compiles a prefix or suffixed expression: a name or a parenthesized expression followed
     * by indexings and calls. The result of an indexing is left as an indexed variable, so it
     * can be assigned to. The suffixes nest as deep as the chain is long, so they are applied
     * in a loop.
     */
    private void suffixed(Expr e, ExpDesc v) {
        List<Expr> suffixes = new ArrayList<>(); // outermost first
        Expr primary = e;
        while (true) {
            Expr inner;
            if (primary instanceof Expr.Index ix) inner = ix.object();
            else if (primary instanceof Expr.Call c) inner = c.function();
            else if (primary instanceof Expr.MethodCall m) inner = m.object();
            else break;
            suffixes.add(primary);
            primary = inner;
        }
        primary(primary, v, suffixes.isEmpty() ? follow : opening(suffixes.get(suffixes.size() - 1)));
        for (int i = suffixes.size() - 1; i >= 0; i--) suffix(suffixes.get(i), v);
    }

    /** The token that opens suffix {@code s}. */
    private static NextToken opening(Expr s) {
        if (s instanceof Expr.Index ix) return NextToken.symbol(ix.key() instanceof Expr.Str ? "." : "[");
        return NextToken.symbol(s instanceof Expr.MethodCall ? ":" : "(");
    }

    /** A name, a parenthesized expression, or (not a prefix expression) any other. */
    private void primary(Expr e, ExpDesc v, NextToken after) {
        FunctionState fs = fs();
        if (e instanceof Expr.Name n) {
            fs.line = n.line();
            singleVar(n.name(), v, n.line(), after == null ? null : after.text());
        } else if (e instanceof Expr.Paren p) {
            expr(p.inner(), v, NextToken.quoted(p.endLine(), ")"));
            fs.line = p.endLine();
            fs.gen.dischargeVars(v);
        } else {
            expr(e, v, after);
        }
    }

    /** Applies an indexing or call {@code s} to the prefix expression in {@code v}. */
    private void suffix(Expr s, ExpDesc v) {
        FunctionState fs = fs();
        if (s instanceof Expr.Index ix) {
            fs.gen.exp2anyregup(v);
            ExpDesc key = new ExpDesc();
            if (ix.key() instanceof Expr.Str str) {
                key.initString(str.value());
            } else {
                expr(ix.key(), key, NextToken.symbol("]"));
                fs.gen.exp2val(key);
            }
            fs.line = ix.line();
            fs.gen.indexed(v, key);
        } else if (s instanceof Expr.Call c) {
            fs.gen.exp2nextreg(v);
            callArgs(v, c.args(), c.line(), c.endLine());
        } else {
            Expr.MethodCall m = (Expr.MethodCall) s;
            fs.line = m.nameLine();
            fs.gen.self(v, new ExpDesc().initString(m.name()));
            callArgs(v, m.args(), m.line(), m.endLine());
        }
    }

    /**
     * Compiles the expression list {@code list} (not empty), followed by token {@code after}:
     * all but the last into consecutive registers, the last left in {@code v}. Returns the
     * number of expressions.
     */
    int exprList(List<Expr> list, ExpDesc v, NextToken after) {
        FunctionState fs = fs();
        expr(list.get(0), v, list.size() > 1 ? NextToken.symbol(",") : after);
        for (int i = 1; i < list.size(); i++) {
            // Lua puts the previous value in its register after reading the ','.
            fs.near = NextToken.startOf(list.get(i)).text();
            fs.gen.exp2nextreg(v);
            fs.near = null;
            expr(list.get(i), v, i + 1 < list.size() ? NextToken.symbol(",") : after);
        }
        return list.size();
    }

    /** Compiles {@code e}, followed by token {@code after}, into the next free register. */
    void exprToNextReg(Expr e, NextToken after) {
        ExpDesc v = new ExpDesc();
        expr(e, v, after);
        fs().gen.exp2nextreg(v);
    }

    /**
     * Emits the CALL of function {@code f} (in the next register) with {@code args}, on
     * {@code line}; the arguments end on {@code endLine}.
     */
    private void callArgs(ExpDesc f, List<Expr> args, int line, int endLine) {
        FunctionState fs = fs();
        ExpDesc a = new ExpDesc();
        if (!args.isEmpty()) {
            exprList(args, a, NextToken.symbol(")"));
            if (a.kind.hasMultipleResults()) fs.gen.setMultRet(a);
        }
        fs.line = endLine;
        int base = f.info;
        int nparams;
        if (a.kind.hasMultipleResults()) {
            nparams = CodeGen.MULTRET;
        } else {
            if (a.kind != ExpKind.VOID) fs.gen.exp2nextreg(a);
            nparams = fs.freereg - (base + 1);
        }
        f.init(ExpKind.CALL, fs.gen.codeABC(OpCode.CALL, base, nparams + 1, 2));
        fs.fixLine(line);
        fs.freereg = base + 1;
    }

    // ---------------------------------------------------------------- variables

    /**
     * Resolves {@code name} as a local, an upvalue, or a global ({@code _ENV[name]});
     * {@code line} and {@code near} locate the error if that needs too many upvalues.
     */
    private void singleVar(LuaString name, ExpDesc var, int line, String near) {
        FunctionState fs = fs();
        singleVarAux(fs, name, var, true, line, near);
        if (var.kind == ExpKind.VOID) {
            singleVarAux(fs, ENV, var, true, line, near);
            assert var.kind != ExpKind.VOID : "_ENV must resolve";
            fs.gen.exp2anyregup(var);
            ExpDesc key = new ExpDesc().initString(name);
            fs.gen.indexed(var, key);
        }
    }

    /**
     * Looks {@code name} up in {@code fs} and, failing that, in the enclosing functions,
     * creating upvalues in every function between the one that declares it and this one.
     * {@code base} is false when looking on behalf of an inner function (a local found is
     * then captured). Leaves {@code var} VOID for a global.
     */
    private void singleVarAux(FunctionState fs, LuaString name, ExpDesc var, boolean base,
            int line, String near) {
        if (fs == null) {
            var.init(ExpKind.VOID, 0);
            return;
        }
        if (fs.searchVar(name, var)) {
            if (var.kind == ExpKind.LOCAL && !base) fs.markUpval(var.vidx);
            return;
        }
        int idx = fs.searchUpvalue(name);
        if (idx < 0) {
            singleVarAux(fs.prev, name, var, false, line, near);
            if (var.kind != ExpKind.LOCAL && var.kind != ExpKind.UPVAL) return;
            idx = newUpvalue(fs, name, var, line, near);
        }
        var.init(ExpKind.UPVAL, idx);
    }

    private static int newUpvalue(FunctionState fs, LuaString name, ExpDesc v, int line, String near) {
        FunctionState prev = fs.prev;
        if (v.kind == ExpKind.LOCAL) {
            return fs.addUpvalue(name, true, v.ridx, prev.varDesc(v.vidx).kind, line, near);
        }
        return fs.addUpvalue(name, false, v.info, prev.upvalueKind(v.info), line, near);
    }

    // ---------------------------------------------------------------- table constructors

    /** The state of a table constructor being compiled. */
    private static final class Constructor {
        /** The table (in a register). */
        final ExpDesc table;
        /** The last list item read, not yet in its register. */
        final ExpDesc last = new ExpDesc();
        /** Number of record (hash) fields. */
        int hashCount;
        /** Number of list items already stored. */
        int arrayCount;
        /** Number of list items waiting in registers. */
        int pending;

        Constructor(ExpDesc table) {
            this.table = table;
        }
    }

    private void constructor(Expr.Table t, ExpDesc v) {
        FunctionState fs = fs();
        fs.line = t.precedingLine();
        int pc = fs.gen.codeABC(OpCode.NEWTABLE, 0, 0, 0);
        fs.emit(0); // room for the EXTRAARG that setTableSize fills in
        Constructor cc = new Constructor(v);
        v.init(ExpKind.NONRELOC, fs.freereg);
        fs.gen.reserveRegs(1);
        fs.line = t.line();
        for (TableField field : t.fields()) {
            closeListField(cc);
            if (field instanceof TableField.Positional p) {
                expr(p.value(), cc.last, null);
                cc.pending++;
            } else {
                recordField(cc, field);
            }
        }
        fs.line = t.endLine();
        lastListField(cc);
        fs.gen.setTableSize(pc, v.info, cc.arrayCount, cc.hashCount);
    }

    /** Compiles {@code name = value} or {@code [key] = value} into the table. */
    private void recordField(Constructor cc, TableField field) {
        FunctionState fs = fs();
        int reg = fs.freereg;
        fs.line = field.line();
        ExpDesc key = new ExpDesc();
        Expr value;
        if (field instanceof TableField.Named n) {
            key.initString(n.name());
            value = n.value();
        } else {
            TableField.Keyed k = (TableField.Keyed) field;
            expr(k.key(), key, NextToken.symbol("]"));
            fs.gen.exp2val(key);
            value = k.value();
        }
        cc.hashCount++;
        ExpDesc tab = cc.table.copy();
        fs.gen.indexed(tab, key);
        ExpDesc val = new ExpDesc();
        expr(value, val, null);
        fs.gen.storeVar(tab, val);
        fs.freereg = reg;
    }

    /** Puts the last list item in its register, flushing a full batch with SETLIST. */
    private void closeListField(Constructor cc) {
        if (cc.last.kind == ExpKind.VOID) return;
        FunctionState fs = fs();
        fs.gen.exp2nextreg(cc.last);
        cc.last.kind = ExpKind.VOID;
        if (cc.pending == CodeGen.FIELDS_PER_FLUSH) {
            fs.gen.setList(cc.table.info, cc.arrayCount, cc.pending);
            cc.arrayCount += cc.pending;
            cc.pending = 0;
        }
    }

    /** Stores the pending list items; a multi-valued last item stores all its values. */
    private void lastListField(Constructor cc) {
        if (cc.pending == 0) return;
        CodeGen gen = fs().gen;
        if (cc.last.kind.hasMultipleResults()) {
            gen.setMultRet(cc.last);
            gen.setList(cc.table.info, cc.arrayCount, CodeGen.MULTRET);
            cc.arrayCount--;
        } else {
            if (cc.last.kind != ExpKind.VOID) gen.exp2nextreg(cc.last);
            gen.setList(cc.table.info, cc.arrayCount, cc.pending);
        }
        cc.arrayCount += cc.pending;
    }
}
