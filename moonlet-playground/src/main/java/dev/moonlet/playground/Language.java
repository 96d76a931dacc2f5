package dev.moonlet.playground;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import dev.moonlet.vm.Task;

/**
 * A language the live REPL evaluates: Lua itself, or a language implemented in Lua and run on
 * Moonlet (the bags language of {@code examples/bags.lua}).
 */
enum Language {
    /**
     * Lua, as {@code lua}'s REPL takes it: first as an expression list to show
     * ({@code 1+1} shows {@code 2}), else as a chunk.
     */
    LUA {
        @Override
        Task spawn(Lua lua, String code) {
            Object chunk;
            try {
                chunk = lua.load("return " + code, CHUNK_NAME);
            } catch (LuaError notAnExpression) {
                chunk = lua.load(code, CHUNK_NAME);
            }
            return lua.scheduler().spawn(chunk);
        }
    },

    /**
     * The bags stack language: its interpreter, a Lua chunk, gets the program text. Its errors
     * are the language's own (parse errors, {@code not enough memory}), so the page shows them
     * without the interpreter's Lua traceback.
     */
    BAGS {
        @Override
        Task spawn(Lua lua, String code) {
            return lua.scheduler().spawn(lua.load(BAGS_INTERPRETER, "@bags.lua"), Lua.toLua(code));
        }

        @Override
        boolean showsTraceback() {
            return false;
        }
    };

    /** The name messages give the code box. */
    static final String CHUNK_NAME = "=input";

    private static final String BAGS_INTERPRETER = Resources.text("languages/bags.lua");

    /**
     * A task of {@code lua}'s scheduler that will run {@code code}.
     *
     * @throws LuaError a syntax error in the code
     */
    abstract Task spawn(Lua lua, String code);

    /** Whether the page shows the Lua traceback of an error. */
    boolean showsTraceback() {
        return true;
    }

    /** The language named {@code name} on the page ({@code lua}, {@code bags}), or null. */
    static Language named(String name) {
        for (Language l : values()) {
            if (l.name().equalsIgnoreCase(name)) return l;
        }
        return null;
    }
}
