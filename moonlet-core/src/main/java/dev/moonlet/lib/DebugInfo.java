package dev.moonlet.lib;

import dev.moonlet.compiler.Instruction;
import dev.moonlet.compiler.OpCode;
import dev.moonlet.compiler.Proto;
import dev.moonlet.syntax.ChunkId;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.StackLevel;

/**
 * {@code debug.getinfo([thread,] f|level [, what])}: the table of facts about a function or
 * an active call level, as ldblib.c's {@code db_getinfo} and ldebug.c's {@code lua_getinfo}
 * build it. Each letter of {@code what} (default {@code "flnSrtu"}) asks for some fields:
 * <ul>
 *   <li>{@code S}: {@code source}, {@code short_src}, {@code linedefined},
 *       {@code lastlinedefined}, {@code what} ({@code "Lua"}, {@code "main"} or {@code "C"});</li>
 *   <li>{@code l}: {@code currentline} (-1 when there is none);</li>
 *   <li>{@code u}: {@code nups}, {@code nparams}, {@code isvararg};</li>
 *   <li>{@code n}: {@code name} and {@code namewhat}, from how the caller called it;</li>
 *   <li>{@code r}: {@code ftransfer}, {@code ntransfer} (what a call or return hook event
 *       transfers);</li>
 *   <li>{@code t}: {@code istailcall};</li>
 *   <li>{@code L}: {@code activelines}, the set of lines with code (nil for builtins);</li>
 *   <li>{@code f}: {@code func}, the function itself.</li>
 * </ul>
 */
final class DebugInfo {
    private static final LuaString DEFAULT_OPTIONS = LuaString.of("flnSrtu");
    private static final String OPTIONS = "SlunrtLf";
    private static final LuaString C_SOURCE = LuaString.of("=[C]");
    private static final LuaString NO_SOURCE = LuaString.of("=?");

    private DebugInfo() {}

    /** {@code debug.getinfo}: see the class comment. */
    static Object getinfo(Coroutine co, Object[] args) {
        int t = DebugLib.threadArgument(args);
        Coroutine target = DebugLib.thread(co, args, t);
        LuaString options = Args.optString(args, t + 1, DEFAULT_OPTIONS);
        if (options.length() > 0 && options.byteAt(0) == '>') throw Args.error(t + 1, "invalid option '>'");
        StackLevel level = null;
        Object fn = Args.arg(args, t);
        if (!(fn instanceof LuaFunction)) {
            level = StackLevel.of(target, (int) Args.checkInteger(args, t), target == co ? args : null);
            if (level == null) return null;
            fn = level.function();
        }
        for (int i = 0; i < options.length(); i++) {
            if (OPTIONS.indexOf(options.byteAt(i)) < 0) throw Args.error(t + 1, "invalid option");
        }
        return table(co.instance(), options, fn, level);
    }

    private static int upvalueCount(Object fn) {
        if (fn instanceof Closure) return ((Closure) fn).upvalueCount();
        return fn instanceof Builtin ? ((Builtin) fn).upvalues().length : 0;
    }

    private static LuaTable table(Instance instance, LuaString options, Object fn, StackLevel level) {
        LuaTable info = new LuaTable(instance.heap());
        Proto p = fn instanceof Closure ? ((Closure) fn).proto : null;
        if (has(options, 'S')) source(instance, info, p);
        if (has(options, 'l')) set(instance, info, "currentline", (long) (level == null ? -1 : level.currentLine()));
        if (has(options, 'u')) {
            set(instance, info, "nups", (long) upvalueCount(fn));
            set(instance, info, "nparams", (long) (p == null ? 0 : p.numParams));
            set(instance, info, "isvararg", p == null || p.isVararg);
        }
        if (has(options, 'n')) {
            set(instance, info, "name", level == null ? null : level.name());
            set(instance, info, "namewhat", LuaString.of(level == null ? "" : level.nameWhat()));
        }
        if (has(options, 'r')) {
            set(instance, info, "ftransfer", (long) (level == null ? 0 : level.transferFrom()));
            set(instance, info, "ntransfer", (long) (level == null ? 0 : level.transferCount()));
        }
        if (has(options, 't')) set(instance, info, "istailcall", level != null && level.isTailCall());
        if (has(options, 'L')) set(instance, info, "activelines", p == null ? null : activeLines(instance, p));
        if (has(options, 'f')) set(instance, info, "func", fn);
        return info;
    }

    /** The {@code S} fields ({@code funcinfo}); {@code p} is null for a builtin. */
    private static void source(Instance instance, LuaTable info, Proto p) {
        LuaString source = p == null ? C_SOURCE : p.source == null ? NO_SOURCE : p.source;
        set(instance, info, "source", source);
        set(instance, info, "short_src", ChunkId.of(source));
        set(instance, info, "linedefined", (long) (p == null ? -1 : p.lineDefined));
        set(instance, info, "lastlinedefined", (long) (p == null ? -1 : p.lastLineDefined));
        set(instance, info, "what", LuaString.of(p == null ? "C" : p.lineDefined == 0 ? "main" : "Lua"));
    }

    /**
     * The lines that have code, as a set ({@code collectvalidlines}): the line of every
     * instruction but a vararg function's first ({@code VARARGPREP}, which is on the line of
     * the definition); empty without line information.
     */
    private static LuaTable activeLines(Instance instance, Proto p) {
        LuaTable lines = new LuaTable(instance.heap());
        int first = p.code.length > 0 && Instruction.op(p.code[0]) == OpCode.VARARGPREP ? 1 : 0;
        for (int pc = first; pc < p.lineInfo.length; pc++) lines.put((long) p.lineInfo[pc], Boolean.TRUE);
        return lines;
    }

    private static boolean has(LuaString options, char option) {
        for (int i = 0; i < options.length(); i++) {
            if (options.byteAt(i) == option) return true;
        }
        return false;
    }

    private static void set(Instance instance, LuaTable info, String key, Object value) {
        Library.set(instance, info, key, value);
    }
}
