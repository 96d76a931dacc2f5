package dev.moonlet.lib;

import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;

/**
 * {@code require(name)} (loadlib.c's {@code ll_require} and {@code findloader}): answers
 * {@code package.loaded[name]} when it is true; otherwise asks each of
 * {@code package.searchers} in turn for a loader, calls the first one found with the name and
 * the loader data, stores its result (or true) in {@code package.loaded[name]}, and answers
 * that value and the loader data. When no searcher finds a loader, the error lists what each
 * one tried: {@code "module 'x' not found:\n\tno field package.preload['x']\n\tno file ..."}.
 *
 * <p>{@code package.loaded} is read and written with its metamethods, as {@code lua_getfield}
 * and {@code lua_setfield} do; the searchers list is read raw.
 */
final class Require extends InlineSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(name);
        m.mark(loaded);
        m.mark(value);
        m.mark(searchers);
        m.mark(loaderData);
    }

    private static final int START = 0;
    private static final int LOADED_READ = 1;
    private static final int NEXT_SEARCHER = 2;
    private static final int SEARCHER_DONE = 3;
    private static final int LOADER_DONE = 4;
    private static final int STORED = 5;
    private static final int READ_BACK = 6;
    private static final int FINISH = 7;

    private final Instance instance;
    private final LuaString name;
    private final LuaTable loaded;
    private int state = START;
    /** Whether the last action was a metamethod call whose first result is {@link #value}. */
    private boolean awaitingValue;
    private Object value;
    private LuaTable searchers;
    private long searcher;
    /** What the searchers said so far: {@code "\n\t"} before each message. */
    private final StringBuilder tried = new StringBuilder();
    private Object loaderData;

    Require(Instance instance, LuaString name) {
        this.instance = instance;
        this.name = name;
        this.loaded = instance.loaded();
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        if (awaitingValue) {
            value = results.length > 0 ? results[0] : null;
            awaitingValue = false;
        }
        for (;;) {
            Action a = switch (state) {
                case START -> get(co, LOADED_READ);
                case LOADED_READ -> loadedRead(co);
                case NEXT_SEARCHER -> nextSearcher();
                case SEARCHER_DONE -> searcherDone(results);
                case LOADER_DONE -> loaderDone(co, results);
                case STORED -> get(co, READ_BACK);
                case READ_BACK -> readBack(co);
                default -> new Action.Return(new Object[] {value, loaderData});
            };
            if (a != null) return a;
        }
    }

    /** {@code value = package.loaded[name]}, then {@code state = next}: the metamethod call to make, or null. */
    private Action get(Coroutine co, int next) {
        state = next;
        Object v = Metamethods.index(instance, co.fuel(), loaded, name);
        if (v instanceof Action.Call call) {
            awaitingValue = true;
            return call;
        }
        value = v;
        return null;
    }

    private Action loadedRead(Coroutine co) {
        if (isTrue(value)) return new Action.Return(new Object[] {value});
        Object list = instance.registry().get(PackageLib.PACKAGE_KEY) instanceof LuaTable pkg
                ? pkg.get(instance.strings().intern("searchers")) : null;
        if (!(list instanceof LuaTable)) throw Library.error(co, "'package.searchers' must be a table");
        searchers = (LuaTable) list;
        state = NEXT_SEARCHER;
        return null;
    }

    private Action nextSearcher() {
        Object s = searchers.get(++searcher);
        if (s == null) {
            throw new StringError("module '" + FileName.of(name) + "' not found:" + tried);
        }
        state = SEARCHER_DONE;
        return new Action.Call(s, new Object[] {name});
    }

    private Action searcherDone(Object[] results) {
        Object loader = results.length > 0 ? results[0] : null;
        if (loader instanceof LuaFunction) {
            loaderData = results.length > 1 ? results[1] : null;
            state = LOADER_DONE;
            return new Action.Call(loader, new Object[] {name, loaderData});
        }
        LuaString message = loader instanceof LuaString s ? s
                : loader instanceof Long n ? LuaNumber.toLuaString(n)
                : loader instanceof Double d ? LuaNumber.toLuaString(d) : null;
        if (message != null) tried.append("\n\t").append(FileName.of(message));
        state = NEXT_SEARCHER;
        return null;
    }

    private Action loaderDone(Coroutine co, Object[] results) {
        Object module = results.length > 0 ? results[0] : null;
        state = STORED;
        return module == null ? null : Metamethods.setIndex(instance, co.fuel(), loaded, name, module);
    }

    private Action readBack(Coroutine co) {
        if (value != null) {
            state = FINISH;
            return null;
        }
        value = true;
        state = FINISH;
        return Metamethods.setIndex(instance, co.fuel(), loaded, name, true);
    }

    private static boolean isTrue(Object v) {
        return v != null && !Boolean.FALSE.equals(v);
    }
}
