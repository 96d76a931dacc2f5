package dev.moonlet.syntax;

import dev.moonlet.syntax.Expr.BinOp;
import dev.moonlet.syntax.Expr.TableField;
import dev.moonlet.syntax.Expr.UnOp;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.util.ArrayList;
import java.util.List;

/**
 * Lua 5.4's parser: turns a chunk's source bytes into its abstract syntax tree, by recursive
 * descent in the shape of lparser.c, so that every syntax error has the message, the line and
 * the "near" token PUC-Rio Lua gives.
 *
 * <pre>{@code
 * Chunk c = Parser.parse("return 1 + 2".getBytes(UTF_8), LuaString.of("=stdin"));
 * Parser.parse("x = = 1".getBytes(UTF_8), LuaString.of("=stdin"));
 *     // throws LuaError "stdin:1: unexpected symbol near '='"
 * }</pre>
 *
 * <h2>Lines</h2>
 * Each node carries the line PUC-Rio's code generator attaches to the instructions the node
 * itself emits (runtime errors and tracebacks show it). The scanner's line is where the
 * current token ends; "the line of a token" below is that line while the token is current.
 * <ul>
 * <li>Literals, names, {@code ...}: their token. {@code (e)}: the '('. Tables: the '{'.
 *     Functions: the {@code function} keyword.
 * <li>Unary and binary operations: the operator.
 * <li>{@code a.name}, {@code a[k]}: the step's last token (the name, or the ']').
 * <li>Calls and method calls: the first token of the arguments ('(', string or '{').
 * <li>Table fields: their first token.
 * <li>{@code Assign}, {@code Local}, {@code Return}: the last token of the statement (before
 *     an optional ';'), where Lua attributes the stores, the nil-fill and the return.
 * <li>{@code GenericFor}: the first token after {@code in} (where Lua reports errors of the
 *     iterator call). {@code Goto}: its label name. Other statements: their first token.
 * <li>{@code FunctionBody.line}: as {@code linedefined}: the {@code function} keyword for a
 *     function statement, the token after {@code function} (or after the name of a
 *     {@code local function}) otherwise; {@code endLine}: the {@code end}, or for the main
 *     chunk the last token (where its final return goes).
 * <li>{@code Block.endLine}: the token that closes the block; for the body of a function,
 *     the token after its {@code end} (the end of input for the main chunk), where Lua
 *     reports gotos left unresolved in the function.
 * </ul>
 *
 * <h2>Nesting</h2>
 * Like PUC-Rio Lua, the parser counts nesting against {@link #MAX_C_LEVELS} (a statement,
 * an expression operand, each extra target of an assignment), shared with the caller's
 * C-call levels, and fails with {@code C stack overflow} instead of exhausting the Java stack.
 * Chains that PUC-Rio parses in a loop ({@code a+b+c...}, {@code a.b.c...}, {@code f()()...},
 * statement lists) are not limited, so the tree they give can be deeper than the limit.
 */
public final class Parser {
    /** Lua's LUAI_MAXCCALLS: at this many nested C calls and parser levels, parsing fails. */
    public static final int MAX_C_LEVELS = 200;

    /** The C-call levels in use when the standalone {@code lua} loads a script. */
    public static final int SCRIPT_C_LEVELS = 1;

    private static final int UNARY_PRIORITY = 12;

    private static final LuaString SELF = LuaString.of("self");

    private final Lexer lex;
    /** Nesting levels in use, counting the caller's C levels. */
    private int level;
    /** Whether the function being parsed is a vararg function. */
    private boolean vararg;

    private Parser(Lexer lex, int cLevels) {
        this.lex = lex;
        this.level = cLevels;
    }

    /** Parses a chunk as the standalone {@code lua} loads a script ({@link #SCRIPT_C_LEVELS}). */
    public static Chunk parse(byte[] source, LuaString chunkName) {
        return parse(source, chunkName, SCRIPT_C_LEVELS);
    }

    /**
     * Parses a chunk, with {@code cLevels} of the {@link #MAX_C_LEVELS} already in use by the
     * caller (PUC-Rio's {@code load} called from a main chunk has 2).
     *
     * @throws LuaError with Lua's message for a syntax error, or {@code C stack overflow}
     */
    public static Chunk parse(byte[] source, LuaString chunkName, int cLevels) {
        Parser p = new Parser(new Lexer(source, chunkName), cLevels);
        return new Chunk(chunkName, p.mainFunction());
    }

    private FunctionBody mainFunction() {
        vararg = true;
        lex.next();
        Block body = block();
        check(Token.EOS);
        return new FunctionBody(0, List.of(), true, body, lex.lastline);
    }

    // ---------------------------------------------------------------- helpers

    private void enterLevel() {
        if (++level >= MAX_C_LEVELS) throw new LuaError(LuaString.of("C stack overflow"));
    }

    private void leaveLevel() {
        level--;
    }

    private boolean testNext(int token) {
        if (lex.token != token) return false;
        lex.next();
        return true;
    }

    private void check(int token) {
        if (lex.token != token) throw errorExpected(token);
    }

    private void checkNext(int token) {
        check(token);
        lex.next();
    }

    private LuaError errorExpected(int token) {
        return lex.syntaxError(Token.describe(token) + " expected");
    }

    /**
     * Skips {@code what}, which closes the {@code who} opened at line {@code where}; the
     * message names the opener only when it is on another line.
     */
    private void checkMatch(int what, int who, int where) {
        if (testNext(what)) return;
        if (where == lex.linenumber) throw errorExpected(what);
        throw lex.syntaxError(Token.describe(what) + " expected (to close " + Token.describe(who)
                + " at line " + where + ")");
    }

    private LuaString checkName() {
        check(Token.NAME);
        LuaString name = (LuaString) lex.value;
        lex.next();
        return name;
    }

    /** Whether the current token ends a block ({@code until} only if {@code withUntil}). */
    private boolean blockFollow(boolean withUntil) {
        switch (lex.token) {
            case Token.ELSE: case Token.ELSEIF: case Token.END: case Token.EOS:
                return true;
            case Token.UNTIL:
                return withUntil;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- statements
    //
    // Methods on the paths that nest (statement, block, the statement kinds, subexpression,
    // simpleExpression, suffixedExpression and the suffixes) are kept small: a compiled Java
    // frame holds spill slots for the whole method, so a dispatcher that did all the work
    // itself would make every nesting level cost more stack.

    /** A block ended by the current token, which the caller checks. */
    private Block block() {
        return block(new ArrayList<>());
    }

    /** Reads statements after {@code stats} up to the token that ends their block. */
    private Block block(List<Stat> stats) {
        while (!blockFollow(true)) {
            boolean isReturn = lex.token == Token.RETURN;
            statement(stats);
            if (isReturn) break; // 'return' must be the last statement
        }
        return new Block(stats, lex.linenumber);
    }

    /** Parses one statement and adds it to {@code out} (';' adds nothing). */
    private void statement(List<Stat> out) {
        int line = lex.linenumber;
        enterLevel();
        switch (lex.token) {
            case ';':
                lex.next();
                break;
            case Token.IF:
                out.add(ifStatement(line));
                break;
            case Token.WHILE:
                out.add(whileStatement(line));
                break;
            case Token.DO:
                out.add(doStatement(line));
                break;
            case Token.FOR:
                out.add(forStatement(line));
                break;
            case Token.REPEAT:
                out.add(repeatStatement(line));
                break;
            case Token.FUNCTION:
                out.add(functionStatement(line));
                break;
            case Token.LOCAL:
                out.add(localStatement(line));
                break;
            case Token.DBCOLON:
                labelStatement(out, line);
                break;
            case Token.RETURN:
                out.add(returnStatement());
                break;
            case Token.BREAK:
                lex.next();
                out.add(new Stat.Break(line));
                break;
            case Token.GOTO:
                out.add(gotoStatement());
                break;
            default:
                out.add(expressionStatement(line));
        }
        leaveLevel();
    }

    private Stat doStatement(int line) {
        lex.next();
        Block body = block();
        checkMatch(Token.END, Token.DO, line);
        return new Stat.Do(line, body);
    }

    private Stat ifStatement(int line) {
        List<Expr> conds = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        do {
            lex.next(); // skip 'if' or 'elseif'
            conds.add(subexpression(0));
            checkNext(Token.THEN);
            blocks.add(block(leadingBreak()));
        } while (lex.token == Token.ELSEIF);
        Block orElse = testNext(Token.ELSE) ? block() : null;
        checkMatch(Token.END, Token.IF, line);
        return new Stat.If(line, conds, blocks, orElse);
    }

    /**
     * The start of the block after {@code then}: a {@code break} there is read without a
     * statement level (lparser.c compiles {@code if c then break} specially), which matters
     * only at the nesting limit.
     */
    private List<Stat> leadingBreak() {
        List<Stat> stats = new ArrayList<>();
        if (lex.token == Token.BREAK) {
            stats.add(new Stat.Break(lex.linenumber));
            lex.next();
            while (testNext(';')) {
                // semicolons after the break are empty statements
            }
        }
        return stats;
    }

    private Stat whileStatement(int line) {
        lex.next();
        Expr cond = subexpression(0);
        checkNext(Token.DO);
        Block body = block();
        checkMatch(Token.END, Token.WHILE, line);
        return new Stat.While(line, cond, body);
    }

    private Stat repeatStatement(int line) {
        lex.next();
        Block body = block();
        checkMatch(Token.UNTIL, Token.REPEAT, line);
        return new Stat.Repeat(line, body, subexpression(0));
    }

    private Stat forStatement(int line) {
        lex.next();
        LuaString first = checkName();
        Stat loop;
        switch (lex.token) {
            case '=':
                loop = numericFor(line, first);
                break;
            case ',': case Token.IN:
                loop = genericFor(first);
                break;
            default:
                throw lex.syntaxError("'=' or 'in' expected");
        }
        checkMatch(Token.END, Token.FOR, line);
        return loop;
    }

    private Stat numericFor(int line, LuaString var) {
        lex.next(); // skip '='
        Expr start = subexpression(0);
        checkNext(',');
        Expr limit = subexpression(0);
        Expr step = testNext(',') ? subexpression(0) : null;
        checkNext(Token.DO);
        return new Stat.NumericFor(line, var, start, limit, step, block());
    }

    private Stat genericFor(LuaString first) {
        List<LuaString> names = new ArrayList<>();
        names.add(first);
        while (testNext(',')) names.add(checkName());
        checkNext(Token.IN);
        int line = lex.linenumber;
        List<Expr> exprs = expressionList();
        checkNext(Token.DO);
        return new Stat.GenericFor(line, names, exprs, block());
    }

    /** {@code function a.b.c:m() ... end}. */
    private Stat functionStatement(int line) {
        lex.next();
        Expr target = name();
        while (lex.token == '.') target = fieldSelector(target);
        boolean isMethod = lex.token == ':';
        if (isMethod) target = fieldSelector(target);
        return new Stat.FunctionStat(line, target, body(isMethod, line));
    }

    /** {@code local function f() ... end} or {@code local names = values}. */
    private Stat localStatement(int line) {
        lex.next();
        if (!testNext(Token.FUNCTION)) return localVariables();
        LuaString name = checkName();
        return new Stat.LocalFunction(line, name, body(false, lex.linenumber));
    }

    private Stat localVariables() {
        List<Stat.LocalName> names = new ArrayList<>();
        boolean hasClose = false;
        do {
            LuaString name = checkName();
            Stat.Attrib attrib = attribute();
            if (attrib == Stat.Attrib.CLOSE) {
                if (hasClose) {
                    throw lex.error("multiple to-be-closed variables in local list", 0);
                }
                hasClose = true;
            }
            names.add(new Stat.LocalName(name, attrib));
        } while (testNext(','));
        List<Expr> values = testNext('=') ? expressionList() : List.of();
        return new Stat.Local(lex.lastline, names, values);
    }

    /** An optional {@code <const>} or {@code <close>} after a local's name. */
    private Stat.Attrib attribute() {
        if (!testNext('<')) return Stat.Attrib.NONE;
        String attrib = checkName().toString();
        checkNext('>');
        switch (attrib) {
            case "const":
                return Stat.Attrib.CONST;
            case "close":
                return Stat.Attrib.CLOSE;
            default:
                throw lex.error("unknown attribute '" + attrib + "'", 0);
        }
    }

    /**
     * {@code ::name::}, and the labels and empty statements right after it, which lparser.c
     * reads before it declares this label (so they come after it in {@code out}).
     */
    private void labelStatement(List<Stat> out, int line) {
        lex.next();
        LuaString name = checkName();
        checkNext(Token.DBCOLON);
        out.add(new Stat.Label(line, name));
        while (lex.token == ';' || lex.token == Token.DBCOLON) statement(out);
    }

    private Stat returnStatement() {
        lex.next();
        List<Expr> values = blockFollow(true) || lex.token == ';'
                ? List.of() : expressionList();
        Stat ret = new Stat.Return(lex.lastline, values);
        testNext(';');
        return ret;
    }

    private Stat gotoStatement() {
        lex.next();
        int line = lex.linenumber;
        return new Stat.Goto(line, checkName());
    }

    /** A call, or an assignment whose first target was just read. */
    private Stat expressionStatement(int line) {
        Expr first = suffixedExpression();
        if (lex.token == '=' || lex.token == ',') return assignment(first);
        if (!(first instanceof Expr.Call || first instanceof Expr.MethodCall)) {
            throw lex.syntaxError("syntax error");
        }
        return new Stat.CallStat(line, first);
    }

    /** The rest of {@code targets = values}; like lparser.c, each extra target is a level. */
    private Stat assignment(Expr first) {
        List<Expr> targets = new ArrayList<>();
        targets.add(first);
        int extraLevels = 0;
        for (;;) {
            Expr target = targets.get(targets.size() - 1);
            if (!(target instanceof Expr.Name || target instanceof Expr.Index)) {
                throw lex.syntaxError("syntax error");
            }
            if (!testNext(',')) break;
            targets.add(suffixedExpression());
            enterLevel();
            extraLevels++;
        }
        checkNext('=');
        List<Expr> values = expressionList();
        level -= extraLevels;
        return new Stat.Assign(lex.lastline, targets, values);
    }

    // ---------------------------------------------------------------- functions

    /**
     * {@code (params) body end}; {@code line} is the function's {@code linedefined}. A method
     * gets the implicit first parameter {@code self}.
     */
    private FunctionBody body(boolean isMethod, int line) {
        boolean outerVararg = vararg;
        checkNext('(');
        List<LuaString> params = new ArrayList<>();
        if (isMethod) params.add(SELF);
        boolean isVararg = parameters(params);
        checkNext(')');
        vararg = isVararg;
        List<Stat> stats = block().stats();
        int endLine = lex.linenumber;
        checkMatch(Token.END, Token.FUNCTION, line);
        vararg = outerVararg;
        return new FunctionBody(line, params, isVararg, new Block(stats, lex.linenumber), endLine);
    }

    /** Reads parameter names into {@code params}; returns whether a {@code ...} ends them. */
    private boolean parameters(List<LuaString> params) {
        if (lex.token == ')') return false;
        do {
            switch (lex.token) {
                case Token.NAME:
                    params.add(checkName());
                    break;
                case Token.DOTS:
                    lex.next();
                    return true;
                default:
                    throw lex.syntaxError("<name> or '...' expected");
            }
        } while (testNext(','));
        return false;
    }

    // ---------------------------------------------------------------- expressions

    private List<Expr> expressionList() {
        List<Expr> list = new ArrayList<>();
        do {
            list.add(subexpression(0));
        } while (testNext(','));
        return list;
    }

    /**
     * An expression: with {@code limit} 0, a whole one (lparser.c's expr). In general, an
     * operand (with its unary operators) followed by binary operators whose left priority
     * exceeds {@code limit}; a right operand binds what has a higher priority than its
     * operator's right priority, which makes {@code ..} and {@code ^} right-associative.
     */
    private Expr subexpression(int limit) {
        enterLevel();
        UnOp unary = unaryOperator(lex.token);
        Expr left = unary != null ? unary(unary) : simpleExpression();
        for (BinOp op = binaryOperator(lex.token);
                op != null && leftPriority(op) > limit;
                op = binaryOperator(lex.token)) {
            left = binary(left, op);
        }
        leaveLevel();
        return left;
    }

    private Expr unary(UnOp op) {
        int line = lex.linenumber;
        lex.next();
        return new Expr.Unary(line, op, subexpression(UNARY_PRIORITY));
    }

    /** {@code left op right}, the current token being {@code op}. */
    private Expr binary(Expr left, BinOp op) {
        int line = lex.linenumber;
        lex.next();
        Expr right = subexpression(rightPriority(op));
        return new Expr.Binary(line, op, left, right);
    }

    private Expr simpleExpression() {
        switch (lex.token) {
            case Token.NAME: case '(':
                return suffixedExpression();
            case '{':
                return constructor();
            case Token.FUNCTION:
                return functionExpression();
            default:
                return literal();
        }
    }

    /** A literal: a numeral, a string, nil, true, false or {@code ...}. */
    private Expr literal() {
        int line = lex.linenumber;
        Expr e;
        switch (lex.token) {
            case Token.FLT:
                e = new Expr.Flt(line, (Double) lex.value);
                break;
            case Token.INT:
                e = new Expr.Int(line, (Long) lex.value);
                break;
            case Token.STRING:
                e = new Expr.Str(line, (LuaString) lex.value);
                break;
            case Token.NIL:
                e = new Expr.Nil(line);
                break;
            case Token.TRUE:
                e = new Expr.True(line);
                break;
            case Token.FALSE:
                e = new Expr.False(line);
                break;
            case Token.DOTS:
                if (!vararg) throw lex.syntaxError("cannot use '...' outside a vararg function");
                e = new Expr.Vararg(line);
                break;
            default:
                throw lex.syntaxError("unexpected symbol");
        }
        lex.next();
        return e;
    }

    private Expr functionExpression() {
        int line = lex.linenumber;
        lex.next();
        return new Expr.Function(line, body(false, lex.linenumber));
    }

    /**
     * A name or a parenthesized expression followed by any number of fields, indexes and
     * calls. An unclosed argument list names the line where the whole expression starts, as
     * lua 5.4.4 does (5.4.7 names the line of the '('; the call's own line is that one in
     * both).
     */
    private Expr suffixedExpression() {
        int startLine = lex.linenumber;
        Expr e = primaryExpression();
        for (;;) {
            switch (lex.token) {
                case '.':
                    e = fieldSelector(e);
                    break;
                case '[':
                    e = index(e);
                    break;
                case ':':
                    e = methodCall(e, startLine);
                    break;
                case '(': case Token.STRING: case '{':
                    e = call(e, startLine);
                    break;
                default:
                    return e;
            }
        }
    }

    private Expr primaryExpression() {
        switch (lex.token) {
            case '(': {
                int line = lex.linenumber;
                lex.next();
                Expr inner = subexpression(0);
                checkMatch(')', '(', line);
                return new Expr.Paren(line, inner);
            }
            case Token.NAME:
                return name();
            default:
                throw lex.syntaxError("unexpected symbol");
        }
    }

    private Expr name() {
        int line = lex.linenumber;
        return new Expr.Name(line, checkName());
    }

    /** {@code .name} or {@code :name} after {@code object}, as an index by a string. */
    private Expr fieldSelector(Expr object) {
        lex.next(); // skip '.' or ':'
        int line = lex.linenumber;
        LuaString key = checkName();
        return new Expr.Index(line, object, new Expr.Str(line, key));
    }

    /** {@code object[key]}. */
    private Expr index(Expr object) {
        lex.next();
        Expr key = subexpression(0);
        checkNext(']');
        return new Expr.Index(lex.lastline, object, key);
    }

    /** {@code object:name args}; {@code startLine} is where the whole expression starts. */
    private Expr methodCall(Expr object, int startLine) {
        lex.next();
        LuaString method = checkName();
        int line = lex.linenumber;
        return new Expr.MethodCall(line, object, method, callArguments(startLine));
    }

    /** {@code function args}; {@code startLine} is where the whole expression starts. */
    private Expr call(Expr function, int startLine) {
        int line = lex.linenumber;
        return new Expr.Call(line, function, callArguments(startLine));
    }

    /** {@code (args)}, a table constructor, or a string; {@code openLine} is for messages. */
    private List<Expr> callArguments(int openLine) {
        switch (lex.token) {
            case '(': {
                lex.next();
                List<Expr> args = lex.token == ')' ? List.of() : expressionList();
                checkMatch(')', '(', openLine);
                return args;
            }
            case '{':
                return List.of(constructor());
            case Token.STRING: {
                Expr s = new Expr.Str(lex.linenumber, (LuaString) lex.value);
                lex.next();
                return List.of(s);
            }
            default:
                throw lex.syntaxError("function arguments expected");
        }
    }

    /** {@code { field (sep field)* [sep] }} with sep ',' or ';'. */
    private Expr constructor() {
        int line = lex.linenumber;
        checkNext('{');
        List<TableField> fields = new ArrayList<>();
        do {
            if (lex.token == '}') break;
            fields.add(field());
        } while (testNext(',') || testNext(';'));
        checkMatch('}', '{', line);
        return new Expr.Table(line, fields);
    }

    private TableField field() {
        int line = lex.linenumber;
        if (lex.token == Token.NAME) {
            if (lex.lookahead() != '=') return new TableField.Positional(line, subexpression(0));
            LuaString name = checkName();
            lex.next(); // skip '='
            return new TableField.Named(line, name, subexpression(0));
        }
        if (lex.token == '[') {
            lex.next();
            Expr key = subexpression(0);
            checkNext(']');
            checkNext('=');
            return new TableField.Keyed(line, key, subexpression(0));
        }
        return new TableField.Positional(line, subexpression(0));
    }

    // ---------------------------------------------------------------- operators

    private static UnOp unaryOperator(int token) {
        switch (token) {
            case Token.NOT: return UnOp.NOT;
            case '-': return UnOp.NEG;
            case '~': return UnOp.BNOT;
            case '#': return UnOp.LEN;
            default: return null;
        }
    }

    private static BinOp binaryOperator(int token) {
        switch (token) {
            case '+': return BinOp.ADD;
            case '-': return BinOp.SUB;
            case '*': return BinOp.MUL;
            case '%': return BinOp.MOD;
            case '^': return BinOp.POW;
            case '/': return BinOp.DIV;
            case Token.IDIV: return BinOp.IDIV;
            case '&': return BinOp.BAND;
            case '|': return BinOp.BOR;
            case '~': return BinOp.BXOR;
            case Token.SHL: return BinOp.SHL;
            case Token.SHR: return BinOp.SHR;
            case Token.CONCAT: return BinOp.CONCAT;
            case Token.NE: return BinOp.NE;
            case Token.EQ: return BinOp.EQ;
            case '<': return BinOp.LT;
            case Token.LE: return BinOp.LE;
            case '>': return BinOp.GT;
            case Token.GE: return BinOp.GE;
            case Token.AND: return BinOp.AND;
            case Token.OR: return BinOp.OR;
            default: return null;
        }
    }

    /** The priority table of lparser.c (unary operators have {@value #UNARY_PRIORITY}). */
    private static int leftPriority(BinOp op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE, LT, LE, GT, GE -> 3;
            case BOR -> 4;
            case BXOR -> 5;
            case BAND -> 6;
            case SHL, SHR -> 7;
            case CONCAT -> 9;
            case ADD, SUB -> 10;
            case MUL, DIV, IDIV, MOD -> 11;
            case POW -> 14;
        };
    }

    /** Lower than the left priority only for the right-associative {@code ..} and {@code ^}. */
    private static int rightPriority(BinOp op) {
        return switch (op) {
            case CONCAT -> 8;
            case POW -> 13;
            default -> leftPriority(op);
        };
    }
}
