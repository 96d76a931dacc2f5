package dev.moonlet.lib;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Hooks;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.StackLevel;
import dev.moonlet.vm.Traceback;
import dev.moonlet.vm.Values;

/**
 * The {@code debug} library (manual §6.10), as ldblib.c: inspecting and changing call levels,
 * local variables and upvalues ({@code getinfo}, {@code getlocal}, {@code setlocal},
 * {@code getupvalue}, {@code setupvalue}, {@code upvalueid}, {@code upvaluejoin}), raw access
 * to metatables, user values and the registry, tracebacks, hooks ({@code sethook},
 * {@code gethook}), and an interactive prompt ({@code debug.debug}).
 *
 * <p>Functions that inspect a call stack take an optional coroutine first; without it they
 * work on the running one. Level 0 is the debug function itself, 1 its caller, and so on.
 *
 * <pre>{@code
 * local function where() local i = debug.getinfo(2, "Sl") return i.short_src .. ":" .. i.currentline end
 * debug.sethook(function(event, line) io.write(line, " ") end, "l")   -- trace lines
 * }</pre>
 *
 * <p>Moonlet differences: builtins have no upvalues; a hook, being an ordinary Lua call, may
 * yield when its coroutine can; every userdata has exactly one user value.
 */
public final class DebugLib {
    private static final String NAME = "debug";
    /** The registry key of the table mapping coroutines to their hook functions. */
    private static final LuaString HOOKKEY = LuaString.of("_HOOKKEY");
    private static final LuaString NO_NAME = LuaString.of("(no name)");
    /** What {@code setcstacklimit} returns: Lua's {@code LUAI_MAXCCALLS}. */
    private static final Long MAX_C_CALLS = 200L;

    private DebugLib() {}

    /** Opens the library in {@code instance}: the global {@code debug} and {@code package.loaded.debug}. */
    public static void open(Instance instance) {
        LuaTable lib = new LuaTable(instance.heap());
        Library.define(instance, lib, NAME, Function.values());
        Library.set(instance, lib, "upvalueid", new UpvalueIds());
        Library.install(instance, NAME, lib);
    }

    /** The functions of {@code debug}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        DEBUG, GETUSERVALUE, GETHOOK, GETINFO, GETLOCAL, GETREGISTRY, GETMETATABLE, GETUPVALUE,
        UPVALUEJOIN, SETUSERVALUE, SETHOOK, SETLOCAL, SETMETATABLE, SETUPVALUE, TRACEBACK,
        SETCSTACKLIMIT;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case DEBUG -> DebugPrompt.debug(co, args);
                case GETUSERVALUE -> DebugLib.getuservalue(co, args);
                case GETHOOK -> DebugLib.gethook(co, args);
                case GETINFO -> DebugInfo.getinfo(co, args);
                case GETLOCAL -> DebugLib.getlocal(co, args);
                case GETREGISTRY -> DebugLib.getregistry(co, args);
                case GETMETATABLE -> DebugLib.getmetatable(co, args);
                case GETUPVALUE -> DebugLib.getupvalue(co, args);
                case UPVALUEJOIN -> UpvalueIds.upvaluejoin(co, args);
                case SETUSERVALUE -> DebugLib.setuservalue(co, args);
                case SETHOOK -> DebugLib.sethook(co, args);
                case SETLOCAL -> DebugLib.setlocal(co, args);
                case SETMETATABLE -> DebugLib.setmetatable(co, args);
                case SETUPVALUE -> DebugLib.setupvalue(co, args);
                case TRACEBACK -> DebugLib.traceback(co, args);
                case SETCSTACKLIMIT -> DebugLib.setcstacklimit(co, args);
            };
        }
    }

    // ------------------------------------------------------------------ the optional thread

    /** How many leading arguments name the coroutine to work on: 1 when the first is one, else 0. */
    static int threadArgument(Object[] args) {
        return args.length > 0 && args[0] instanceof Coroutine ? 1 : 0;
    }

    /** The coroutine to work on: the first argument when {@code t} is 1, else the running one. */
    static Coroutine thread(Coroutine co, Object[] args, int t) {
        return t == 1 ? (Coroutine) args[0] : co;
    }

    /**
     * Call level {@code level} of {@code target} for {@code getlocal} and {@code setlocal}.
     *
     * @throws dev.moonlet.vm.ArgumentError {@code "level out of range"} on argument {@code arg}
     */
    private static StackLevel level(Coroutine co, Coroutine target, long level, Object[] args, int arg) {
        StackLevel found = StackLevel.of(target, (int) level, target == co ? args : null);
        if (found == null) throw Args.error(arg, "level out of range");
        return found;
    }

    // ------------------------------------------------------------------ locals

    /**
     * {@code debug.getlocal([thread,] level, n)}: the name and value of local {@code n} of
     * that level (negative {@code n}: the extra arguments), or nil; {@code getlocal(f, n)}:
     * the name of parameter {@code n} of Lua function {@code f}, or nil.
     */
    public static Object getlocal(Coroutine co, Object[] args) {
        int t = threadArgument(args);
        int n = (int) Args.checkInteger(args, t + 1);
        Object f = Args.arg(args, t);
        if (f instanceof LuaFunction) return f instanceof Closure ? ((Closure) f).proto.localName(n, 0) : null;
        StackLevel level = level(co, thread(co, args, t), Args.checkInteger(args, t), args, t);
        LuaString name = level.localName(n);
        return name == null ? null : new Object[] {name, level.local(n)};
    }

    /** {@code debug.setlocal([thread,] level, n, value)}: sets that local; its name, or nil when there is none. */
    public static Object setlocal(Coroutine co, Object[] args) {
        int t = threadArgument(args);
        long lv = Args.checkInteger(args, t);
        int n = (int) Args.checkInteger(args, t + 1);
        StackLevel level = level(co, thread(co, args, t), lv, args, t);
        Object value = Args.checkAny(args, t + 2);
        LuaString name = level.localName(n);
        if (name != null) level.setLocal(n, value);
        return name;
    }

    // ------------------------------------------------------------------ upvalues

    /** {@code f} as a closure when it has upvalue {@code n} (1-based), else null. */
    private static Closure upvalueOwner(Object f, int n) {
        return f instanceof Closure && n >= 1 && n <= ((Closure) f).upvalueCount() ? (Closure) f : null;
    }

    private static LuaString upvalueName(Closure c, int n) {
        LuaString name = c.proto.upvalues[n - 1].name();
        return name == null ? NO_NAME : name;
    }

    /**
     * {@code debug.getupvalue(f, n)}: the name and value of upvalue {@code n} of {@code f}, or
     * nothing. A builtin's upvalues (see {@link Builtin#upvalues()}) are all named {@code ""},
     * as C closures' are.
     */
    public static Object getupvalue(Coroutine co, Object[] args) {
        int n = (int) Args.checkInteger(args, 1);
        Object f = Args.checkType(args, 0, "function");
        if (f instanceof Builtin) {
            Object[] ups = ((Builtin) f).upvalues();
            return n >= 1 && n <= ups.length ? new Object[] {LuaString.EMPTY, ups[n - 1]} : Values.NONE;
        }
        Closure c = upvalueOwner(f, n);
        return c == null ? Values.NONE : new Object[] {upvalueName(c, n), c.upvalue(n - 1)};
    }

    /**
     * {@code debug.setupvalue(f, n, value)}: sets upvalue {@code n} of {@code f}; its name, or
     * nothing. A builtin's upvalues are its own Java state and cannot be set: nothing.
     */
    public static Object setupvalue(Coroutine co, Object[] args) {
        Object value = Args.checkAny(args, 2);
        int n = (int) Args.checkInteger(args, 1);
        Closure c = upvalueOwner(Args.checkType(args, 0, "function"), n);
        if (c == null) return Values.NONE;
        c.setUpvalue(n - 1, value);
        co.instance().collector().barrier(value);
        return upvalueName(c, n);
    }

    // ------------------------------------------------------------------ metatables, user values, registry

    /** {@code debug.getmetatable(v)}: the metatable of any value, ignoring {@code __metatable}. */
    public static Object getmetatable(Coroutine co, Object[] args) {
        return co.instance().metatableOf(Args.checkAny(args, 0));
    }

    /**
     * {@code debug.setmetatable(v, mt)}: sets the metatable of any value; for values other
     * than tables and userdata, that of their whole type. Returns {@code v}.
     */
    public static Object setmetatable(Coroutine co, Object[] args) {
        Object mt = Args.arg(args, 1);
        if (args.length < 2 || !(mt == null || mt instanceof LuaTable)) throw Args.typeError(args, 1, "nil or table");
        Object v = args[0];
        if (v instanceof LuaTable) ((LuaTable) v).setMetatable((LuaTable) mt);
        else if (v instanceof Userdata) ((Userdata) v).setMetatable((LuaTable) mt);
        else co.instance().setTypeMetatable(LuaType.typeName(v), (LuaTable) mt);
        if (v instanceof Collectable) co.instance().collector().checkFinalizer((Collectable) v, (LuaTable) mt);
        return v;
    }

    /** {@code debug.getregistry()}: the registry table. */
    public static Object getregistry(Coroutine co, Object[] args) {
        return co.instance().registry();
    }

    /**
     * {@code debug.getuservalue(u [, n])}: user value {@code n} (default 1) of userdata
     * {@code u} and {@code true}; nil when {@code u} is not a userdata or has no such value.
     */
    public static Object getuservalue(Coroutine co, Object[] args) {
        long n = Args.optInteger(args, 1, 1);
        Object u = Args.arg(args, 0);
        if (!(u instanceof Userdata) || !hasUserValue((Userdata) u, n)) return null;
        return new Object[] {((Userdata) u).userValue(), Boolean.TRUE};
    }

    /** {@code debug.setuservalue(u, value [, n])}: sets user value {@code n} of {@code u}; {@code u}, or nil when it has no such value. */
    public static Object setuservalue(Coroutine co, Object[] args) {
        long n = Args.optInteger(args, 2, 1);
        if (Args.arg(args, 0) instanceof UpvalueIds.Id) throw Args.error(0, "userdata expected, got light userdata");
        Userdata u = (Userdata) Args.checkType(args, 0, "userdata");
        Object value = Args.checkAny(args, 1);
        if (!hasUserValue(u, n)) return null;
        u.setUserValue(value);
        return u;
    }

    /**
     * Whether {@code u} has user value {@code n}: a userdata made by Java code has one
     * ({@link Userdata#userValue()}); a file handle, made as the io library of Lua makes it,
     * has none, nor has an upvalue id (a light userdata in Lua).
     */
    private static boolean hasUserValue(Userdata u, long n) {
        return n == 1 && !(u.payload() instanceof LuaFile) && !(u instanceof UpvalueIds.Id);
    }

    // ------------------------------------------------------------------ tracebacks

    /**
     * {@code debug.traceback([thread,] [message [, level]])}: the message (a string or
     * number), a newline and the traceback of the stack from {@code level} (default 1 for
     * the running coroutine, else 0); a message of another type is returned untouched.
     */
    public static Object traceback(Coroutine co, Object[] args) {
        int t = threadArgument(args);
        Coroutine target = thread(co, args, t);
        Object msg = Args.arg(args, t);
        LuaString text = msg instanceof LuaString ? (LuaString) msg
                : msg instanceof Long ? LuaNumber.toLuaString((Long) msg)
                : msg instanceof Double ? LuaNumber.toLuaString((Double) msg) : null;
        if (text == null && msg != null) return msg;
        int level = (int) Args.optInteger(args, t + 1, target == co ? 1 : 0);
        return Traceback.of(target, text, level < 0 ? Integer.MAX_VALUE : level, co.fuel());
    }

    // ------------------------------------------------------------------ hooks

    /**
     * {@code debug.sethook([thread,] hook, mask [, count])}: calls {@code hook(event, line)}
     * on the events of {@code mask} ({@code "c"} calls, {@code "r"} returns, {@code "l"} new
     * lines) and every {@code count} instructions; without a hook, turns hooks off.
     */
    public static Object sethook(Coroutine co, Object[] args) {
        int t = threadArgument(args);
        Coroutine target = thread(co, args, t);
        Object hook = null;
        int mask = 0;
        int count = 0;
        if (!Args.isNoneOrNil(args, t)) {
            LuaString events = Args.checkString(args, t + 1);
            hook = Args.checkType(args, t, "function");
            count = (int) Args.optInteger(args, t + 2, 0);
            mask = mask(events, count);
        }
        hookTable(co.instance()).put(target, hook);
        Hooks.set(target, hook, mask, count);
        return target == co ? Hooks.afterChange(co, args, Values.NONE) : Values.NONE;
    }

    /** {@code debug.gethook([thread])}: the hook, its mask and its count; nil when hooks are off. */
    public static Object gethook(Coroutine co, Object[] args) {
        Coroutine target = thread(co, args, threadArgument(args));
        int mask = Hooks.mask(target);
        if (mask == 0) return null;
        Object hooks = co.instance().registry().get(HOOKKEY);
        Object hook = hooks instanceof LuaTable ? ((LuaTable) hooks).get(target) : null;
        return new Object[] {hook, LuaString.of(events(mask)), (long) Hooks.count(target)};
    }

    /**
     * The registry's table of hooks by coroutine, created with weak keys the first time, as
     * ldblib.c keeps it (the hooks themselves live in the coroutines).
     */
    private static LuaTable hookTable(Instance instance) {
        Object t = instance.registry().get(HOOKKEY);
        if (t instanceof LuaTable) return (LuaTable) t;
        LuaTable hooks = new LuaTable(instance.heap());
        Library.set(instance, hooks, "__mode", LuaString.of("k"));
        hooks.setMetatable(hooks);
        instance.registry().put(HOOKKEY, hooks);
        return hooks;
    }

    private static int mask(LuaString events, int count) {
        int mask = 0;
        for (int i = 0; i < events.length(); i++) {
            switch (events.byteAt(i)) {
                case 'c': mask |= Hooks.CALL; break;
                case 'r': mask |= Hooks.RETURN; break;
                case 'l': mask |= Hooks.LINE; break;
                default: break;
            }
        }
        return count > 0 ? mask | Hooks.COUNT : mask;
    }

    private static String events(int mask) {
        return ((mask & Hooks.CALL) != 0 ? "c" : "") + ((mask & Hooks.RETURN) != 0 ? "r" : "")
                + ((mask & Hooks.LINE) != 0 ? "l" : "");
    }

    /**
     * {@code debug.setcstacklimit(limit)}: deprecated in Lua 5.4; changes nothing and returns
     * the fixed limit, {@code LUAI_MAXCCALLS} (200), as Lua does.
     */
    public static Object setcstacklimit(Coroutine co, Object[] args) {
        Args.checkInteger(args, 0);
        return MAX_C_CALLS;
    }
}
