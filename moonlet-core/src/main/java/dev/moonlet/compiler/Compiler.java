package dev.moonlet.compiler;

import dev.moonlet.syntax.Chunk;
import dev.moonlet.syntax.FunctionBody;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.StringPool;
import java.util.List;

/**
 * Compiles a parsed chunk into a {@link Proto}, generating the code PUC-Rio Lua 5.4.7
 * generates, except where Moonlet's instruction set differs (see {@link OpCode}): no MMBIN
 * instructions, {@code x - k} as SUBK, and a k flag on arithmetic whose operands were swapped.
 *
 * <pre>{@code
 * Chunk chunk = Parser.parse(source, LuaString.of("=stdin"));
 * Proto main = Compiler.compile(chunk, pool);
 * System.out.print(Listing.of(main));
 * }</pre>
 *
 * <p>The main function is a vararg function whose only upvalue is {@code _ENV}; globals are
 * fields of {@code _ENV}. Semantic errors (assignment to a {@code <const>}, gotos without a
 * visible label, limits) are {@link LuaError}s with Lua's messages, such as
 * {@code stdin:3: attempt to assign to const variable 'x'}.
 */
public final class Compiler {
    private final LuaString source;
    private final StringPool pool;
    final ExpressionCompiler exprs = new ExpressionCompiler(this);
    final StatementCompiler stats = new StatementCompiler(this);
    /** The function being compiled. */
    FunctionState fs;

    private Compiler(LuaString source, StringPool pool) {
        this.source = source;
        this.pool = pool;
    }

    /**
     * Compiles {@code chunk}, interning its string constants through {@code pool}.
     *
     * @throws LuaError with Lua's message on a semantic error or an exceeded limit
     */
    public static Proto compile(Chunk chunk, StringPool pool) {
        return new Compiler(chunk.chunkName(), pool).mainFunction(chunk.main());
    }

    private Proto mainFunction(FunctionBody main) {
        fs = new FunctionState(null, source, 0, new ConstantTable(pool));
        fs.line = 1;
        fs.blocks.enter(false);
        setVararg(0);
        fs.addUpvalue(ExpressionCompiler.ENV, true, 0, VarKind.REGULAR, 0, null);
        stats.statList(main.body(), new NextToken(main.body().endLine(), "<eof>"));
        return close(main.body().endLine());
    }

    /**
     * Compiles the function {@code body} and leaves its closure in the next register of the
     * enclosing function, described by {@code e}; {@code errorLine} is the line of the token
     * after its {@code end}, where Lua reports a goto without label.
     */
    void functionBody(FunctionBody body, ExpDesc e, int errorLine) {
        FunctionState parent = fs;
        int index = parent.protos.size();
        if (index >= Instruction.MAXARG_BX) {
            throw new LuaError("too many functions (limit is " + Instruction.MAXARG_BX + ")");
        }
        parent.protos.add(null);
        fs = new FunctionState(parent, source, body.line(), new ConstantTable(parent.constants));
        fs.line = body.line();
        fs.blocks.enter(false);
        parameters(body);
        stats.statList(body.body(), NextToken.quoted(body.endLine(), "end"));
        fs.lastLineDefined = body.endLine();
        fs.line = body.endLine();
        parent.line = body.endLine();
        e.init(ExpKind.RELOC, parent.gen.codeABx(OpCode.CLOSURE, 0, index));
        parent.gen.exp2nextreg(e);
        Proto proto = close(errorLine);
        fs = parent;
        parent.protos.set(index, proto);
    }

    private void parameters(FunctionBody body) {
        List<LuaString> params = body.params();
        for (LuaString p : params) fs.newLocalVar(p);
        fs.adjustLocalVars(params.size());
        fs.numParams = fs.nactvar;
        if (body.isVararg()) {
            fs.line = body.varargLine();
            setVararg(fs.numParams);
        }
        fs.gen.reserveRegs(fs.nactvar);
    }

    private void setVararg(int numParams) {
        fs.isVararg = true;
        fs.gen.codeABC(OpCode.VARARGPREP, numParams, 0, 0);
    }

    /** Ends the current function: final return, scope, final pass. */
    private Proto close(int errorLine) {
        fs.gen.ret(fs.nvarstack(), 0);
        fs.blocks.leave(errorLine);
        fs.gen.finish();
        return fs.toProto();
    }
}
