package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Coroutine;
import java.nio.charset.StandardCharsets;

/**
 * An error raised by the string library's engines (the pattern matcher, {@code format},
 * {@code pack}), as lstrlib raises with {@code luaL_error}: the message still lacks its
 * position. The builtin that ran the engine completes it with {@link #at} before it leaves,
 * so that the message starts with its caller's {@code "chunk:line: "} as in PUC-Rio Lua.
 * The engines stay free of coroutines, which keeps them testable on their own.
 */
final class StringError extends LuaError {
    /**
     * An error whose message is {@code message} (no position). Its characters are bytes
     * (below 256): messages quote pieces of the script's byte strings as they are.
     */
    StringError(String message) {
        super(LuaString.wrap(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** This error as {@code luaL_error} raises it from a builtin running on {@code co}. */
    LuaError at(Coroutine co) {
        return new LuaError(co.where(1).concat((LuaString) value()));
    }
}
