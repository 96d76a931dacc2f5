package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Builtin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the libraries store their builtins, which are enum constants named after their Lua
 * names (see {@link Library}): each under the name a script knows it by, and carrying its
 * qualified name ({@code "math.tointeger"}), by which a saved instance will be restored.
 */
class LibraryTest {
    private final Lua lua = new Lua();

    private enum Sample { TOINTEGER, RESUME_THROW }

    @Test
    void aLuaNameIsItsConstantInLowerCase() {
        assertEquals("tointeger", Library.luaName(Sample.TOINTEGER));
        assertEquals("resume_throw", Library.luaName(Sample.RESUME_THROW));
    }

    @Test
    void everyBuiltinIsQualifiedByItsLibraryAndItsKey() {
        LuaTable globals = lua.instance().globals();
        int checked = 0;
        for (Object key : keys(globals)) {
            Object value = globals.get(key);
            if (value instanceof Builtin b) {
                assertEquals(key.toString(), b.name());
                checked++;
            } else if (value instanceof LuaTable lib && value != globals) {
                for (Object k : keys(lib)) {
                    if (!(lib.get(k) instanceof Builtin b)) continue;
                    assertEquals(key + "." + k, b.name());
                    checked++;
                }
            }
        }
        assertTrue(checked > 150, checked + " builtins");
    }

    @Test
    void theIteratorsAreSharedBuiltins() {
        assertArrayEquals(new Object[] {true, true}, lua.run("""
                local a, b = pairs({}), ipairs({})
                return a == next, b == select(1, ipairs({1}))"""));
        assertEquals("utf8.codes.next", ((Builtin) lua.run("return utf8.codes('')")[0]).name());
    }

    private static List<Object> keys(LuaTable t) {
        List<Object> keys = new ArrayList<>();
        for (int i = t.nextIndex(null); i >= 0; i = t.nextIndex(t.keyAt(i))) keys.add(t.keyAt(i));
        return keys;
    }
}
