package dev.moonlet.vm;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;

/**
 * The events a metatable can handle, in ltm.h's order. Each knows its key ({@code "__index"},
 * ...) and its bit in {@link LuaTable#metaAbsent}, the per-metatable cache of "this metamethod
 * is absent" (only the first events, the ones looked up on hot paths, are cached).
 */
public enum MetaEvent {
    INDEX("__index"), NEWINDEX("__newindex"), GC("__gc"), MODE("__mode"), LEN("__len"), EQ("__eq"),
    ADD("__add"), SUB("__sub"), MUL("__mul"), MOD("__mod"), POW("__pow"), DIV("__div"),
    IDIV("__idiv"), BAND("__band"), BOR("__bor"), BXOR("__bxor"), SHL("__shl"), SHR("__shr"),
    UNM("__unm"), BNOT("__bnot"), LT("__lt"), LE("__le"), CONCAT("__concat"), CALL("__call"),
    CLOSE("__close");

    /** The metatable key, such as {@code "__index"}. */
    public final LuaString key;
    /** The name without underscores, as messages say it ({@code "index"}). */
    public final String shortName;
    private final int bit;

    private static final MetaEvent[] VALUES = values();

    MetaEvent(String key) {
        this.key = LuaString.of(key);
        this.shortName = key.substring(2);
        this.bit = 1 << ordinal();
    }

    /** The event with this ordinal. */
    static MetaEvent of(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * The metamethod for this event in metatable {@code mt} (raw access), or null; remembers
     * absences in {@code mt.metaAbsent} so that a table whose metatable lacks {@code __index}
     * costs one bit test per lookup.
     */
    public Object in(LuaTable mt) {
        if (mt == null || (mt.metaAbsent & bit) != 0) return null;
        Object tm = mt.get(key);
        if (tm == null) mt.metaAbsent |= bit;
        return tm;
    }
}
