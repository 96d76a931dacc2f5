package dev.moonlet.vm;

/**
 * Marks a sequence that is the executor's own machinery (running a message handler, running
 * {@code __close} handlers while an error unwinds). Its frame is invisible to call levels,
 * {@link Coroutine#where}, and tracebacks, as the corresponding C code is in Lua.
 */
interface Hidden {}
