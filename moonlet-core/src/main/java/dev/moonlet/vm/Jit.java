package dev.moonlet.vm;

import dev.moonlet.compiler.Proto;
import dev.moonlet.value.Heap;
import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;

/**
 * The compiled tier: decides which functions to compile to JVM bytecode, and compiles them.
 *
 * <p>A function is compiled once the interpreter has entered its frames more than
 * {@link Instance#setCompileThreshold} times (every call, return to it and step that resumes it counts, so a long loop in a main
 * chunk is found too). Its code then runs its frames whenever no debug hook is set; with a
 * hook, the interpreter runs them, and the two may take turns on the same frame, since the
 * compiled code keeps all its state in the frame.
 *
 * <p>The code is a hidden class of this package, which the JVM unloads with the function. It
 * is charged to the instance's memory like the function itself ({@link Instance#protoBytes}),
 * but only when it fits as things stand: near its limit, a script keeps interpreting rather
 * than pay for a collection to make room, and the function is tried again later.
 * A function too big for the JVM to compile its method (the JVM leaves methods over 8,000
 * bytes of bytecode to its interpreter) stays with Moonlet's interpreter.
 *
 * <p>The system property {@code moonlet.jit} sets the threshold: {@code off} never compiles,
 * {@code 0} compiles every function at its first entry (as the tests of the tier do).
 */
final class Jit {
    private Jit() {}

    /** How many entries into a function's frames make it worth compiling, unless an instance says otherwise. */
    static final int THRESHOLD = threshold(System.getProperty("moonlet.jit"));

    /** The largest {@code run} method the JVM's compilers will take (HotSpot's HugeMethodLimit). */
    private static final int MAX_METHOD_BYTES = 8000;

    /** More than the bytes of class file an instruction takes (about 30, and a few hundred per class). */
    private static final int MAX_CLASS_BYTES_PER_INSTRUCTION = 64;

    /** {@link Proto#tier} of a function that stays interpreted. */
    private static final Object INTERPRETED = new Object();

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private static int threshold(String setting) {
        if (setting == null) return 1000;
        if (setting.equals("off")) return Integer.MAX_VALUE;
        return Integer.parseInt(setting);
    }

    /** Compiles {@code p}, or notes that it stays interpreted; under the memory limit, tries later. */
    static void compile(Instance instance, Proto p) {
        // Every instruction takes several bytes of bytecode: a function this long cannot fit.
        if (p.code.length > MAX_METHOD_BYTES / 8) {
            p.tier = INTERPRETED;
            return;
        }
        // Near the memory limit the code would not fit anyway: try again later, without the
        // work of writing it.
        if (!instance.heap().fits(Heap.compiledBytes(MAX_CLASS_BYTES_PER_INSTRUCTION * (long) p.code.length))) {
            p.entries = 0;
            return;
        }
        JitEmitter emitter = new JitEmitter(p);
        byte[] bytes;
        try {
            bytes = emitter.emit("dev/moonlet/vm/Compiled$Function");
        } catch (MethodTooLargeException | ClassTooLargeException e) {
            p.tier = INTERPRETED;
            return;
        }
        if (emitter.codeSize() > MAX_METHOD_BYTES) {
            p.tier = INTERPRETED;
            return;
        }
        if (!instance.heap().tryCharge(Heap.compiledBytes(bytes.length))) {
            p.entries = 0;
            return;
        }
        Compiled code;
        try {
            code = (Compiled) LOOKUP.defineHiddenClass(bytes, true).lookupClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled code of " + p.source + ":" + p.lineDefined + " failed to load", e);
        }
        code.classBytes = bytes.length;
        p.tier = code;
    }

    /** What the compiled code of {@code p} is charged, 0 if it has none. */
    static long codeBytes(Proto p) {
        return p.tier instanceof Compiled ? Heap.compiledBytes(((Compiled) p.tier).classBytes) : 0;
    }
}
