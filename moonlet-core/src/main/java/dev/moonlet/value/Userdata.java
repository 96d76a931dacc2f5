package dev.moonlet.value;

/**
 * A Lua full userdata: an opaque Java object with a metatable and a user value, as Java code
 * hands it to scripts. Scripts can only reach the Java object through functions the embedder
 * exposes.
 */
public class Userdata extends Collectable {
    private final Object payload;
    private LuaTable metatable;
    private Object userValue;

    /** A userdata wrapping {@code payload} with no metatable. */
    public Userdata(Object payload) {
        this.payload = payload;
    }

    /** The Java object this userdata wraps. */
    public Object payload() {
        return payload;
    }

    /** The metatable, or null. */
    public LuaTable metatable() {
        return metatable;
    }

    /** Sets the metatable (null removes it). */
    public void setMetatable(LuaTable metatable) {
        this.metatable = metatable;
    }

    /** The user value ({@code debug.getuservalue}). */
    public Object userValue() {
        return userValue;
    }

    /** Sets the user value ({@code debug.setuservalue}). */
    public void setUserValue(Object userValue) {
        this.userValue = userValue;
    }
}
