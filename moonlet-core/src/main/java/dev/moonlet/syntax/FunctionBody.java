package dev.moonlet.syntax;

import dev.moonlet.value.LuaString;
import java.util.List;

/**
 * The parameters and body of a function. {@code line} is the line of {@code function} (0 for
 * a main chunk; as in PUC-Rio, the line of the token after {@code function}, or after the
 * name of a {@code local function}, when that is another line) and {@code endLine} the line
 * of its closing {@code end} (for a main chunk, the line of its last token, where its final
 * return goes), as {@code debug.getinfo} reports {@code linedefined} / {@code
 * lastlinedefined}. {@code varargLine} is the line of the {@code ...} that ends the
 * parameters (where Lua puts the VARARGPREP), 0 if there is none. A main chunk is a vararg
 * function with no parameters and a {@code varargLine} of 1.
 */
public record FunctionBody(int line, List<LuaString> params, int varargLine, Block body,
        int endLine) {
    /** Whether the function takes extra arguments ({@code ...}). */
    public boolean isVararg() {
        return varargLine > 0;
    }
}
