package dev.moonlet.syntax;

import java.util.List;

/**
 * A block: a list of statements (a {@link Stat.Return}, if present, is the last) and the line
 * of the token that ends it ({@code end}, {@code until}, {@code else}, {@code elseif}, or the
 * end of the chunk), which is where Lua reports errors found when a block closes. For the body
 * of a function it is the line of the token after the function's {@code end}, because Lua
 * reports gotos left unresolved in a function only after reading that token.
 */
public record Block(List<Stat> stats, int endLine) {}
