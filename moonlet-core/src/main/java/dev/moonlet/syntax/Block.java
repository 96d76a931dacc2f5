package dev.moonlet.syntax;

import java.util.List;

/**
 * A block: a list of statements (a {@link Stat.Return}, if present, is the last) and the line
 * of the token that ends it ({@code end}, {@code until}, {@code else}, {@code elseif}, or the
 * last line of the chunk), which is where Lua reports errors found when a block closes.
 */
public record Block(List<Stat> stats, int endLine) {}
