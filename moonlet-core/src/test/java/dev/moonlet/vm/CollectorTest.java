package dev.moonlet.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The collector through the embedding API: memory limit, incremental marking, roots, finalizers. */
class CollectorTest {
    /** Runs {@code code} on {@code lua} in steps of {@code fuel}, returning its results. */
    private static Object[] run(Lua lua, String code, long fuel) {
        Executor ex = lua.start(lua.load(code, "=test"));
        for (;;) {
            Status s = ex.step(fuel);
            if (s instanceof Status.Finished) return ((Status.Finished) s).values();
            if (s instanceof Status.Failed) throw ((Status.Failed) s).error();
        }
    }

    @Test
    void overTheLimitIsACatchableErrorAndTheInstanceRecovers() {
        Lua lua = new Lua();
        lua.instance().heap().setLimit(lua.instance().heap().used() + (4 << 20));
        Object[] r = lua.run("""
                local t = {}
                local ok, err = pcall(function() for i = 1, 1e9 do t[i] = {i} end end)
                local filled = #t
                t = nil
                local u = {}
                for i = 1, filled // 2 do u[i] = {i} end
                return ok, err, filled > 1000, #u == filled // 2
                """);
        assertArrayEquals(new Object[] {false, LuaString.of("not enough memory"), true, true}, r);
        assertTrue(lua.instance().heap().used() <= lua.instance().heap().limit());
    }

    @Test
    void droppedReferencesAreFreedByCollectgarbageToo() {
        Lua lua = new Lua();
        lua.instance().heap().setLimit(lua.instance().heap().used() + (2 << 20));
        Object[] r = lua.run("""
                local keep = {}
                local ok = pcall(function() for i = 1, 1e9 do keep[i] = {} end end)
                keep = nil
                collectgarbage()
                local again = {}
                for i = 1, 1000 do again[i] = {} end
                return ok, #again
                """);
        assertArrayEquals(new Object[] {false, 1000L}, r);
    }

    /**
     * A mutator that keeps moving objects between places the marker reaches at different
     * times (tables traversed already, fresh tables, locals, upvalues, coroutine stacks), while
     * small steps give the incremental collector many slices: a weak table must never lose an
     * object that is still reachable.
     */
    @Test
    void incrementalMarkingNeverClearsALiveObject() {
        Lua lua = new Lua();
        Object[] r = run(lua, """
                collectgarbage("incremental")
                math.randomseed(7)
                local N = 64
                local weak = setmetatable({}, {__mode = "v"})
                local ephemeron = setmetatable({}, {__mode = "k"})
                local strong = {}
                local boxes = {}
                for i = 1, N do boxes[i] = {} end
                local captured
                local function capture(o) captured = o end
                local co = coroutine.wrap(function()
                  local held
                  while true do held = coroutine.yield(held) end
                end)
                co()
                local cycles = 0
                for round = 1, 60000 do
                  local i = math.random(N)
                  local op = math.random(6)
                  if op == 1 then
                    local o = {id = i}
                    strong[i] = o
                  elseif op == 2 then
                    strong[i] = nil
                  elseif op == 3 then
                    -- hide the object in a box (maybe traversed already), then take it back
                    local j = math.random(N)
                    boxes[j].o = strong[i]
                    strong[i] = nil
                    strong[i] = boxes[j].o
                    boxes[j].o = nil
                  elseif op == 4 then
                    capture(strong[i]); strong[i] = nil
                    strong[i] = captured; captured = nil
                  elseif op == 5 then
                    co(strong[i]); strong[i] = nil
                    strong[i] = co(nil)
                  else
                    local fresh = {strong[i]}
                    strong[i] = nil
                    strong[i] = fresh[1]
                  end
                  local o = strong[i]
                  if o then weak[i] = o; ephemeron[o] = {o} end
                  for k = 1, 8 do local garbage = {k} end
                  for k, v in pairs(strong) do
                    if weak[k] ~= v or ephemeron[v] == nil then error("live object cleared at round " .. round) end
                  end
                end
                strong = nil
                collectgarbage()
                return next(weak) == nil, next(ephemeron) == nil
                """, 2_000);
        assertArrayEquals(new Object[] {true, true}, r);
    }

    @Test
    void deepStructuresMarkOnASmallJavaStack() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Lua lua = new Lua();
                result.set(lua.run("""
                        local weak = setmetatable({}, {__mode = "k"})
                        local head = {}
                        local node = head
                        for i = 1, 1000000 do local n = {}; node.next = n; node = n end
                        weak[node] = true
                        collectgarbage()
                        local kept = next(weak) == node
                        local function down(n) if n == 0 then collectgarbage() return weak[node] end return (down(n - 1)) end
                        local deep = down(150000)
                        head, node = nil, nil
                        collectgarbage()
                        return kept, deep, next(weak)
                        """));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertArrayEquals(new Object[] {true, true, null}, (Object[]) result.get());
    }

    @Test
    void pinnedValuesSurviveAndUnpinnedOnesAreFinalized() {
        Lua lua = new Lua();
        Object t = lua.run("""
                finalized = 0
                return setmetatable({}, {__gc = function() finalized = finalized + 1 end})
                """)[0];
        lua.pin(t);
        lua.run("collectgarbage()");
        assertEquals(0L, lua.get("finalized"));
        lua.unpin(t);
        lua.run("collectgarbage()");
        assertEquals(1L, lua.get("finalized"));
    }

    @Test
    void anExecutorJavaDroppedIsNoRoot() throws Exception {
        Lua lua = new Lua();
        CompletableFuture<Object> never = new CompletableFuture<>();
        lua.register("wait", Builtin.of("wait", (co, args) -> (Sequence) (c, results) -> new Action.Await(never)));
        lua.run("weak = setmetatable({}, {__mode = 'k'})");
        Executor waiting = lua.start(lua.load("local t = {}; weak[t] = true; wait()", "=waiting"));
        assertInstanceOf(Status.Waiting.class, waiting.step(1_000));
        lua.run("collectgarbage()");
        assertEquals(true, lua.run("return next(weak) ~= nil")[0], "a live executor's stack is a root");
        WeakReference<Executor> ref = new WeakReference<>(waiting);
        waiting = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) System.gc();
        Assumptions.assumeTrue(ref.get() == null, "the JVM did not clear the executor");
        lua.run("collectgarbage()");
        assertEquals(true, lua.run("return next(weak) == nil")[0]);
    }

    @Test
    void errorsInFinalizersAreWarnings() {
        Lua lua = new Lua();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        lua.setErrorOutput(err);
        lua.run("""
                warn('@on')
                setmetatable({}, {__gc = function() error('boom') end})
                setmetatable({}, {__gc = function() error({}) end})
                collectgarbage()
                """);
        assertEquals("Lua warning: error in __gc (error object is not a string)\n"
                + "Lua warning: error in __gc ([string \"warn('@on')...\"]:2: boom)\n", err.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void closeRunsEveryFinalizerNewestFirst() {
        Lua lua = new Lua();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lua.setOutput(out);
        lua.run("""
                keep = {}
                for i = 1, 3 do keep[i] = setmetatable({}, {__gc = function() print('gc', i) end}) end
                """);
        lua.close();
        lua.close();
        assertEquals("gc\t3\ngc\t2\ngc\t1\n", out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aJavaSideTableWithoutBarrierIsRescanned() {
        Lua lua = new Lua();
        LuaTable holder = new LuaTable();
        lua.set("holder", holder);
        Object[] r = run(lua, """
                collectgarbage("incremental")
                local weak = setmetatable({}, {__mode = "v"})
                for round = 1, 20000 do
                  local o = {}
                  holder[1] = o
                  weak[1] = o
                  o = nil
                  for k = 1, 4 do local garbage = {} end
                  if weak[1] ~= holder[1] then error("cleared at " .. round) end
                end
                return true
                """, 500);
        assertEquals(true, r[0]);
    }

    /**
     * What only a suspended builtin holds stays alive (each builtin traces its state): the
     * table {@code table.sort} sorts, whose only reference is the sort's own once its first
     * comparison has been called, while that comparison is suspended in a yield.
     */
    @Test
    void valuesOnlyASuspendedBuiltinHoldsStayAlive() {
        Lua lua = new Lua();
        Object[] r = run(lua, """
                local weak = setmetatable({}, {__mode = "v"})
                local mt = {__lt = function(a, b) coroutine.yield() return a.v < b.v end}
                local function make()
                  local t = {}
                  for i = 1, 5 do t[i] = setmetatable({v = 6 - i}, mt) end
                  weak[1] = t
                  return t
                end
                local co = coroutine.wrap(function() table.sort(make()) return "sorted" end)
                co()
                collectgarbage()
                local alive = weak[1] ~= nil
                while co() ~= "sorted" do end
                return alive, weak[1] and weak[1][1].v
                """, 1_000_000);
        assertArrayEquals(new Object[] {true, 1L}, r);
    }
}
