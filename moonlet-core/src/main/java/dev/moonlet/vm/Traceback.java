package dev.moonlet.vm;

import dev.moonlet.compiler.Proto;
import dev.moonlet.syntax.ChunkId;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;

/**
 * Stack tracebacks in the exact format of lauxlib's {@code luaL_traceback}:
 * <pre>
 * stack traceback:
 * 	[C]: in function 'error'
 * 	test.lua:2: in local 'f'
 * 	test.lua:5: in main chunk
 * </pre>
 * Functions are named as Lua names them: by a global name found in the loaded modules
 * ({@code function 'string.rep'}), else by how they were called ({@code local 'f'},
 * {@code method 'm'}, {@code field 'f'}, {@code upvalue 'f'}, {@code metamethod 'index'},
 * {@code for iterator 'for iterator'}), else {@code main chunk},
 * {@code function <file:12>} or {@code ?}. Deep stacks show their first 10 and last 11
 * levels around a {@code ...\t(skipping N levels)} line.
 *
 * <p>The traceback of an executor's main coroutine ends with {@code [C]: in ?}: its main
 * function was called by the host, as {@code lua.c} calls a script's chunk from C, and that
 * call counts as a level here as in Lua.
 */
public final class Traceback {
    private Traceback() {}

    private static final int LEVELS1 = 10;
    private static final int LEVELS2 = 11;

    /** Frames counted per unit of fuel: counting the levels walks the whole stack once. */
    private static final int FRAMES_PER_FUEL = 8;

    /**
     * The traceback of {@code co} from call level {@code level} (0 = its running function,
     * 1 = that function's caller, ...), preceded by {@code msg} and a newline when
     * {@code msg} is not null ({@code debug.traceback}'s result). The work, which grows with
     * the depth of the stack, is charged to {@code fuel} (that of the step asking).
     */
    public static LuaString of(Coroutine co, LuaString msg, int level, Fuel fuel) {
        fuel.consume(co.frameCount / FRAMES_PER_FUEL + 1);
        return of(co, msg, level);
    }

    /**
     * {@link #of(Coroutine, LuaString, int, Fuel)} without charging: for the host asking
     * where a stopped execution was, and for the executor recording the traceback of the
     * error that ends an execution (once per execution, so it cannot be repeated to hold
     * steps; it walks the stack once).
     */
    public static LuaString of(Coroutine co, LuaString msg, int level) {
        StringBuilder sb = new StringBuilder();
        if (msg != null) sb.append(DebugNames.latin1(msg)).append('\n');
        sb.append("stack traceback:");
        int levels = co.levelCount();
        int last = co.isMain() ? levels : levels - 1; // the host's call, at level "levels"
        int limit2show = last - level > LEVELS1 + LEVELS2 ? LEVELS1 : -1;
        while (level <= last) {
            int current = level++;
            if (limit2show-- == 0) {
                int n = last - level - LEVELS2 + 1;
                sb.append("\n\t...\t(skipping ").append(n).append(" levels)");
                level += n;
            } else {
                if (current < levels) {
                    describe(co, co.frameIndexOfLevel(current, levels), sb);
                } else {
                    sb.append("\n\t[C]: in ?");
                }
            }
        }
        return RuntimeErrors.bytes(sb.toString());
    }

    /** Appends the traceback line(s) of the level at frame {@code index} (-2: the running builtin). */
    private static void describe(Coroutine co, int index, StringBuilder sb) {
        Object fn;
        DebugNames.Name name;
        boolean tail;
        LuaFrame lua = null;
        if (index == -2) {
            fn = co.activeBuiltin;
            name = co.activeTail ? null : DebugNames.callerName(co.top());
            tail = co.activeTail;
        } else {
            Frame f = co.frames[index];
            fn = f.function();
            name = DebugNames.calledName(co, index);
            tail = f.tail;
            if (f instanceof LuaFrame) lua = (LuaFrame) f;
        }
        sb.append("\n\t");
        if (lua != null) {
            Proto p = lua.proto();
            sb.append(DebugNames.latin1(ChunkId.of(p.source)));
            int line = lua.currentLine();
            if (line > 0) sb.append(':').append(line);
        } else {
            sb.append("[C]");
        }
        sb.append(": in ");
        String global = globalName(co.instance(), fn);
        if (global != null) {
            sb.append("function '").append(global).append('\'');
        } else if (name != null) {
            sb.append(name.kind()).append(" '").append(name.name()).append('\'');
        } else if (lua != null && lua.proto().lineDefined == 0) {
            sb.append("main chunk");
        } else if (lua != null) {
            sb.append("function <").append(DebugNames.latin1(ChunkId.of(lua.proto().source)))
                    .append(':').append(lua.proto().lineDefined).append('>');
        } else {
            sb.append('?');
        }
        if (tail) sb.append("\n\t(...tail calls...)");
    }

    /**
     * The name under which {@code fn} is found in the loaded modules, {@code "module.field"}
     * or a module name, with {@code "_G."} dropped (lauxlib's {@code pushglobalfuncname}); or
     * null.
     */
    static String globalName(Instance instance, Object fn) {
        if (fn == null) return null;
        String name = findField(instance.loaded(), fn, 2);
        if (name != null && name.startsWith("_G.")) name = name.substring(3);
        return name;
    }

    private static String findField(LuaTable t, Object fn, int level) {
        for (int i = t.nextIndex(null); i >= 0; i = t.nextIndex(t.keyAt(i))) {
            Object key = t.keyAt(i);
            if (!(key instanceof LuaString)) continue;
            Object v = t.valueAt(i);
            if (v == fn) return DebugNames.latin1((LuaString) key);
            if (level > 1 && v instanceof LuaTable) {
                String inner = findField((LuaTable) v, fn, level - 1);
                if (inner != null) return DebugNames.latin1((LuaString) key) + "." + inner;
            }
        }
        return null;
    }
}
