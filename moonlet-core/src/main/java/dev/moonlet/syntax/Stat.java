package dev.moonlet.syntax;

import dev.moonlet.value.LuaString;
import java.util.List;

/**
 * A statement of the abstract syntax tree. Every node records a line: where it starts, except
 * where noted (the line PUC-Rio's code generator gives the node's own instructions; {@link
 * Parser} lists them all).
 */
public sealed interface Stat {
    /** The source line of this statement. */
    int line();

    /**
     * {@code local names = values}; {@code values} is empty for {@code local x}. At most one
     * name has {@link Attrib#CLOSE} (the parser enforces it). {@code line} is the line of the
     * statement's last token (where Lua puts the nil-fill and the to-be-closed check).
     */
    record Local(int line, List<LocalName> names, List<Expr> values) implements Stat {}

    /**
     * {@code targets = values}; each target is a {@link Expr.Name} or {@link Expr.Index};
     * {@code line} is the line of the last token of the values (where Lua puts the stores),
     * {@code separatorLines[i]} the line of the ',' or '=' after {@code targets[i]} (where Lua
     * reports an assignment to a constant).
     */
    record Assign(int line, List<Expr> targets, List<Integer> separatorLines, List<Expr> values)
            implements Stat {}

    /** A function or method call used as a statement. */
    record CallStat(int line, Expr call) implements Stat {}

    /** {@code do body end}. */
    record Do(int line, Block body) implements Stat {}

    /**
     * {@code while cond do body end}; {@code doLine} is the line of {@code do}, where the body
     * starts.
     */
    record While(int line, Expr cond, int doLine, Block body) implements Stat {}

    /** {@code repeat body until cond}; the condition sees the body's locals. */
    record Repeat(int line, Block body, Expr cond) implements Stat {}

    /**
     * {@code if conds[0] then blocks[0] elseif conds[1] then blocks[1] ... else orElse end};
     * {@code thenLines[i]} is the line of the {@code then} after {@code conds[i]} (where Lua
     * tests the condition); {@code orElse} is null when there is no {@code else}.
     */
    record If(int line, List<Expr> conds, List<Integer> thenLines, List<Block> blocks,
            Block orElse) implements Stat {}

    /**
     * {@code for var = start, limit[, step] do body end}; {@code step} may be null;
     * {@code doLine} is the line of {@code do} (where Lua prepares the loop, so a bad initial
     * value, limit or step is reported there).
     */
    record NumericFor(int line, LuaString var, Expr start, Expr limit, Expr step, int doLine,
            Block body) implements Stat {}

    /**
     * {@code for names in exprs do body end}; {@code line} is the line of the first token after
     * {@code in} (where Lua puts the iterator call, so its errors are reported there),
     * {@code doLine} the line of {@code do} (where Lua prepares the loop).
     */
    record GenericFor(int line, List<LuaString> names, List<Expr> exprs, int doLine, Block body)
            implements Stat {}

    /**
     * {@code function a.b.c() end} or {@code function a.b:c() end}: {@code target} is the
     * {@link Expr.Name} or {@link Expr.Index} assigned to; for a method, {@code body} already
     * has the implicit first parameter {@code self}.
     */
    record FunctionStat(int line, Expr target, FunctionBody body) implements Stat {}

    /** {@code local function name() end}: the local is in scope inside its own body. */
    record LocalFunction(int line, LuaString name, FunctionBody body) implements Stat {}

    /**
     * {@code return values} (always the last statement of its block); {@code line} is the line
     * of the last token before an optional ';' (where Lua puts the return).
     */
    record Return(int line, List<Expr> values) implements Stat {}

    /** {@code break}. */
    record Break(int line) implements Stat {}

    /** {@code goto label}; {@code line} is the line of the label's name. */
    record Goto(int line, LuaString label) implements Stat {}

    /** {@code ::name::}. */
    record Label(int line, LuaString name) implements Stat {}

    /** A local attribute: none, {@code <const>} or {@code <close>}. */
    enum Attrib { NONE, CONST, CLOSE }

    /** A name in a {@code local} statement, with its attribute. */
    record LocalName(LuaString name, Attrib attrib) {}
}
