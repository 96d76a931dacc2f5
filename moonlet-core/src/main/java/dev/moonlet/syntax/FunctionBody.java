package dev.moonlet.syntax;

import dev.moonlet.value.LuaString;
import java.util.List;

/**
 * The parameters and body of a function. {@code line} is the line of {@code function} (0 for
 * a main chunk) and {@code endLine} the line of its closing {@code end} (for a main chunk, the
 * last line), as {@code debug.getinfo} reports {@code linedefined} / {@code lastlinedefined}.
 * A main chunk is a vararg function with no parameters.
 */
public record FunctionBody(int line, List<LuaString> params, boolean isVararg, Block body,
        int endLine) {}
