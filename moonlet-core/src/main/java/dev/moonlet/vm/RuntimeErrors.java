package dev.moonlet.vm;

import dev.moonlet.compiler.Proto;
import dev.moonlet.syntax.ChunkId;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import java.nio.charset.StandardCharsets;

/**
 * The runtime errors the interpreter raises, worded as ldebug.c words them and prefixed with
 * the position of the instruction being executed ({@code luaG_runerror}):
 * {@code "file.lua:3: attempt to index a nil value (global 'x')"}.
 *
 * <p>Operands are identified for variable information by where they came from: a register
 * number (0 and up), {@link #upvalue(int)} for an upvalue, or {@link #NOWHERE} for a constant
 * or a value that is not in the frame (no information is given for those, as in Lua).
 */
final class RuntimeErrors {
    private RuntimeErrors() {}

    /** The operand is a constant, an immediate, or a value not held by the frame. */
    static final int NOWHERE = -1;

    /** The operand is upvalue {@code index} of the running closure. */
    static int upvalue(int index) {
        return -2 - index;
    }

    /** A Lua string from a message whose chars are bytes (ISO-8859-1). */
    static LuaString bytes(String s) {
        return LuaString.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code "chunk:line: "} for the instruction {@code f} is executing, or "" without line info. */
    static String position(LuaFrame f) {
        Proto p = f.proto();
        int line = p.lineAt(f.currentPc());
        String src = p.source == null ? "?" : DebugNames.latin1(ChunkId.of(p.source));
        return src + ":" + line + ": ";
    }

    /** An error with {@code message}, positioned at the top frame of {@code co} if it is Lua code. */
    static LuaError at(Coroutine co, String message) {
        Frame top = co.frameCount > 0 ? co.frames[co.frameCount - 1] : null;
        if (top instanceof LuaFrame && co.activeBuiltin == null) {
            message = position((LuaFrame) top) + message;
        }
        return new LuaError(bytes(message));
    }

    /** The type name messages use for {@code v}: its metatable's {@code __name} if a string. */
    static String typeName(Instance instance, Object v) {
        if (v instanceof LuaTable || v instanceof Userdata) {
            LuaTable mt = instance.metatableOf(v);
            if (mt != null) {
                Object name = mt.get(NAME);
                if (name instanceof LuaString) return DebugNames.latin1((LuaString) name);
            }
        }
        return LuaType.typeName(v);
    }

    private static final LuaString NAME = LuaString.of("__name");

    /** {@code " (local 'x')"} for the operand at {@code where} in frame {@code f}, or "". */
    static String varInfo(LuaFrame f, int where) {
        if (f == null || where == NOWHERE) return "";
        Proto p = f.proto();
        DebugNames.Name n;
        if (where < NOWHERE) {
            int index = -2 - where;
            LuaString name = p.upvalues[index].name();
            n = new DebugNames.Name("upvalue", name == null ? "?" : DebugNames.latin1(name));
        } else {
            n = DebugNames.objectName(p, f.currentPc(), where);
        }
        return n == null ? "" : n.suffix();
    }

    /** {@code "attempt to <op> a <type> value (<varinfo>)"}. */
    static LuaError typeError(Coroutine co, LuaFrame f, Object v, String op, int where) {
        return at(co, "attempt to " + op + " a " + typeName(co.instance(), v) + " value" + varInfo(f, where));
    }

    /**
     * Calling a value that cannot be called: named by how the frame {@code caller} called it
     * when it is Lua code, else by where the value came from.
     */
    static LuaError callError(Coroutine co, Frame caller, Object v, int where) {
        DebugNames.Name n = DebugNames.callerName(caller);
        String extra = n != null ? n.suffix() : varInfo(caller instanceof LuaFrame ? (LuaFrame) caller : null, where);
        return at(co, "attempt to call a " + typeName(co.instance(), v) + " value" + extra);
    }

    /** Arithmetic on a non-number: blames the first operand unless it is a number. */
    static LuaError arithError(Coroutine co, LuaFrame f, Object x, Object y, int wx, int wy) {
        boolean blameX = !(x instanceof Long || x instanceof Double);
        return typeError(co, f, blameX ? x : y, "perform arithmetic on", blameX ? wx : wy);
    }

    /** A bitwise operator on operands that are not both integers (luaT_trybinTM's cases). */
    static LuaError bitwiseError(Coroutine co, LuaFrame f, Object x, Object y, int wx, int wy) {
        if (!(x instanceof LuaString) && !(y instanceof LuaString)
                && Arithmetic.toNumber(x) != null && Arithmetic.toNumber(y) != null) {
            boolean blameX = Arithmetic.toIntegerStrict(x) == null;
            return at(co, "number" + varInfo(f, blameX ? wx : wy) + " has no integer representation");
        }
        boolean blameX = !(x instanceof Long || x instanceof Double);
        return typeError(co, f, blameX ? x : y, "perform bitwise operation on", blameX ? wx : wy);
    }

    /** Concatenating a value that is not a string or number. */
    static LuaError concatError(Coroutine co, LuaFrame f, Object x, Object y, int wx, int wy) {
        boolean blameX = !(x instanceof LuaString || x instanceof Long || x instanceof Double);
        return typeError(co, f, blameX ? x : y, "concatenate", blameX ? wx : wy);
    }

    /** Comparing values that cannot be ordered. */
    static LuaError orderError(Coroutine co, Object x, Object y) {
        String t1 = typeName(co.instance(), x), t2 = typeName(co.instance(), y);
        return at(co, t1.equals(t2) ? "attempt to compare two " + t1 + " values"
                : "attempt to compare " + t1 + " with " + t2);
    }

    /** A numeric {@code for} with a control value that is not a number. */
    static LuaError forError(Coroutine co, Object v, String what) {
        return at(co, "bad 'for' " + what + " (number expected, got " + typeName(co.instance(), v) + ")");
    }

    /**
     * An error raised while errors are already being handled past a limit (a stack overflow
     * inside the message handler of a stack overflow): message handlers are not called again
     * for it, and its value is {@code "error in error handling"} (Lua's LUA_ERRERR).
     */
    static final class ErrorHandlingFailure extends LuaError {
        ErrorHandlingFailure() {
            super("error in error handling");
        }
    }

    /**
     * Completes an {@link ArgumentError} raised by the builtin at the top of {@code co} into
     * {@code luaL_argerror}'s message: {@code "pos: bad argument #n to 'name' (detail)"}, the
     * position being the caller's; {@code self} is not counted in method calls
     * ({@code "calling 'name' on bad self"}); the name comes from the call site, else from
     * the loaded modules ({@code "string.rep"}, {@code "print"}: see
     * {@link Traceback#globalName}), else it is {@code "?"}.
     */
    static LuaError completeArgumentError(Coroutine co, ArgumentError e) {
        int index = co.frameCount - 1;
        Frame top = co.frames[index];
        DebugNames.Name n = DebugNames.calledName(co, index);
        String where = DebugNames.latin1(co.where(1));
        int arg = e.argument();
        if (n != null && n.kind().equals("method")) {
            arg--;
            if (arg == 0) {
                return new LuaError(bytes(where + "calling '" + n.name() + "' on bad self (" + e.detail() + ")"));
            }
        }
        String name = n != null ? n.name() : Traceback.globalName(co.instance(), top.function());
        if (name == null) name = "?";
        return new LuaError(bytes(where + "bad argument #" + arg + " to '" + name + "' (" + e.detail() + ")"));
    }
}
