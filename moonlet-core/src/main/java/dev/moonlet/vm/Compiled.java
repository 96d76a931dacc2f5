package dev.moonlet.vm;

/**
 * A function's code compiled to JVM bytecode by {@link Jit}: runs a Lua frame of that
 * function exactly as the {@link Interpreter} would, from {@code f.pc} until the frames change
 * (a call, a return, a metamethod) or the fuel is spent, and keeps its state in the frame and
 * the coroutine's registers only, so that it can stop at any instruction and the interpreter,
 * the debug library or a continuation can take the frame over.
 */
abstract class Compiled {
    /** The size of the class file, for the memory it is charged ({@link Jit#codeBytes}). */
    int classBytes;

    /** Runs frame {@code f}, the top frame of {@code co}, from {@code f.pc}. */
    abstract void run(Fuel fuel, Coroutine co, LuaFrame f);
}
