package dev.moonlet.vm;

import static dev.moonlet.vm.Scripts.assertOutput;

import org.junit.jupiter.api.Test;

/**
 * The interpreter on every family of opcodes: loads, moves, arithmetic, bitwise operators,
 * comparisons, concatenation, tables, loops, varargs, closures, calls and tail calls.
 * The expected outputs were recorded from lua5.4 (PUC-Rio Lua 5.4.4) running the same code.
 */
class CoroutineTest {

    /** both ways */
    @Test
    void resumeAndYieldPassValues() {
        assertOutput("""
                local co = coroutine.create(function(a, b)
                  print("start", a, b)
                  local c = coroutine.yield(a + b)
                  print("got", c)
                  local d, e = coroutine.yield(c * 2)
                  print("got2", d, e)
                  return "done", 99
                end)
                print(coroutine.status(co))
                print(coroutine.resume(co, 1, 2))
                print(coroutine.status(co))
                print(coroutine.resume(co, 10))
                print(coroutine.resume(co, "x", "y"))
                print(coroutine.status(co))
                print(coroutine.resume(co))
                """,
            """
                suspended
                start	1	2
                true	3
                suspended
                got	10
                true	20
                got2	x	y
                true	done	99
                dead
                false	cannot resume dead coroutine
                """);
    }

    @Test
    void statusOfRunningAndNormalCoroutines() {
        assertOutput("""
                local main = coroutine.running()
                local outer
                outer = coroutine.create(function()
                  local inner = coroutine.create(function()
                    print("outer is", coroutine.status(outer))
                    print("inner is", coroutine.status(coroutine.running()))
                    print(coroutine.resume(outer))
                  end)
                  print(coroutine.resume(inner))
                end)
                print(coroutine.resume(outer))
                print(select(2, coroutine.running()), coroutine.isyieldable())
                print(coroutine.resume(coroutine.create(function() return select(2, coroutine.running()), coroutine.isyieldable() end)))
                """,
            """
                outer is	normal
                inner is	running
                false	cannot resume non-suspended coroutine
                true
                true
                true	false
                true	false	true
                """);
    }

    /** and resume reports them */
    @Test
    void errorsInCoroutinesKillThem() {
        assertOutput("""
                local co = coroutine.create(function() local x = nil; return x.y end)
                print(coroutine.resume(co))
                print(coroutine.status(co))
                print(coroutine.resume(co))
                print(coroutine.resume(coroutine.create(function() error("oops") end)))
                print(coroutine.resume(coroutine.create(function() error("plain", 0) end)))
                print(coroutine.resume(coroutine.create(function() error() end)))
                print(coroutine.resume(coroutine.create(function() error(42) end)))
                """,
            """
                false	test:1: attempt to index a nil value (local 'x')
                dead
                false	cannot resume dead coroutine
                false	test:5: oops
                false	plain
                false	nil
                false	42
                """);
    }

    /** with the position of the call */
    @Test
    void wrapPropagatesErrors() {
        assertOutput("""
                local w = coroutine.wrap(function(...) local n = select('#', ...) for i = 1, 3 do coroutine.yield(i, n) end return "end" end)
                print(w(1, 2)); print(w()); print(w()); print(w())
                print(pcall(w))
                local we = coroutine.wrap(function() error("inner") end)
                print(pcall(we))
                local we0 = coroutine.wrap(function() error("inner0", 0) end)
                print(pcall(we0))
                local wt = coroutine.wrap(function() error({}) end)
                print(select('#', pcall(wt)), (pcall(wt)))
                local wtail = coroutine.wrap(function() error("in tail-called wrap") end)
                local function callsInTail()
                  return wtail()
                end
                print(pcall(callsInTail))
                local wdead = coroutine.wrap(function() end)
                wdead()
                local function deadInTail() return wdead() end
                print(pcall(deadInTail))
                """,
            """
                1	2
                2	2
                3	2
                end
                false	cannot resume dead coroutine
                false	test:4: inner
                false	inner0
                2	false
                false	test:12: test:10: in tail-called wrap
                false	test:17: cannot resume dead coroutine
                """);
    }

    @Test
    void yieldAcrossPcallAndErrorsAfterResume() {
        assertOutput("""
                local co = coroutine.create(function()
                  local ok, v = pcall(function() local x = coroutine.yield(1); error("after " .. x, 0) end)
                  print("pcall result", ok, v)
                  local ok2, v2 = pcall(coroutine.yield, 2)
                  print("pcall2", ok2, v2)
                  local ok3, v3 = xpcall(function() return coroutine.yield(3) end, function(m) return "h" end)
                  print("xpcall", ok3, v3)
                  return 4
                end)
                print(coroutine.resume(co))
                print(coroutine.resume(co, "resumed"))
                print(coroutine.resume(co, "again"))
                print(coroutine.resume(co, "last"))
                print(coroutine.status(co))
                """,
            """
                true	1
                pcall result	false	after resumed
                true	2
                pcall2	true	again
                true	3
                xpcall	true	last
                true	4
                dead
                """);
    }

    @Test
    void resumingDeadOrActiveCoroutinesFails() {
        assertOutput("""
                local co = coroutine.create(function() return 1 end)
                coroutine.resume(co)
                print(coroutine.resume(co))
                local self
                self = coroutine.create(function() return coroutine.resume(self) end)
                print(coroutine.resume(self))
                local main = coroutine.running()
                print(coroutine.resume(coroutine.create(function() return coroutine.resume(main) end)))
                local w = coroutine.wrap(function() end)
                w()
                print(pcall(w))
                """,
            """
                false	cannot resume dead coroutine
                true	false	cannot resume non-suspended coroutine
                true	false	cannot resume non-suspended coroutine
                false	cannot resume dead coroutine
                """);
    }

    /** of suspended and failed coroutines */
    @Test
    void closeRunsPendingCloseHandlers() {
        assertOutput("""
                local cc = coroutine.create(function()
                  local a <close> = setmetatable({}, {__close = function(_, e) print("closing a", e) end})
                  local b <close> = setmetatable({}, {__close = function(_, e) print("closing b", e) error("b err", 0) end})
                  coroutine.yield(1)
                end)
                print(coroutine.resume(cc))
                print(coroutine.close(cc))
                print(coroutine.status(cc))
                print(coroutine.close(cc))
                local ce = coroutine.create(function()
                  local a <close> = setmetatable({}, {__close = function(_, e) print("closing after error", e) end})
                  error("died", 0)
                end)
                print(coroutine.resume(ce))
                print(coroutine.close(ce))
                print(coroutine.close(ce))
                print(coroutine.close(coroutine.create(print)))
                local ok = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() print("ok close") end}) coroutine.yield() end)
                coroutine.resume(ok)
                print(coroutine.close(ok))
                print(pcall(coroutine.close, coroutine.running()))
                """,
            """
                true	1
                closing b	nil
                closing a	b err
                false	b err
                dead
                true
                false	died
                closing after error	died
                false	died
                true
                true
                ok close
                true
                false	cannot close a running coroutine
                """);
    }

    /** before propagating its error */
    @Test
    void wrapClosesAFailedCoroutine() {
        assertOutput("""
                local we2 = coroutine.wrap(function()
                  local x <close> = setmetatable({}, {__close = function(_, e) print("wrap closed", e) end})
                  error("inner2", 0)
                end)
                print(pcall(we2))
                """,
            """
                wrap closed	inner2
                false	inner2
                """);
    }

    @Test
    void yieldInsideForIteratorsAndNestedCoroutines() {
        assertOutput("""
                local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
                for v in gen do print("gen", v) end
                local function producer(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
                local function filter(src) return coroutine.wrap(function() for v in src do if v % 2 == 0 then coroutine.yield(v) end end end) end
                for v in filter(producer(10)) do print("even", v) end
                """,
            """
                gen	1
                gen	2
                gen	3
                even	2
                even	4
                even	6
                even	8
                even	10
                """);
    }

    @Test
    void manyCoroutinesAndDeepNesting() {
        assertOutput("""
                local total = 0
                for i = 1, 1000 do
                  local c = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
                  total = total + c(i) + c(i)
                end
                print(total)
                local function nest(n) if n == 0 then return 0 end return coroutine.wrap(function() return nest(n - 1) + 1 end)() end
                print(nest(50))
                local function f(n) local c = coroutine.create(f) local a, b = coroutine.resume(c) return b end
                print(f())
                """,
            """
                1502500
                50
                C stack overflow
                """);
    }

    @Test
    void yieldFromNestedLuaCallsInsideTheCoroutine() {
        assertOutput("""
                local function deep(n) if n == 0 then return coroutine.yield("bottom") end return deep(n - 1) + 1 end
                local co = coroutine.create(function() return deep(1000) end)
                print(coroutine.resume(co))
                print(coroutine.resume(co, 0))
                """,
            """
                true	bottom
                true	1000
                """);
    }
}
