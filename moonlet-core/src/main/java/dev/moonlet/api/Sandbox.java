package dev.moonlet.api;

import dev.moonlet.lib.ChunkLoader;
import dev.moonlet.lib.PackageLib;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Instance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a script may reach: which library functions an instance opens, whether its loaders
 * accept binary chunks, and which modules {@code require} may return. A script reaches Java
 * objects, files, the environment and the process only through the functions a profile
 * opens, so a profile is the whole of a script's authority.
 *
 * <pre>{@code
 * Lua lua = new Lua(Sandbox.untrusted()
 *         .allow("os.getenv")                        // one more function
 *         .deny("print")                             // one fewer
 *         .withModule("config", configTable));       // require("config") answers it
 * }</pre>
 *
 * <p>Names are the functions' qualified Lua names: {@code "print"} and {@code "load"} for the
 * basic functions, {@code "string.rep"}, {@code "os.clock"} for the others; a library's name
 * ({@code "math"}, {@code "io"}, {@code "_G"} for the basic functions) stands for all of it,
 * its other fields ({@code math.pi}, {@code io.stdout}) included. {@code require} belongs to
 * {@code package}. The most specific name decides: {@code allow("io").deny("io.popen")}
 * opens all of {@code io} but {@code popen}; {@code deny} of a library also withdraws the
 * single functions of it allowed before.
 *
 * <p>A profile is an immutable value: {@code allow}, {@code deny} and the {@code with}
 * methods answer a new one. It takes effect when an instance is made with it
 * ({@link Lua#Lua(Sandbox)}).
 */
public final class Sandbox {
    /**
     * The libraries, as {@code luaL_openlibs} names them ({@code "_G"}: the basic functions),
     * and Moonlet's {@code task}.
     */
    private static final List<String> LIBRARIES =
            List.of("_G", "package", "coroutine", "string", "table", "math", "utf8", "os", "io", "debug", "task",
                    "prompt", "effect");
    private static final String BASE = "_G";

    private final Set<String> allowed;
    private final Set<String> denied;
    private final boolean binaryChunks;
    private final Map<String, Object> modules;

    private Sandbox(Set<String> allowed, Set<String> denied, boolean binaryChunks, Map<String, Object> modules) {
        this.allowed = Collections.unmodifiableSet(allowed);
        this.denied = Collections.unmodifiableSet(denied);
        this.binaryChunks = binaryChunks;
        this.modules = Collections.unmodifiableMap(modules);
    }

    /**
     * Everything: every standard library, binary chunks, {@code require} along
     * {@code package.path}. For scripts you trust as you trust your own code.
     *
     * <pre>{@code
     * new Lua(Sandbox.trusted());   // the same as new Lua()
     * }</pre>
     */
    public static Sandbox trusted() {
        return new Sandbox(new TreeSet<>(LIBRARIES), new TreeSet<>(), true, new LinkedHashMap<>());
    }

    /**
     * For scripts you do not trust: the basic functions without {@code dofile} and
     * {@code loadfile}, {@code load} of text chunks only; {@code string} without
     * {@code dump}; {@code table}, {@code math}, {@code utf8}, {@code coroutine}, {@code task}
     * (its tasks are bounded by the scheduler's fuel and the memory limit), and {@code prompt}
     * and {@code effect} (which, like coroutines, only move the script's own frames);
     * {@code os.clock}, {@code os.time}, {@code os.date} and {@code os.difftime}; of
     * {@code debug} only {@code traceback}; no {@code io}, and no {@code require} unless
     * modules are supplied with {@link #withModule}.
     *
     * <pre>{@code
     * Lua lua = new Lua(Sandbox.untrusted());
     * lua.run("return io");   // [null]
     * }</pre>
     */
    public static Sandbox untrusted() {
        Set<String> allowed = new TreeSet<>(List.of(BASE, "string", "table", "math", "utf8", "coroutine", "task",
                "prompt", "effect", "os.clock", "os.time", "os.date", "os.difftime", "debug.traceback"));
        Set<String> denied = new TreeSet<>(List.of("dofile", "loadfile", "string.dump"));
        return new Sandbox(allowed, denied, false, new LinkedHashMap<>());
    }

    /**
     * This profile with {@code name} opened: a function ({@code "os.getenv"}, {@code "print"})
     * or a whole library ({@code "io"}).
     *
     * @throws IllegalArgumentException for a name in no standard library
     */
    public Sandbox allow(String name) {
        String lib = checkedLibrary(name);
        Set<String> a = new TreeSet<>(allowed);
        Set<String> d = new TreeSet<>(denied);
        a.add(name);
        d.remove(name);
        if (name.equals(lib)) d.removeIf(n -> libraryOf(n).equals(lib));
        return new Sandbox(a, d, binaryChunks, new LinkedHashMap<>(modules));
    }

    /**
     * This profile with {@code name} closed: a function ({@code "load"}, {@code "string.rep"})
     * or a whole library ({@code "os"}).
     *
     * @throws IllegalArgumentException for a name in no standard library
     */
    public Sandbox deny(String name) {
        String lib = checkedLibrary(name);
        Set<String> a = new TreeSet<>(allowed);
        Set<String> d = new TreeSet<>(denied);
        d.add(name);
        a.remove(name);
        if (name.equals(lib)) a.removeIf(n -> libraryOf(n).equals(lib));
        return new Sandbox(a, d, binaryChunks, new LinkedHashMap<>(modules));
    }

    /** This profile with binary chunks accepted (true) or refused (false) by every loader. */
    public Sandbox withBinaryChunks(boolean accepted) {
        return new Sandbox(new TreeSet<>(allowed), new TreeSet<>(denied), accepted, new LinkedHashMap<>(modules));
    }

    /**
     * This profile with a module {@code require(name)} answers: {@code value} (converted by
     * {@link Lua#toLua}) is {@code package.loaded[name]} from the start. A profile with modules
     * opens {@code require} even when {@code package} is closed, but then {@code require}
     * looks nowhere else: no file is read.
     *
     * <pre>{@code
     * LuaTable greet = new LuaTable();
     * greet.put(LuaString.of("hello"), LuaString.of("hi"));
     * Lua lua = new Lua(Sandbox.untrusted().withModule("greet", greet));
     * lua.run("return require('greet').hello");   // ["hi"]
     * }</pre>
     */
    public Sandbox withModule(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(modules);
        m.put(name, Lua.toLua(value));
        return new Sandbox(new TreeSet<>(allowed), new TreeSet<>(denied), binaryChunks, m);
    }

    /**
     * Whether this profile opens the field {@code name} ({@code "print"}, {@code "os.exit"},
     * {@code "math.pi"}).
     */
    public boolean allows(String name) {
        if (denied.contains(name)) return false;
        if (allowed.contains(name)) return true;
        String lib = libraryOf(name);
        return !denied.contains(lib) && allowed.contains(lib);
    }

    /** Whether loaders accept binary chunks under this profile. */
    public boolean acceptsBinaryChunks() {
        return binaryChunks;
    }

    /**
     * Closes in {@code instance}, whose standard libraries are all open, everything this
     * profile does not allow. Fields are removed from the library tables themselves, so no
     * other path to them (the string metatable's {@code __index}, {@code package.loaded})
     * remains; a library left empty goes from the globals and {@code package.loaded}.
     */
    void apply(Instance instance) {
        LuaTable globals = instance.globals();
        LuaTable loaded = instance.loaded();
        // The trusted profile closes nothing: not walking every library saves the moonlet
        // command a few milliseconds of start-up.
        if (!allowsEverything()) closeDenied(globals, loaded);
        if (!modules.isEmpty() && !allows("package")) PackageLib.searchOnlyPreload(instance);
        for (Map.Entry<String, Object> m : modules.entrySet()) loaded.put(LuaString.of(m.getKey()), m.getValue());
        if (!binaryChunks) ChunkLoader.refuseBinaryChunks(instance);
    }

    /** Whether this profile opens every field of every library. */
    private boolean allowsEverything() {
        return denied.isEmpty() && allowed.containsAll(LIBRARIES);
    }

    /** Removes from the globals and the libraries what this profile does not allow. */
    private void closeDenied(LuaTable globals, LuaTable loaded) {
        for (String lib : LIBRARIES) {
            if (lib.equals(BASE) || !(loaded.get(LuaString.of(lib)) instanceof LuaTable table)) continue;
            if (!trim(table, lib + ".")) {
                globals.put(LuaString.of(lib), null);
                loaded.put(LuaString.of(lib), null);
            }
        }
        for (Object key : keys(globals)) {
            String name = key.toString();
            if (!(key instanceof LuaString) || isLibraryTable(name)) continue;
            boolean open = name.equals("require") ? allows(name) || !modules.isEmpty() : allows(name);
            if (!open) globals.put(key, null);
        }
    }

    /** Removes the fields of library {@code table} not allowed; answers whether any is left. */
    private boolean trim(LuaTable table, String prefix) {
        boolean any = false;
        for (Object key : keys(table)) {
            if (key instanceof LuaString && allows(prefix + key)) any = true;
            else table.put(key, null);
        }
        return any;
    }

    private static List<Object> keys(LuaTable t) {
        List<Object> keys = new ArrayList<>();
        for (int i = t.nextIndex(null); i >= 0; i = t.nextIndex(t.keyAt(i))) keys.add(t.keyAt(i));
        return keys;
    }

    /** Whether the global {@code name} is a library table (trimmed above), not a basic function. */
    private static boolean isLibraryTable(String name) {
        return LIBRARIES.contains(name) && !name.equals(BASE);
    }

    /** The library {@code name} belongs to: its prefix before the dot; {@code package} for {@code require}; else {@code _G}. */
    private static String libraryOf(String name) {
        int dot = name.indexOf('.');
        if (dot >= 0) return name.substring(0, dot);
        if (name.equals("require")) return "package";
        return LIBRARIES.contains(name) ? name : BASE;
    }

    private static String checkedLibrary(String name) {
        String lib = libraryOf(name);
        if (!LIBRARIES.contains(lib)) throw new IllegalArgumentException("no standard library has " + name);
        return lib;
    }

    @Override
    public String toString() {
        return "Sandbox[allowed=" + allowed + ", denied=" + denied + ", binaryChunks=" + binaryChunks
                + ", modules=" + modules.keySet() + "]";
    }
}
