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
 * itself emits (runtime errors and tracebacks show it), and where other instructions it causes
 * go on another line, that line too: the code generator gives each instruction the line of
 * the last token read. The scanner's line is where the current token ends; "the line of a
 * token" below is that line while the token is current.
 * <ul>
 * <li>Literals, names, {@code ...}: their token. {@code (e)}: the '('. Tables: the '{'.
 *     Functions: the {@code function} keyword.
 * <li>Unary and binary operations: the operator.
 * <li>{@code a.name}, {@code a[k]}: the step's last token (the name, or the ']').
 * <li>Calls and method calls: the first token of the arguments ('(', string or '{');
 *     their {@code endLine}: the last token of the arguments; a method's {@code nameLine}:
 *     its name. {@code (e)}'s and tables' {@code endLine}: the ')' or '}'. The
 *     {@code precedingLine} of tables and {@code ...}: the token before them.
 * <li>Table fields: their first token.
 * <li>{@code Assign}, {@code Local}, {@code Return}: the last token of the statement (before
 *     an optional ';'), where Lua attributes the stores, the nil-fill and the return;
 *     {@code Assign.separatorLines}: the ',' or '=' after each target.
 * <li>{@code If.thenLines}: each {@code then}; {@code doLine} of loops: their {@code do}.
 * <li>{@code GenericFor}: the first token after {@code in} (where Lua reports errors of the
 *     iterator call). {@code Goto}: its label name. Other statements: their first token.
 * <li>{@code FunctionBody.line}: as {@code linedefined}: the {@code function} keyword for a
 *     function statement, the token after {@code function} (or after the name of a
 *     {@code local function}) otherwise; {@code endLine}: the {@code end}, or for the main
 *     chunk the last token (where its final return goes); {@code varargLine}: the
 *     {@code ...} of the parameters.
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

    private static final LuaString C_STACK_OVERFLOW = LuaString.of("C stack overflow");

    private final Lexer lex;
    /** Nesting levels in use, counting the caller's C levels. */
    private int level;
    /**
     * For each function being parsed, the innermost last, the line of the {@code ...} of its
     * parameters, or 0 if it is not a vararg function.
     */
    private final int[] varargLines = new int[MAX_C_LEVELS];
    /** The number of functions being parsed, the main function included. */
    private int functionDepth;
    /**
     * For each function being parsed, the number of local variables declared in the blocks
     * still open (Lua's active variables, including those of a statement not yet finished),
     * and the line where the function is defined (for the limit's message).
     */
    private final int[] localCounts = new int[MAX_C_LEVELS];
    private final int[] definedLines = new int[MAX_C_LEVELS];

    /** Lua's MAXVARS: the most local variables a function may have in scope at once. */
    public static final int MAX_LOCALS = 200;

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
     * @throws IllegalArgumentException if {@code cLevels} is negative
     */
    public static Chunk parse(byte[] source, LuaString chunkName, int cLevels) {
        if (cLevels < 0) throw new IllegalArgumentException("cLevels < 0: " + cLevels);
        Parser p = new Parser(new Lexer(source, chunkName), cLevels);
        return new Chunk(chunkName, p.mainFunction());
    }

    private FunctionBody mainFunction() {
        definedLines[functionDepth] = 0;
        localCounts[functionDepth] = 0;
        varargLines[functionDepth++] = 1; // Lua codes its VARARGPREP before the first token
        lex.next();
        Block body = block();
        check(Token.EOS);
        return new FunctionBody(0, List.of(), 1, body, lex.lastline);
    }

    // ---------------------------------------------------------------- helpers

    private void enterLevel() {
        if (++level >= MAX_C_LEVELS) throw new LuaError(C_STACK_OVERFLOW);
    }

    private void leaveLevel() {
        level--;
    }

    /**
     * Counts a new local variable of the function being parsed, failing as lparser.c's
     * {@code new_localvar} does when there would be more than {@link #MAX_LOCALS} in scope:
     * during parsing, near the token after the name, so before any later syntax error.
     */
    private void declareLocal() {
        int f = functionDepth - 1;
        if (++localCounts[f] <= MAX_LOCALS) return;
        int line = definedLines[f];
        String where = line == 0 ? "main function" : "function at line " + line;
        throw lex.syntaxError("too many local variables (limit is " + MAX_LOCALS + ") in " + where);
    }

    private boolean testNext(int token) {
        if (lex.token != token) return false;
        lex.next();
        return true;
    }

    private void check(int token) {
        if (lex.token != token) throw errorExpected(token, 0, 0);
    }

    private void checkNext(int token) {
        check(token);
        lex.next();
    }

    /**
     * Skips {@code what}, which closes the {@code who} opened at line {@code where}; the
     * message names the opener only when it is on another line.
     */
    private void checkMatch(int what, int who, int where) {
        if (!testNext(what)) throw errorExpected(what, who, where);
    }

    /**
     * "{@code 'what' expected}", followed by "{@code (to close 'who' at line where)}" when
     * {@code who} is a token opened on another line than the current one.
     */
    private LuaError errorExpected(int what, int who, int where) {
        StringBuilder msg = new StringBuilder(Token.describe(what)).append(" expected");
        if (who != 0 && where != lex.linenumber) {
            msg.append(" (to close ").append(Token.describe(who)).append(" at line ")
                    .append(where).append(')');
        }
        return lex.syntaxError(msg.toString());
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
    // Stack use. Nesting recurses through block() and statement(), and through subexpression()
    // and the method reading the nested operand (suffixedExpression, constructor,
    // functionExpression): about two Java frames a level. So the code that opens and closes a
    // nested construct is written inline in those methods, and the rest goes to helpers that
    // return before the nesting happens. Every frame on the nesting path is paid at each of the
    // 200 levels, which must fit in a 256 KiB thread stack, interpreted or compiled
    // (ParserTest checks it).

    /** A block ended by the current token, which the caller checks. */
    private Block block() {
        return block(new ArrayList<>());
    }

    /** Reads statements after {@code stats} up to the token that ends their block. */
    private Block block(List<Stat> stats) {
        int locals = localCounts[functionDepth - 1];
        while (!blockFollow(true)) {
            boolean isReturn = lex.token == Token.RETURN;
            statement(stats);
            if (isReturn) break; // 'return' must be the last statement
        }
        localCounts[functionDepth - 1] = locals;
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
            case Token.IF: {
                List<Expr> conds = new ArrayList<>();
                List<Integer> thenLines = new ArrayList<>();
                List<Block> blocks = new ArrayList<>();
                do {
                    lex.next(); // skip 'if' or 'elseif'
                    conds.add(subexpression(0));
                    thenLines.add(lex.linenumber);
                    checkNext(Token.THEN);
                    blocks.add(block(leadingBreak()));
                } while (lex.token == Token.ELSEIF);
                Block orElse = testNext(Token.ELSE) ? block() : null;
                checkMatch(Token.END, Token.IF, line);
                out.add(new Stat.If(line, conds, thenLines, blocks, orElse));
                break;
            }
            case Token.WHILE: {
                lex.next();
                Expr cond = subexpression(0);
                int doLine = lex.linenumber;
                checkNext(Token.DO);
                Block body = block();
                checkMatch(Token.END, Token.WHILE, line);
                out.add(new Stat.While(line, cond, doLine, body));
                break;
            }
            case Token.DO: {
                lex.next();
                Block body = block();
                checkMatch(Token.END, Token.DO, line);
                out.add(new Stat.Do(line, body));
                break;
            }
            case Token.FOR: {
                int locals = localCounts[functionDepth - 1];
                ForHeader header = forHeader(line);
                Block body = block();
                localCounts[functionDepth - 1] = locals;
                checkMatch(Token.END, Token.FOR, line);
                out.add(header.withBody(body));
                break;
            }
            case Token.REPEAT: {
                lex.next();
                Block body = block();
                checkMatch(Token.UNTIL, Token.REPEAT, line);
                out.add(new Stat.Repeat(line, body, subexpression(0)));
                break;
            }
            case Token.FUNCTION: {
                Expr target = functionName();
                boolean isMethod = lex.token == ':';
                if (isMethod) target = fieldSelector(target);
                List<LuaString> params = openFunction(isMethod, line);
                FunctionBody f = closeFunction(line, params, block());
                out.add(new Stat.FunctionStat(line, target, f));
                break;
            }
            case Token.LOCAL:
                lex.next();
                if (testNext(Token.FUNCTION)) {
                    LuaString name = checkName();
                    declareLocal();
                    int defined = lex.linenumber;
                    List<LuaString> params = openFunction(false, defined);
                    FunctionBody f = closeFunction(defined, params, block());
                    out.add(new Stat.LocalFunction(line, name, f));
                } else {
                    out.add(localVariables());
                }
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

    /**
     * A {@code for} loop's header: its names and expressions, and the line of the {@code do}
     * that ends it.
     */
    private record ForHeader(int line, boolean numeric, List<LuaString> names, List<Expr> exprs,
            int doLine) {
        Stat withBody(Block body) {
            if (!numeric) return new Stat.GenericFor(line, names, exprs, doLine, body);
            Expr step = exprs.size() > 2 ? exprs.get(2) : null;
            return new Stat.NumericFor(line, names.get(0), exprs.get(0), exprs.get(1), step,
                    doLine, body);
        }
    }

    /** {@code for names = range do} or {@code for names in exprs do}. */
    private ForHeader forHeader(int line) {
        lex.next();
        LuaString first = checkName();
        int headerLine = line;
        boolean numeric;
        List<LuaString> names;
        List<Expr> exprs;
        switch (lex.token) {
            case '=':
                for (int i = 0; i < 4; i++) declareLocal(); // three control slots and the variable
                lex.next();
                numeric = true;
                names = List.of(first);
                exprs = numericForRange();
                break;
            case ',': case Token.IN:
                for (int i = 0; i < 5; i++) declareLocal(); // four control slots and the first name
                numeric = false;
                names = forNames(first);
                headerLine = lex.linenumber;
                exprs = expressionList();
                break;
            default:
                throw lex.syntaxError("'=' or 'in' expected");
        }
        int doLine = lex.linenumber;
        checkNext(Token.DO);
        return new ForHeader(headerLine, numeric, names, exprs, doLine);
    }

    /** {@code start, limit[, step]}. */
    private List<Expr> numericForRange() {
        List<Expr> range = new ArrayList<>();
        range.add(subexpression(0));
        checkNext(',');
        range.add(subexpression(0));
        if (testNext(',')) range.add(subexpression(0));
        return range;
    }

    /** The names of a generic {@code for} after the first, up to and including {@code in}. */
    private List<LuaString> forNames(LuaString first) {
        List<LuaString> names = new ArrayList<>();
        names.add(first);
        while (testNext(',')) {
            names.add(checkName());
            declareLocal();
        }
        checkNext(Token.IN);
        return names;
    }

    /** {@code function a.b.c} of a function statement, up to a ':' if there is one. */
    private Expr functionName() {
        lex.next();
        Expr target = name();
        while (lex.token == '.') target = fieldSelector(target);
        return target;
    }

    private Stat localVariables() {
        List<Stat.LocalName> names = new ArrayList<>();
        boolean hasClose = false;
        do {
            LuaString name = checkName();
            declareLocal();
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
        List<Integer> separatorLines = new ArrayList<>();
        targets.add(first);
        int extraLevels = 0;
        for (;;) {
            Expr target = targets.get(targets.size() - 1);
            if (!(target instanceof Expr.Name || target instanceof Expr.Index)) {
                throw lex.syntaxError("syntax error");
            }
            separatorLines.add(lex.linenumber);
            if (!testNext(',')) break;
            targets.add(suffixedExpression());
            enterLevel();
            extraLevels++;
        }
        checkNext('=');
        List<Expr> values = expressionList();
        level -= extraLevels;
        return new Stat.Assign(lex.lastline, targets, separatorLines, values);
    }

    // ---------------------------------------------------------------- functions

    /**
     * Opens a function at {@code (names[, ...])}, with {@code self} first for a method; its
     * caller reads the body with {@link #block()} and ends with {@link #closeFunction}.
     */
    private List<LuaString> openFunction(boolean isMethod, int defined) {
        int f = functionDepth++;
        localCounts[f] = 0;
        definedLines[f] = defined;
        List<LuaString> params = new ArrayList<>();
        if (isMethod) {
            params.add(SELF);
            declareLocal();
        }
        checkNext('(');
        int varargLine = 0;
        if (lex.token != ')') {
            do {
                if (lex.token == Token.NAME) {
                    params.add(checkName());
                    declareLocal();
                } else if (lex.token == Token.DOTS) {
                    varargLine = lex.linenumber;
                    lex.next();
                } else {
                    throw lex.syntaxError("<name> or '...' expected");
                }
            } while (varargLine == 0 && testNext(','));
        }
        checkNext(')');
        varargLines[f] = varargLine;
        return params;
    }

    /**
     * Closes the function opened by {@link #openFunction} at its {@code end};
     * {@code line} is its {@code linedefined}.
     */
    private FunctionBody closeFunction(int line, List<LuaString> params, Block inner) {
        int endLine = lex.linenumber;
        checkMatch(Token.END, Token.FUNCTION, line);
        int varargLine = varargLines[--functionDepth];
        return new FunctionBody(line, params, varargLine,
                new Block(inner.stats(), lex.linenumber), endLine);
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
        int line = lex.linenumber;
        Expr left;
        UnOp unary = unaryOperator(lex.token);
        if (unary != null) {
            lex.next();
            left = new Expr.Unary(line, unary, subexpression(UNARY_PRIORITY));
        } else if (lex.token == Token.NAME || lex.token == '(') {
            left = suffixedExpression();
        } else if (lex.token == '{') {
            left = constructor();
        } else if (lex.token == Token.FUNCTION) {
            left = functionExpression();
        } else {
            left = literal();
        }
        for (BinOp op = binaryOperator(lex.token);
                op != null && leftPriority(op) > limit;
                op = binaryOperator(lex.token)) {
            line = lex.linenumber;
            lex.next();
            Expr right = subexpression(rightPriority(op));
            left = new Expr.Binary(line, op, left, right);
        }
        leaveLevel();
        return left;
    }

    /** {@code function (params) body end}. */
    private Expr functionExpression() {
        int line = lex.linenumber;
        lex.next();
        int defined = lex.linenumber;
        List<LuaString> params = openFunction(false, defined);
        return new Expr.Function(line, closeFunction(defined, params, block()));
    }

    /** A numeral, a string, nil, true, false or {@code ...}. */
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
                if (varargLines[functionDepth - 1] == 0) {
                    throw lex.syntaxError("cannot use '...' outside a vararg function");
                }
                e = new Expr.Vararg(line, lex.lastline);
                break;
            default:
                throw lex.syntaxError("unexpected symbol");
        }
        lex.next();
        return e;
    }

    /**
     * A name or a parenthesized expression followed by any number of fields, indexes and
     * calls ({@code f args} or {@code o:name args}, where args are {@code (exprs)}, a table
     * constructor or a string). Calls are read here rather than in a method of their own to
     * keep nested calls at two Java frames a level. An unclosed argument list names the line
     * where the whole expression starts, as lua 5.4.4 does (5.4.7 names the line of the '(';
     * the call's own line is that one in both).
     */
    private Expr suffixedExpression() {
        int startLine = lex.linenumber;
        Expr e;
        if (testNext('(')) {
            Expr inner = subexpression(0);
            checkMatch(')', '(', startLine);
            e = new Expr.Paren(startLine, inner, lex.lastline);
        } else if (lex.token == Token.NAME) {
            e = name();
        } else {
            throw lex.syntaxError("unexpected symbol");
        }
        for (;;) {
            LuaString method = null;
            int methodLine = 0;
            switch (lex.token) {
                case '.':
                    e = fieldSelector(e);
                    continue;
                case '[': {
                    lex.next();
                    Expr key = subexpression(0);
                    checkNext(']');
                    e = new Expr.Index(lex.lastline, e, key);
                    continue;
                }
                case ':':
                    lex.next();
                    methodLine = lex.linenumber;
                    method = checkName();
                    break;
                case '(': case Token.STRING: case '{':
                    break;
                default:
                    return e;
            }
            int line = lex.linenumber;
            List<Expr> args = new ArrayList<>(1);
            if (testNext('(')) {
                if (lex.token != ')') {
                    do {
                        args.add(subexpression(0));
                    } while (testNext(','));
                }
                checkMatch(')', '(', startLine);
            } else if (lex.token == '{') {
                args.add(constructor());
            } else if (lex.token == Token.STRING) {
                args.add(new Expr.Str(line, (LuaString) lex.value));
                lex.next();
            } else {
                throw lex.syntaxError("function arguments expected");
            }
            e = method == null ? new Expr.Call(line, e, args, lex.lastline)
                    : new Expr.MethodCall(line, e, method, methodLine, args, lex.lastline);
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

    /**
     * {@code { field (sep field)* [sep] }} with sep ',' or ';', a field being
     * {@code name = value}, {@code [key] = value} or {@code value}.
     */
    private Expr constructor() {
        int line = lex.linenumber;
        int precedingLine = lex.lastline;
        checkNext('{');
        List<TableField> fields = new ArrayList<>();
        do {
            if (lex.token == '}') break;
            int fieldLine = lex.linenumber;
            LuaString name = null;
            Expr key = null;
            if (lex.token == Token.NAME && lex.lookahead() == '=') {
                name = checkName();
                lex.next(); // skip '='
            } else if (testNext('[')) {
                key = subexpression(0);
                checkNext(']');
                checkNext('=');
            }
            Expr value = subexpression(0);
            fields.add(name != null ? new TableField.Named(fieldLine, name, value)
                    : key != null ? new TableField.Keyed(fieldLine, key, value)
                    : new TableField.Positional(fieldLine, value));
        } while (testNext(',') || testNext(';'));
        checkMatch('}', '{', line);
        return new Expr.Table(line, precedingLine, fields, lex.lastline);
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
