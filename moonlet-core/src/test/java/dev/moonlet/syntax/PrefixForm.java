package dev.moonlet.syntax;

import dev.moonlet.syntax.Expr.TableField;
import dev.moonlet.value.LuaString;
import java.util.List;

/**
 * Renders a syntax tree in a compact prefix form for tests: {@code 1 + 2 * 3} is
 * {@code (+ 1 (* 2 3))}, a block is {@code [stat stat]}, a string is quoted with {@code \ddd}
 * for bytes that are not printable ASCII. With lines, each node's head gets {@code @line}
 * and each block its end line: {@code (set@1 x@1 =@1 (+@2 1@1 2@2))}. So do the other tokens
 * whose lines a node records ({@code then@2}, {@code do@3}, the ',' and '=' of an
 * assignment, a method's name, the {@code ...} of parameters); calls, parenthesized
 * expressions and tables get the line of their closing token after their ')', and tables and
 * {@code ...} the line of the token before them after a '^': {@code (table@2^1 1@2)@3}.
 */
final class PrefixForm {
    private final StringBuilder out = new StringBuilder();
    private final boolean lines;

    private PrefixForm(boolean lines) {
        this.lines = lines;
    }

    /** The statements of a chunk's main block. */
    static String of(Chunk chunk) {
        PrefixForm f = new PrefixForm(false);
        f.statements(chunk.main().body().stats());
        return f.out.toString();
    }

    /** One expression. */
    static String of(Expr e) {
        PrefixForm f = new PrefixForm(false);
        f.expr(e);
        return f.out.toString();
    }

    /** The statements of a chunk's main block, with lines. */
    static String withLines(Chunk chunk) {
        PrefixForm f = new PrefixForm(true);
        f.statements(chunk.main().body().stats());
        return f.out.toString();
    }

    private PrefixForm open(String head, int line) {
        out.append('(').append(head);
        return at(line);
    }

    private PrefixForm at(int line) {
        if (lines) out.append('@').append(line);
        return this;
    }

    private PrefixForm atom(String text, int line) {
        out.append(text);
        return at(line);
    }

    private void close() {
        out.append(')');
    }

    /** Closes a node that records the line of its closing token. */
    private void close(int endLine) {
        close();
        at(endLine);
    }

    /** {@code ^line} after a node that records the line of the token before it. */
    private void preceding(int line) {
        if (lines) out.append('^').append(line);
    }

    /** A part of a node: its text, and its line if lines are shown. */
    private void part(String text, int line) {
        out.append(' ').append(text);
        at(line);
    }

    /** A keyword that only lines show, for its line: {@code then@2}. */
    private void keyword(String text, int line) {
        if (lines) part(text, line);
    }

    private void statements(List<Stat> stats) {
        for (int i = 0; i < stats.size(); i++) {
            if (i > 0) out.append(' ');
            statement(stats.get(i));
        }
    }

    private void block(Block b) {
        out.append(" [");
        statements(b.stats());
        out.append(']');
        at(b.endLine());
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) {
            out.append(' ');
            expr(e);
        }
    }

    private void statement(Stat s) {
        if (s instanceof Stat.Local) {
            Stat.Local l = (Stat.Local) s;
            open("local", l.line());
            for (Stat.LocalName n : l.names()) {
                out.append(' ').append(n.name());
                if (n.attrib() != Stat.Attrib.NONE) {
                    out.append('<').append(n.attrib().name().toLowerCase()).append('>');
                }
            }
            if (!l.values().isEmpty()) out.append(" =");
            exprs(l.values());
        } else if (s instanceof Stat.Assign) {
            Stat.Assign a = (Stat.Assign) s;
            open("set", a.line());
            for (int i = 0; i < a.targets().size(); i++) {
                if (i > 0) keyword(",", a.separatorLines().get(i - 1));
                exprs(List.of(a.targets().get(i)));
            }
            part("=", a.separatorLines().get(a.targets().size() - 1));
            exprs(a.values());
        } else if (s instanceof Stat.CallStat) {
            expr(((Stat.CallStat) s).call());
            return;
        } else if (s instanceof Stat.Do) {
            open("do", s.line()).block(((Stat.Do) s).body());
        } else if (s instanceof Stat.While) {
            Stat.While w = (Stat.While) s;
            open("while", w.line()).exprs(List.of(w.cond()));
            keyword("do", w.doLine());
            block(w.body());
        } else if (s instanceof Stat.Repeat) {
            Stat.Repeat r = (Stat.Repeat) s;
            open("repeat", r.line()).block(r.body());
            exprs(List.of(r.cond()));
        } else if (s instanceof Stat.If) {
            ifStatement((Stat.If) s);
        } else if (s instanceof Stat.NumericFor) {
            Stat.NumericFor f = (Stat.NumericFor) s;
            open("for", f.line());
            out.append(' ').append(f.var());
            exprs(f.step() == null ? List.of(f.start(), f.limit())
                    : List.of(f.start(), f.limit(), f.step()));
            keyword("do", f.doLine());
            block(f.body());
        } else if (s instanceof Stat.GenericFor) {
            Stat.GenericFor f = (Stat.GenericFor) s;
            open("forin", f.line());
            for (LuaString n : f.names()) out.append(' ').append(n);
            out.append(" in");
            exprs(f.exprs());
            keyword("do", f.doLine());
            block(f.body());
        } else if (s instanceof Stat.FunctionStat) {
            Stat.FunctionStat f = (Stat.FunctionStat) s;
            open("function", f.line()).exprs(List.of(f.target()));
            function(f.body());
        } else if (s instanceof Stat.LocalFunction) {
            Stat.LocalFunction f = (Stat.LocalFunction) s;
            open("local-function", f.line());
            out.append(' ').append(f.name());
            function(f.body());
        } else if (s instanceof Stat.Return) {
            open("return", s.line()).exprs(((Stat.Return) s).values());
        } else if (s instanceof Stat.Break) {
            open("break", s.line());
        } else if (s instanceof Stat.Goto) {
            open("goto", s.line());
            out.append(' ').append(((Stat.Goto) s).label());
        } else if (s instanceof Stat.Label) {
            open("label", s.line());
            out.append(' ').append(((Stat.Label) s).name());
        } else {
            throw new AssertionError(s);
        }
        close();
    }

    private void ifStatement(Stat.If s) {
        open("if", s.line());
        for (int i = 0; i < s.conds().size(); i++) {
            if (i > 0) out.append(" elseif");
            exprs(List.of(s.conds().get(i)));
            keyword("then", s.thenLines().get(i));
            block(s.blocks().get(i));
        }
        if (s.orElse() != null) {
            out.append(" else");
            block(s.orElse());
        }
    }

    /** {@code <line>-<endLine> (params) [body]}. */
    private void function(FunctionBody f) {
        out.append(' ');
        if (lines) out.append(f.line()).append('-').append(f.endLine()).append(' ');
        out.append('(');
        StringBuilder params = new StringBuilder();
        for (LuaString p : f.params()) params.append(' ').append(p);
        if (f.isVararg()) params.append(" ...").append(lines ? "@" + f.varargLine() : "");
        out.append(params.length() > 0 ? params.substring(1) : "").append(')');
        block(f.body());
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Nil) {
            atom("nil", e.line());
        } else if (e instanceof Expr.True) {
            atom("true", e.line());
        } else if (e instanceof Expr.False) {
            atom("false", e.line());
        } else if (e instanceof Expr.Vararg) {
            atom("...", e.line());
            preceding(((Expr.Vararg) e).precedingLine());
        } else if (e instanceof Expr.Int) {
            atom(Long.toString(((Expr.Int) e).value()), e.line());
        } else if (e instanceof Expr.Flt) {
            atom(Double.toString(((Expr.Flt) e).value()), e.line());
        } else if (e instanceof Expr.Str) {
            atom(quote(((Expr.Str) e).value()), e.line());
        } else if (e instanceof Expr.Name) {
            atom(((Expr.Name) e).name().toString(), e.line());
        } else {
            compound(e);
        }
    }

    private void compound(Expr e) {
        if (e instanceof Expr.Function) {
            open("function", e.line()).function(((Expr.Function) e).body());
        } else if (e instanceof Expr.Table) {
            Expr.Table t = (Expr.Table) e;
            open("table", t.line()).preceding(t.precedingLine());
            for (TableField f : t.fields()) field(f);
            close(t.endLine());
            return;
        } else if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            open(b.op().symbol, b.line()).exprs(List.of(b.left(), b.right()));
        } else if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            open(u.op().symbol, u.line()).exprs(List.of(u.operand()));
        } else if (e instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) e;
            open("index", i.line()).exprs(List.of(i.object(), i.key()));
        } else if (e instanceof Expr.Call) {
            Expr.Call c = (Expr.Call) e;
            open("call", c.line()).exprs(List.of(c.function()));
            exprs(c.args());
            close(c.endLine());
            return;
        } else if (e instanceof Expr.MethodCall) {
            Expr.MethodCall m = (Expr.MethodCall) e;
            open("method", m.line()).exprs(List.of(m.object()));
            part(m.name().toString(), m.nameLine());
            exprs(m.args());
            close(m.endLine());
            return;
        } else if (e instanceof Expr.Paren) {
            Expr.Paren p = (Expr.Paren) e;
            open("paren", p.line()).exprs(List.of(p.inner()));
            close(p.endLine());
            return;
        } else {
            throw new AssertionError(e);
        }
        close();
    }

    private void field(TableField f) {
        out.append(' ');
        if (f instanceof TableField.Positional) {
            expr(((TableField.Positional) f).value());
            return;
        }
        if (f instanceof TableField.Named) {
            TableField.Named n = (TableField.Named) f;
            open(n.name().toString(), n.line());
            out.append(" =");
            exprs(List.of(n.value()));
        } else {
            TableField.Keyed k = (TableField.Keyed) f;
            open("[", k.line()).exprs(List.of(k.key()));
            out.append(" ] =");
            exprs(List.of(k.value()));
        }
        close();
    }

    /** {@code "text"}, with printable ASCII as is (but '"' and '\') and other bytes as \ddd. */
    static String quote(LuaString s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            int c = s.byteAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') b.append((char) c);
            else b.append(String.format("\\%03d", c));
        }
        return b.append('"').toString();
    }
}
