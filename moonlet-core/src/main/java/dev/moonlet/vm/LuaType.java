package dev.moonlet.vm;

import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;

/** The basic types of Lua values, as {@code type} names them. */
public final class LuaType {
    private LuaType() {}

    /** The name {@code type(v)} returns for {@code v}. */
    public static String typeName(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Long || v instanceof Double) return "number";
        if (v instanceof LuaString) return "string";
        if (v instanceof LuaTable) return "table";
        if (v instanceof LuaFunction) return "function";
        if (v instanceof Coroutine) return "thread";
        if (v instanceof Userdata) return "userdata";
        throw new IllegalArgumentException("not a Lua value: " + v.getClass().getName());
    }
}
