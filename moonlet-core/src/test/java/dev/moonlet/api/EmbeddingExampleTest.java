package dev.moonlet.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.lib.Args;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Values;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a Java program embeds Moonlet, as a runnable example: load a script, run it in slices
 * with {@code step(fuel)}, give it Java functions (a simple {@link Builtin}, and a
 * {@link Sequence} that calls back into Lua), and keep a Lua value between steps with
 * {@code pin}.
 */
class EmbeddingExampleTest {
    /** A simple builtin: works at once and returns its result. */
    static final Builtin TWICE = Builtin.of("twice", (co, args) -> 2 * Args.checkInteger(args, 0));

    /**
     * {@code map(t, f)}: a new table with {@code f(v)} for each {@code v} of the sequence
     * {@code t}. Calling {@code f} is Lua code, so {@code map} returns a {@link Sequence}: the
     * executor calls {@code f} for it, and polls it again with the results. The state lives in
     * fields, never on the Java stack, so {@code f} may even yield.
     */
    static final Builtin MAP = Builtin.of("map", (co, args) -> new MapSequence(Args.checkTable(args, 0), args[1]));

    static final class MapSequence implements Sequence {
        private final LuaTable source;
        private final Object f;
        private final LuaTable result = new LuaTable();
        private long i;

        MapSequence(LuaTable source, Object f) {
            this.source = source;
            this.f = f;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (i > 0) result.put(i, results.length > 0 ? results[0] : null);
            Object next = source.get(++i);
            if (next == null) return new Action.Return(new Object[] {result});
            return new Action.Call(f, new Object[] {next});
        }
    }

    @Test
    void loadStepAndCallBack() {
        Lua lua = new Lua();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lua.setOutput(out);
        lua.register("twice", TWICE);
        lua.register("map", MAP);

        LuaFunction script = lua.load(
                "local squares = map({1, 2, 3}, function(x) return x * x end)\n"
                + "local total = 0\n"
                + "for round = 1, 100000 do total = total + twice(squares[round % 3 + 1]) end\n"
                + "print('total', total)\n"
                + "return squares[3]", "=example");

        // Run it in slices of 10,000 units of work: between two steps the program is free to
        // do anything else, or to stop stepping (which cancels the script).
        Executor ex = lua.start(script);
        Status s;
        int steps = 0;
        do {
            s = ex.step(10_000);
            steps++;
        } while (s instanceof Status.Running);

        assertInstanceOf(Status.Finished.class, s);
        assertArrayEquals(new Object[] {9L}, ((Status.Finished) s).values());
        assertEquals("total\t933332\n", out.toString());
        assertTrue(steps > 10, "the script ran in many slices: " + steps);
    }

    @Test
    void pinCallbacksBetweenSteps() {
        Lua lua = new Lua();
        List<Object> handlers = new ArrayList<>();
        // The script hands Java a function to call later: Java pins it so that it stays alive
        // while only Java holds it.
        lua.register("on_event", Builtin.of("on_event", (co, args) -> {
            Object handler = Args.checkType(args, 0, "function");
            lua.pin(handler);
            handlers.add(handler);
            return Values.NONE;
        }));
        lua.run("local count = 0\n"
                + "on_event(function(name) count = count + 1 return name .. ' #' .. count end)");

        Object handler = handlers.get(0);
        assertEquals("tick #1", Lua.toJava(lua.call(handler, "tick")[0]));
        assertEquals("tock #2", Lua.toJava(lua.call(handler, "tock")[0]));
        lua.unpin(handler);
    }

    @Test
    void errorsReachJavaAsLuaErrors() {
        Lua lua = new Lua();
        LuaError e = assertThrows(LuaError.class, () -> lua.run("local t = nil\nreturn t.x"));
        assertTrue(e.getMessage().endsWith(":2: attempt to index a nil value (local 't')"), e.getMessage());
        LuaError syntax = assertThrows(LuaError.class, () -> lua.load("return +", "=bad"));
        assertEquals("bad:1: unexpected symbol near '+'", syntax.getMessage());
    }

    @Test
    void globalsAndConversions() {
        Lua lua = new Lua();
        lua.set("greeting", "hello");
        lua.set("count", 3);
        Object[] r = lua.run("return greeting .. ' x' .. count, count + 0.5, {}");
        assertEquals("hello x3", Lua.toJava(r[0]));
        assertEquals(3.5, r[1]);
        assertInstanceOf(LuaTable.class, r[2]);
        lua.run("answer = 42");
        assertEquals(42L, lua.get("answer"));
        assertEquals(lua.globals(), lua.get("_G"));
    }
}
