package dev.moonlet.compiler;

import dev.moonlet.syntax.ChunkId;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The errors the compiler reports, worded and positioned as Lua's parser does:
 * {@code chunkid:line: message}, plus {@code near token} for limit errors (Lua's
 * {@code luaX_syntaxerror}; semantic errors, {@code luaK_semerror}, have no "near" part).
 */
final class CompileError {
    private CompileError() {}

    /**
     * A semantic error at {@code line}; the message is the concatenation of {@code parts}
     * (Strings, LuaStrings whose bytes are kept as they are, or numbers).
     */
    static LuaError semantic(LuaString source, int line, Object... parts) {
        return syntax(source, line, null, parts);
    }

    /** A syntax error at {@code line} near token {@code near} (null: no "near" part). */
    static LuaError syntax(LuaString source, int line, String near, Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        append(out, ChunkId.of(source));
        append(out, ":" + line + ": ");
        for (Object part : parts) append(out, part);
        if (near != null) append(out, " near " + near);
        return new LuaError(LuaString.wrap(out.toByteArray()));
    }

    private static void append(ByteArrayOutputStream out, Object part) {
        if (part instanceof LuaString s) out.write(s.rawBytes(), 0, s.length());
        else out.writeBytes(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
    }
}
