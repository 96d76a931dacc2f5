package dev.moonlet.vm;

import static dev.moonlet.vm.Scripts.assertStdinOutput;

import org.junit.jupiter.api.Test;

/**
 * The interpreter on every family of opcodes: loads, moves, arithmetic, bitwise operators,
 * comparisons, concatenation, tables, loops, varargs, closures, calls and tail calls.
 * The expected outputs were recorded from lua5.4 (PUC-Rio Lua 5.4.4) running the same code.
 */
class TracebackTest {

    /** names functions as Lua does */
    @Test
    void tracebackOfNestedCalls() {
        assertStdinOutput("""
                local function lvl3() error("deep error") end
                local function lvl2() lvl3() end
                function lvl1() lvl2() end
                print(xpcall(lvl1, debug.traceback))
                local t = {}
                function t.field() local x = nil; x() end
                function t:method() t.field() end
                print(xpcall(function() t:method() end, debug.traceback))
                """,
            """
                false	stdin:1: deep error
                stack traceback:
                	[C]: in function 'error'
                	stdin:1: in upvalue 'lvl3'
                	stdin:2: in upvalue 'lvl2'
                	stdin:3: in function 'lvl1'
                	[C]: in function 'xpcall'
                	stdin:4: in main chunk
                	[C]: in ?
                false	stdin:6: attempt to call a nil value (local 'x')
                stack traceback:
                	stdin:6: in field 'field'
                	stdin:7: in method 'method'
                	stdin:8: in function <stdin:8>
                	[C]: in function 'xpcall'
                	stdin:8: in main chunk
                	[C]: in ?
                """);
    }

    @Test
    void tracebackShowsTailCallsMetamethodsAndIterators() {
        assertStdinOutput("""
                local function tail(n) if n == 0 then error("tail bottom") end return tail(n - 1) end
                print(xpcall(tail, debug.traceback, 5))
                print(xpcall(function() local a = setmetatable({}, {__index = function(t, k) error("in index") end}); return a.x end, debug.traceback))
                print(xpcall(function() for k in function() error("iter") end do end end, debug.traceback))
                print(xpcall(function() local c = setmetatable({}, {__add = function() error("in add") end}) return c + 1 end, debug.traceback))
                print(xpcall(function() local c <close> = setmetatable({}, {__close = function() error("in close") end}) end, debug.traceback))
                """,
            """
                false	stdin:1: tail bottom
                stack traceback:
                	[C]: in function 'error'
                	stdin:1: in function <stdin:1>
                	(...tail calls...)
                	[C]: in function 'xpcall'
                	stdin:2: in main chunk
                	[C]: in ?
                false	stdin:3: in index
                stack traceback:
                	[C]: in function 'error'
                	stdin:3: in metamethod 'index'
                	stdin:3: in function <stdin:3>
                	[C]: in function 'xpcall'
                	stdin:3: in main chunk
                	[C]: in ?
                false	stdin:4: iter
                stack traceback:
                	[C]: in function 'error'
                	stdin:4: in for iterator 'for iterator'
                	stdin:4: in function <stdin:4>
                	[C]: in function 'xpcall'
                	stdin:4: in main chunk
                	[C]: in ?
                false	stdin:5: in add
                stack traceback:
                	[C]: in function 'error'
                	stdin:5: in metamethod 'add'
                	stdin:5: in function <stdin:5>
                	[C]: in function 'xpcall'
                	stdin:5: in main chunk
                	[C]: in ?
                false	stdin:6: in close
                stack traceback:
                	[C]: in function 'error'
                	stdin:6: in metamethod 'close'
                	stdin:6: in function <stdin:6>
                	[C]: in function 'xpcall'
                	stdin:6: in main chunk
                	[C]: in ?
                """);
    }

    @Test
    void tracebackLevelsAndMessages() {
        assertStdinOutput("""
                print(debug.traceback("msg"))
                print(debug.traceback("msg", 2))
                print(debug.traceback())
                print(debug.traceback(nil, 1))
                local function f() return debug.traceback("in f") end
                print(f())
                print(debug.traceback(42))
                """,
            """
                msg
                stack traceback:
                	stdin:1: in main chunk
                	[C]: in ?
                msg
                stack traceback:
                	[C]: in ?
                stack traceback:
                	stdin:3: in main chunk
                	[C]: in ?
                stack traceback:
                	stdin:4: in main chunk
                	[C]: in ?
                in f
                stack traceback:
                	stdin:5: in local 'f'
                	stdin:6: in main chunk
                	[C]: in ?
                42
                stack traceback:
                	stdin:7: in main chunk
                	[C]: in ?
                """);
    }

    /** in a coroutine, so that the levels are the same as in lua */
    @Test
    void tracebackOfDeepStacksSkipsLevels() {
        assertStdinOutput("""
                local co = coroutine.create(function()
                  local function rec(n) if n == 0 then error("bottom") end return (rec(n - 1)) end
                  print(xpcall(rec, debug.traceback, 40))
                  local function rec2(n) if n == 0 then return debug.traceback("short", 1) end return (rec2(n - 1)) end
                  print(rec2(19))
                  print(rec2(20))
                end)
                print(coroutine.resume(co))
                """,
            """
                false	stdin:2: bottom
                stack traceback:
                	[C]: in function 'error'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	...	(skipping 22 levels)
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in upvalue 'rec'
                	stdin:2: in function <stdin:2>
                	[C]: in function 'xpcall'
                	stdin:3: in function <stdin:1>
                short
                stack traceback:
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in local 'rec2'
                	stdin:5: in function <stdin:1>
                short
                stack traceback:
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in upvalue 'rec2'
                	stdin:4: in local 'rec2'
                	stdin:6: in function <stdin:1>
                true
                """);
    }

    /** starts at its yield */
    @Test
    void tracebackOfASuspendedCoroutine() {
        assertStdinOutput("""
                local co = coroutine.create(function()
                  local function inner() coroutine.yield() end
                  inner()
                end)
                coroutine.resume(co)
                print(debug.traceback(co))
                print(debug.traceback(co, "msg"))
                print(debug.traceback(co, "msg", 1))
                local dead = coroutine.create(function() local x = nil; x() end)
                coroutine.resume(dead)
                print(debug.traceback(dead))
                local dead2 = coroutine.create(function() error("e") end)
                coroutine.resume(dead2)
                print(debug.traceback(dead2))
                """,
            """
                stack traceback:
                	[C]: in function 'coroutine.yield'
                	stdin:2: in local 'inner'
                	stdin:3: in function <stdin:1>
                msg
                stack traceback:
                	[C]: in function 'coroutine.yield'
                	stdin:2: in local 'inner'
                	stdin:3: in function <stdin:1>
                msg
                stack traceback:
                	stdin:2: in local 'inner'
                	stdin:3: in function <stdin:1>
                stack traceback:
                	stdin:9: in function <stdin:9>
                stack traceback:
                	[C]: in function 'error'
                	stdin:12: in function <stdin:12>
                """);
    }

    @Test
    void argumentErrorsNameTheFunctionAsCalled() {
        assertStdinOutput("""
                local t = {rawlen = rawlen}
                print(pcall(rawlen))
                print(pcall(function() rawlen() end))
                print(pcall(function() t.rawlen() end))
                print(pcall(function() t:rawlen() end))
                local r = rawlen
                print(pcall(function() r(1) end))
                print(pcall(function() return r(1) end))
                print(xpcall(function() rawlen(5) end, debug.traceback))
                """,
            """
                false	bad argument #1 to 'rawlen' (table or string expected, got no value)
                false	stdin:3: bad argument #1 to 'rawlen' (table or string expected, got no value)
                false	stdin:4: bad argument #1 to 'rawlen' (table or string expected, got no value)
                true
                false	stdin:7: bad argument #1 to 'r' (table or string expected, got number)
                false	stdin:8: bad argument #1 to 'r' (table or string expected, got number)
                false	stdin:9: bad argument #1 to 'rawlen' (table or string expected, got number)
                stack traceback:
                	[C]: in function 'rawlen'
                	stdin:9: in function <stdin:9>
                	[C]: in function 'xpcall'
                	stdin:9: in main chunk
                	[C]: in ?
                """);
    }
}
