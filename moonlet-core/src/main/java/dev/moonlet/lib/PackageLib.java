package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Values;

/**
 * The {@code package} library and {@code require} (manual §6.3), as loadlib.c on a POSIX
 * system, without native modules: the C searchers look along {@code package.cpath} as Lua
 * does (so "not found" messages are the same), but a native library they find cannot be
 * loaded, and {@code package.loadlib} always fails with {@value #NO_NATIVE}.
 *
 * <p>{@code package.path} and {@code package.cpath} start as {@code LUA_PATH_5_4} (or else
 * {@code LUA_PATH}) and {@code LUA_CPATH_5_4} (or {@code LUA_CPATH}) say, with {@code ";;"}
 * standing for the default path, unless the registry's {@code LUA_NOENV} is true; a host
 * that must not let the environment in calls {@link #ignoreEnvironment} (the
 * {@code moonlet -E} option does).
 *
 * <p>{@code require}, the searchers and {@code package.searchpath} are sequences: the
 * searchers and loaders are Lua calls, and searching a path is charged per file tried.
 */
public final class PackageLib {
    private static final String NAME = "package";
    /** The default {@code package.path} (luaconf.h's {@code LUA_PATH_DEFAULT}). */
    static final String DEFAULT_PATH = "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
            + "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
    /** The default {@code package.cpath} (luaconf.h's {@code LUA_CPATH_DEFAULT}). */
    static final String DEFAULT_CPATH = "/usr/local/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";
    /** Why a native library cannot be loaded. */
    static final String NO_NATIVE = "native modules are not supported in Moonlet";
    /** The registry key of the table of preloaded modules' loaders ({@code package.preload}). */
    static final LuaString PRELOAD_KEY = LuaString.of("_PRELOAD");
    /**
     * The registry key of the {@code package} table, which {@code require} and the searchers
     * consult as loadlib.c's functions consult their upvalue: replacing the global
     * {@code package} changes nothing.
     */
    static final LuaString PACKAGE_KEY = LuaString.of("moonlet.package");
    private static final LuaString NOENV_KEY = LuaString.of("LUA_NOENV");
    private static final LuaString DEFAULT_SEP = LuaString.of(".");
    private static final LuaString DEFAULT_REP = LuaString.of("/");

    private PackageLib() {}

    /** Opens the library in {@code instance}: the global {@code package} and {@code require}. */
    public static void open(Instance instance) {
        LuaTable pkg = new LuaTable(instance.heap());
        Library.define(instance, pkg, NAME, "loadlib", Function.LOADLIB);
        Library.define(instance, pkg, NAME, "searchpath", Function.SEARCHPATH);
        LuaTable searchers = new LuaTable(instance.heap());
        searchers.put(1L, preloadSearcher());
        searchers.put(2L, Builtin.of("package.searchers.lua", Function.SEARCHER_LUA));
        searchers.put(3L, Builtin.of("package.searchers.c", Function.SEARCHER_C));
        searchers.put(4L, Builtin.of("package.searchers.croot", Function.SEARCHER_CROOT));
        Library.set(instance, pkg, "searchers", searchers);
        setPaths(instance, pkg);
        Library.set(instance, pkg, "config", LuaString.of("/\n;\n?\n!\n-\n"));
        Library.set(instance, pkg, "loaded", instance.loaded());
        Library.set(instance, pkg, "preload", preloadTable(instance));
        instance.registry().put(PACKAGE_KEY, pkg);
        Library.set(instance, instance.globals(), "require", Builtin.of("require", Function.REQUIRE));
        Library.install(instance, NAME, pkg);
    }

    /**
     * The library's builtins, as constants rather than method references for the command's
     * start-up (see {@link Library}): those of the table, {@code require}, and the searchers.
     */
    private enum Function implements Builtin.Body {
        LOADLIB, SEARCHPATH, REQUIRE, SEARCHER_PRELOAD, SEARCHER_LUA, SEARCHER_C, SEARCHER_CROOT;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case LOADLIB -> loadlib(co, args);
                case SEARCHPATH -> searchpath(co, args);
                case REQUIRE -> require(co, args);
                case SEARCHER_PRELOAD -> searcherPreload(co, args);
                case SEARCHER_LUA -> searcherLua(co, args);
                case SEARCHER_C -> searcherC(co, args);
                case SEARCHER_CROOT -> searcherCroot(co, args);
            };
        }
    }

    /**
     * Makes {@code instance} ignore the environment variables, as {@code lua -E} does: sets
     * the registry's {@code LUA_NOENV} and, when the library is open, puts the default paths
     * back in {@code package.path} and {@code package.cpath}.
     *
     * <pre>{@code
     * Lua lua = new Lua();
     * PackageLib.ignoreEnvironment(lua.instance());   // LUA_PATH and LUA_CPATH are not used
     * }</pre>
     */
    public static void ignoreEnvironment(Instance instance) {
        instance.registry().put(NOENV_KEY, true);
        if (instance.registry().get(PACKAGE_KEY) instanceof LuaTable pkg) setPaths(instance, pkg);
    }

    /**
     * Leaves {@code require} of {@code instance} only {@code package.preload} and
     * {@code package.loaded} to find modules in: the searchers that look along
     * {@code package.path} and {@code package.cpath} go, so no file is ever read. A sandbox
     * that supplies its own modules wants this.
     */
    public static void searchOnlyPreload(Instance instance) {
        if (!(instance.registry().get(PACKAGE_KEY) instanceof LuaTable pkg)) return;
        LuaTable searchers = new LuaTable(instance.heap());
        searchers.put(1L, preloadSearcher());
        Library.set(instance, pkg, "searchers", searchers);
    }

    private static Builtin preloadSearcher() {
        return Builtin.of("package.searchers.preload", Function.SEARCHER_PRELOAD);
    }

    /** The registry's preload table, created if needed ({@code luaL_getsubtable}). */
    private static LuaTable preloadTable(Instance instance) {
        if (instance.registry().get(PRELOAD_KEY) instanceof LuaTable t) return t;
        LuaTable t = new LuaTable(instance.heap());
        instance.registry().put(PRELOAD_KEY, t);
        return t;
    }

    private static void setPaths(Instance instance, LuaTable pkg) {
        Library.set(instance, pkg, "path", LuaString.of(initialPath(instance, "LUA_PATH", DEFAULT_PATH)));
        Library.set(instance, pkg, "cpath", LuaString.of(initialPath(instance, "LUA_CPATH", DEFAULT_CPATH)));
    }

    /**
     * The path the environment variable {@code variable_5_4}, or else {@code variable}, gives
     * (its {@code ";;"} replaced by {@code ";" + dflt + ";"}), or {@code dflt} ({@code setpath}).
     */
    static String initialPath(Instance instance, String variable, String dflt) {
        String path = System.getenv(variable + "_5_4");
        if (path == null) path = System.getenv(variable);
        if (path == null || Boolean.TRUE.equals(instance.registry().get(NOENV_KEY))) return dflt;
        return expandDefault(path, dflt);
    }

    /** {@code path} with its first {@code ";;"} replaced by the default path, as loadlib.c does it. */
    static String expandDefault(String path, String dflt) {
        int mark = path.indexOf(";;");
        if (mark < 0) return path;
        StringBuilder b = new StringBuilder();
        if (mark > 0) b.append(path, 0, mark).append(';');
        b.append(dflt);
        if (mark < path.length() - 2) b.append(';').append(path, mark + 2, path.length());
        return b.toString();
    }

    // ------------------------------------------------------------------ builtins

    /**
     * {@code require(modname)}: the module, loading it first if {@code package.loaded} does
     * not have it; also the loader data (such as the file name) when it was loaded now.
     */
    public static Object require(Coroutine co, Object[] args) {
        return new Require(co.instance(), Args.checkString(args, 0)).start(co);
    }

    /** {@code package.loadlib(libname, funcname)}: always fail, {@value #NO_NATIVE}, {@code "absent"}. */
    public static Object loadlib(Coroutine co, Object[] args) {
        Args.checkString(args, 0);
        Args.checkString(args, 1);
        return new Object[] {null, LuaString.of(NO_NATIVE), LuaString.of("absent")};
    }

    /**
     * {@code package.searchpath(name, path [, sep [, rep]])}: the first readable file of the
     * path for the name, or fail and the list of files tried.
     */
    public static Object searchpath(Coroutine co, Object[] args) {
        String name = FileName.of(Args.checkString(args, 0));
        String path = FileName.of(Args.checkString(args, 1));
        String sep = FileName.of(Args.optString(args, 2, DEFAULT_SEP));
        String rep = FileName.of(Args.optString(args, 3, DEFAULT_REP));
        return new SearchPath(co, name, path, sep, rep).start(co);
    }

    /** The first searcher: the loader {@code package.preload[name]}, if there is one. */
    public static Object searcherPreload(Coroutine co, Object[] args) {
        LuaString name = Args.checkString(args, 0);
        Object preload = co.instance().registry().get(PRELOAD_KEY);
        Object loader = Metamethods.index(co.instance(), co.fuel(), preload, name);
        if (loader instanceof Action.Call call) return new PreloadIndex(call, name);
        return preloadResult(name, loader);
    }

    private static Object[] preloadResult(LuaString name, Object loader) {
        if (loader != null) return new Object[] {loader, LuaString.of(":preload:")};
        String message = "no field package.preload['" + FileName.of(name) + "']";
        return new Object[] {FileName.toLua(message)};
    }

    /** The second searcher: a Lua file found along {@code package.path}, compiled; its loader data is the file name. */
    public static Object searcherLua(Coroutine co, Object[] args) {
        String name = FileName.of(Args.checkString(args, 0));
        return new LuaSearch(co, name).start(co);
    }

    /** The third searcher: a native library along {@code package.cpath}, which cannot be loaded. */
    public static Object searcherC(Coroutine co, Object[] args) {
        String name = FileName.of(Args.checkString(args, 0));
        return new NativeSearch(co, name, name).start(co);
    }

    /** The fourth searcher: a native library for the root of a dotted name ({@code a} for {@code a.b.c}). */
    public static Object searcherCroot(Coroutine co, Object[] args) {
        String name = FileName.of(Args.checkString(args, 0));
        int dot = name.indexOf('.');
        if (dot < 0) return Values.NONE;
        return new NativeSearch(co, name, name.substring(0, dot)).start(co);
    }

    // ------------------------------------------------------------------ the searches

    /** {@code package.preload[name]} through an {@code __index} metamethod. */
    private static final class PreloadIndex extends SingleCall {
        private final LuaString name;

        PreloadIndex(Action.Call call, LuaString name) {
            super(call);
            this.name = name;
        }

        @Override
        Object[] finish(Coroutine co, Object[] results) {
            return preloadResult(name, results.length > 0 ? results[0] : null);
        }
    }

    /** {@code package.searchpath}: the file name, or fail and the message. */
    private static final class SearchPath extends PathSearch {
        SearchPath(Coroutine co, String name, String path, String sep, String rep) {
            super(co, name, path, sep, rep);
        }

        @Override
        Object[] found(Coroutine co, String file) {
            return new Object[] {FileName.toLua(file)};
        }

        @Override
        Object[] notFound(Coroutine co, String message) {
            return new Object[] {null, FileName.toLua(message)};
        }
    }

    /** The Lua searcher: the compiled file and its name, or the message. */
    private static final class LuaSearch extends PathSearch {
        private final String module;

        LuaSearch(Coroutine co, String module) {
            super(co, module, searchPath(co, "path"), ".", "/");
            this.module = module;
        }

        @Override
        Object[] found(Coroutine co, String file) {
            return new Object[] {loadLuaFile(co, module, file), FileName.toLua(file)};
        }

        @Override
        Object[] notFound(Coroutine co, String message) {
            return new Object[] {FileName.toLua(message)};
        }
    }

    /** The search of the C searchers: finding a library is an error, as loading it would fail. */
    private static final class NativeSearch extends PathSearch {
        private final String module;

        NativeSearch(Coroutine co, String module, String file) {
            super(co, file, searchPath(co, "cpath"), ".", "/");
            this.module = module;
        }

        @Override
        Object[] found(Coroutine co, String file) {
            throw loadError(module, file, NO_NATIVE);
        }

        @Override
        Object[] notFound(Coroutine co, String message) {
            return new Object[] {FileName.toLua(message)};
        }
    }

    /** {@code package.path} or {@code package.cpath}, which must be a string ({@code findfile}). */
    private static String searchPath(Coroutine co, String field) {
        Object pkg = co.instance().registry().get(PACKAGE_KEY);
        Object path = pkg instanceof LuaTable t ? t.get(co.instance().strings().intern(field)) : null;
        if (path instanceof Long || path instanceof Double) path = Args.checkString(new Object[] {path}, 0);
        if (!(path instanceof LuaString s)) throw Library.error(co, "'package." + field + "' must be a string");
        return FileName.of(s);
    }

    /** Compiles the Lua file {@code file} for module {@code name} ({@code luaL_loadfile} and {@code checkload}). */
    private static Closure loadLuaFile(Coroutine co, String name, String file) {
        try {
            byte[] source = ChunkLoader.readFile(FileName.decoded(file), co.instance().heap());
            return ChunkLoader.compile(co, source, FileName.toLua("@" + file), "bt", false, null);
        } catch (LuaError e) {
            Object message = e.value();
            throw loadError(name, file, message instanceof LuaString s ? FileName.of(s) : String.valueOf(message));
        }
    }

    /** {@code "error loading module 'name' from file 'file':\n\treason"}, raised as {@code luaL_error}. */
    private static StringError loadError(String name, String file, String reason) {
        return new StringError("error loading module '" + name + "' from file '" + file + "':\n\t" + reason);
    }
}
