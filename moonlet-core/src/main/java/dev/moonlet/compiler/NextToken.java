package dev.moonlet.compiler;

import dev.moonlet.syntax.Expr;
import dev.moonlet.syntax.Stat;

/**
 * A token of the source as far as the AST tells, used to position errors: Lua reports errors
 * found at the end of a construct at the line of the token after it and, for limit errors,
 * names that token ({@code near 'x'}).
 *
 * @param line the token's line, or 0 if unknown
 * @param text the token as Lua's messages show it ({@code 'end'}, {@code 'x'}, {@code <eof>}),
 *     or null when the AST cannot tell (the text of a string or a float numeral)
 */
record NextToken(int line, String text) {
    /** A fixed token or a name, quoted as Lua quotes them: {@code 'end'}. */
    static NextToken quoted(int line, String token) {
        return new NextToken(line, "'" + token + "'");
    }

    /**
     * A fixed token whose line the AST does not record (0): it is taken to be on the line
     * where the construct before it ends.
     */
    static NextToken symbol(String token) {
        return quoted(0, token);
    }

    /** The first token of statement {@code s}. */
    static NextToken startOf(Stat s) {
        String word;
        if (s instanceof Stat.Local || s instanceof Stat.LocalFunction) word = "local";
        else if (s instanceof Stat.If) word = "if";
        else if (s instanceof Stat.While) word = "while";
        else if (s instanceof Stat.Do) word = "do";
        else if (s instanceof Stat.NumericFor || s instanceof Stat.GenericFor) word = "for";
        else if (s instanceof Stat.Repeat) word = "repeat";
        else if (s instanceof Stat.FunctionStat) word = "function";
        else if (s instanceof Stat.Return) word = "return";
        else if (s instanceof Stat.Break) word = "break";
        else if (s instanceof Stat.Goto) word = "goto";
        else if (s instanceof Stat.Label) word = "::";
        else if (s instanceof Stat.Assign a) return startOf(a.targets().get(0));
        else return startOf(((Stat.CallStat) s).call());
        return quoted(s.line(), word);
    }

    /** The first token of expression {@code e}. */
    static NextToken startOf(Expr e) {
        e = leftmost(e);
        int line = e.line();
        if (e instanceof Expr.Name n) return quoted(line, n.name().toString());
        if (e instanceof Expr.Unary u) return quoted(line, u.op().symbol);
        // An integer numeral is assumed to be written in decimal, as it usually is.
        if (e instanceof Expr.Int i) return quoted(line, Long.toString(i.value()));
        String word = e instanceof Expr.Paren ? "("
                : e instanceof Expr.Table ? "{"
                : e instanceof Expr.Function ? "function"
                : e instanceof Expr.Vararg ? "..."
                : e instanceof Expr.Nil ? "nil"
                : e instanceof Expr.True ? "true"
                : e instanceof Expr.False ? "false"
                : null;
        return word == null ? new NextToken(line, null) : quoted(line, word);
    }

    /** The line of the first token of {@code e}. */
    static int firstLine(Expr e) {
        return leftmost(e).line();
    }

    /** The innermost expression that starts where {@code e} starts. */
    private static Expr leftmost(Expr e) {
        while (true) {
            if (e instanceof Expr.Index ix) e = ix.object();
            else if (e instanceof Expr.Call c) e = c.function();
            else if (e instanceof Expr.MethodCall m) e = m.object();
            else if (e instanceof Expr.Binary b) e = b.left();
            else return e;
        }
    }
}
