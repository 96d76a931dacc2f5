package dev.moonlet.syntax;

import dev.moonlet.value.LuaString;

/**
 * A parsed chunk: its name as given to {@code load} ({@code "@file.lua"}, {@code "=stdin"},
 * or the source text itself for strings) and its main function.
 */
public record Chunk(LuaString chunkName, FunctionBody main) {}
