package dev.moonlet.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.compiler.Proto;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The compiled tier's contract: which functions it compiles and when, what it charges, and
 * and errors raised in compiled code. That compiled code behaves as interpreted code does,
 * and that a frame can move between the two at any instruction (when a hook is set or
 * removed mid-loop: {@code scripts/debug/hook_mid_loop.lua}), is shown by running every
 * script test and the bounded-step corpus both ways.
 */
class JitTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Instance instance = TestLib.instance(out);

    private Closure load(String code) {
        return instance.load(code.getBytes(StandardCharsets.UTF_8), LuaString.of("=jit"), "t", null);
    }

    private Object[] run(Closure chunk) {
        Status s = finish(new Executor(instance, chunk, new Object[0]));
        assertInstanceOf(Status.Finished.class, s, s::toString);
        return ((Status.Finished) s).values();
    }

    private static Status finish(Executor ex) {
        Status s;
        do s = ex.step(10_000); while (s instanceof Status.Running);
        return s;
    }

    @Test
    void compilesAFunctionOnceItsFramesWereEnteredMoreThanTheThreshold() {
        instance.setCompileThreshold(100);
        Closure chunk = load("local function f(x) return x + 1 end\n"
                + "local n = ...\n"
                + "for i = 1, n do f(i) end\n"
                + "return f");
        Status s = finish(new Executor(instance, chunk, new Object[] {40L}));
        Proto f = ((Closure) ((Status.Finished) s).values()[0]).proto;
        // Each call enters f's frame once: 40 entries stay under the threshold.
        assertNull(f.tier);
        finish(new Executor(instance, chunk, new Object[] {200L}));
        assertInstanceOf(Compiled.class, f.tier);
    }

    @Test
    void neverCompilesAtTheLargestThreshold() {
        instance.setCompileThreshold(Integer.MAX_VALUE);
        Object[] r = run(load("local function f(x) return x + 1 end\n"
                + "for i = 1, 5000 do f(i) end\n"
                + "return f"));
        assertNull(((Closure) r[0]).proto.tier);
        assertThrows(IllegalArgumentException.class, () -> instance.setCompileThreshold(-1));
    }

    @Test
    void compiledCodeIsChargedToTheInstancesMemory() {
        instance.setCompileThreshold(Integer.MAX_VALUE);
        Closure chunk = load("local function f(x) return x + 1 end\n return f");
        Proto f = ((Closure) run(chunk)[0]).proto;
        long before = instance.heap().used();
        instance.setCompileThreshold(0);
        Jit.compile(instance, f);
        Compiled code = assertInstanceOf(Compiled.class, f.tier);
        assertEquals(Heap.compiledBytes(code.classBytes), instance.heap().used() - before);
        assertEquals(Heap.protoBytes(f.code.length, f.constants.length) + Heap.compiledBytes(code.classBytes),
                Instance.protoBytes(f));
    }

    @Test
    void aFunctionTooLongForTheJvmsCompilersStaysInterpreted() {
        instance.setCompileThreshold(0);
        StringBuilder code = new StringBuilder("local t = {}\n");
        for (int i = 0; i < 1500; i++) code.append("t[").append(i % 50).append("] = ").append(i).append('\n');
        code.append("return t[7], t[49]");
        Closure chunk = load(code.toString());
        assertArrayEquals(new Object[] {1457L, 1499L}, run(chunk));
        assertFalse(chunk.proto.tier instanceof Compiled);
    }

    @Test
    void errorsInCompiledCodeNameTheLineAndTheVariable() {
        instance.setCompileThreshold(0);
        Closure chunk = load("local t = {}\n"
                + "for i = 1, 3 do\n"
                + "  t[i] = i\n"
                + "end\n"
                + "return t.x.y\n");
        Status.Failed failed = assertInstanceOf(Status.Failed.class, finish(new Executor(instance, chunk, new Object[0])));
        assertEquals("jit:5: attempt to index a nil value (field 'x')", failed.error().getMessage());
        assertTrue(chunk.proto.tier instanceof Compiled);
    }
}
