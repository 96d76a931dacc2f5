package dev.moonlet.cli;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.LuaType;

/**
 * How the command reports an error that ended a chunk, as lua.c's message handler does: a
 * string or number with the traceback; an object with {@code __tostring} by that text alone;
 * anything else as {@code (error object is a T value)} with the traceback.
 */
final class ErrorMessage {
    private static final LuaString TOSTRING = LuaString.of("__tostring");

    private ErrorMessage() {}

    static String of(Lua lua, LuaError e) {
        Object v = e.value();
        String tb = e.traceback() == null ? "" : "\n" + e.traceback();
        if (v instanceof LuaString) return v + tb;
        if (v instanceof Long) return v + tb;
        if (v instanceof Double) return LuaNumber.toLuaString((Double) v) + tb;
        LuaTable mt = lua.instance().metatableOf(v);
        Object handler = mt == null ? null : mt.get(TOSTRING);
        if (handler != null) {
            try {
                Object[] r = lua.call(handler, v);
                if (r.length > 0 && r[0] instanceof LuaString) return r[0].toString();
            } catch (LuaError ignored) {
                // A failing __tostring falls back to the type, as lua.c does.
            }
        }
        return "(error object is a " + LuaType.typeName(v) + " value)" + tb;
    }
}
