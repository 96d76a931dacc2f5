package dev.moonlet.vm;

import static dev.moonlet.vm.Scripts.assertOutput;

import org.junit.jupiter.api.Test;

/**
 * The interpreter on every family of opcodes: loads, moves, arithmetic, bitwise operators,
 * comparisons, concatenation, tables, loops, varargs, closures, calls and tail calls.
 * The expected outputs were recorded from lua5.4 (PUC-Rio Lua 5.4.4) running the same code.
 */
class RuntimeErrorTest {

    /** names globals, locals, fields, upvalues and methods */
    @Test
    void indexingNilVariables() {
        assertOutput("""
                print(pcall(function() return undefinedglobal.y end))
                print(pcall(function() local x = nil; return x.y end))
                print(pcall(function() local t = {} return t.x.y end))
                print(pcall(function() local t = {} return t.a.b.c end))
                print(pcall(function() local t = {} t.x.y = 1 end))
                print(pcall(function() local up = nil; return (function() return up.x end)() end))
                print(pcall(function() local t = {} t:foo() end))
                print(pcall(function() local t = {} return t[1][2] end))
                print(pcall(function() local t = {} local k = "key" return t[k].z end))
                print(pcall(function() local x = 1 return x.y end))
                print(pcall(function() return (true).y end))
                print(pcall(function() undefinedglobal.y = 1 end))
                print(pcall(function() local a = {} ; a.b.c = 1 end))
                print(pcall(function() local s = 1 s[1] = 2 end))
                print(pcall(function() local t = setmetatable({}, {__index = 1}) return t.x end))
                """,
            """
                false	test:1: attempt to index a nil value (global 'undefinedglobal')
                false	test:2: attempt to index a nil value (local 'x')
                false	test:3: attempt to index a nil value (field 'x')
                false	test:4: attempt to index a nil value (field 'a')
                false	test:5: attempt to index a nil value (field 'x')
                false	test:6: attempt to index a nil value (upvalue 'up')
                false	test:7: attempt to call a nil value (method 'foo')
                false	test:8: attempt to index a nil value (field 'integer index')
                false	test:9: attempt to index a nil value (field '?')
                false	test:10: attempt to index a number value (local 'x')
                false	test:11: attempt to index a boolean value
                false	test:12: attempt to index a nil value (global 'undefinedglobal')
                false	test:13: attempt to index a nil value (field 'b')
                false	test:14: attempt to index a number value (local 's')
                false	test:15: attempt to index a number value
                """);
    }

    /** names the called expression */
    @Test
    void callingNonFunctions() {
        assertOutput("""
                print(pcall(function() undefinedf() end))
                print(pcall(function() local f; f() end))
                print(pcall(function() local t = {} t.m() end))
                print(pcall(function() local t = {} t:m() end))
                print(pcall(function() local t = {} t[1]() end))
                print(pcall(function() local t = {{}} t[1][2]() end))
                print(pcall(function() ("x")() end))
                print(pcall(function() (1)() end))
                print(pcall(function() local up = 3; (function() up() end)() end))
                print(pcall(function() return undefinedf() end))
                print(pcall(function() for k in 5 do end end))
                print(pcall(function() local t = setmetatable({}, {__add = 5}) return t + 1 end))
                print(pcall(function() local t = setmetatable({}, {__index = setmetatable({}, {__call = 1})}) return t.x end))
                print(pcall(function() local t = setmetatable({}, {__call = 1}) return t() end))
                """,
            """
                false	test:1: attempt to call a nil value (global 'undefinedf')
                false	test:2: attempt to call a nil value (local 'f')
                false	test:3: attempt to call a nil value (field 'm')
                false	test:4: attempt to call a nil value (method 'm')
                false	test:5: attempt to call a nil value (field 'integer index')
                false	test:6: attempt to call a nil value (field 'integer index')
                false	test:7: attempt to call a string value (constant 'x')
                false	test:8: attempt to call a number value
                false	test:9: attempt to call a number value (upvalue 'up')
                false	test:10: attempt to call a nil value (global 'undefinedf')
                false	test:11: attempt to call a number value (for iterator 'for iterator')
                false	test:12: attempt to call a number value (metamethod 'add')
                true	nil
                false	test:14: attempt to call a number value (local 't')
                """);
    }

    /** blame the operand that is not a number */
    @Test
    void arithmeticErrors() {
        assertOutput("""
                print(pcall(function() return {} + 1 end))
                print(pcall(function() local t = {} return 1 + t end))
                print(pcall(function() local t = {} return t * 2 end))
                print(pcall(function() local n; return n - 1 end))
                print(pcall(function() local n; return 1 - n end))
                print(pcall(function() return undefinedglobal * 2 end))
                print(pcall(function() local t = {} return t.x / 2 end))
                print(pcall(function() return -{} end))
                print(pcall(function() local b = true; return -b end))
                print(pcall(function() return 1 // 0 end))
                print(pcall(function() local z = 0 return 1 % z end))
                print(pcall(function() local z = 0 return 1 // z end))
                print(pcall(function() return 2^1000 // 0.0 end))
                print(pcall(function() local a, b = nil, 2 return a ^ b end))
                print(pcall(function() local a, b = 2, {} return a % b end))
                """,
            """
                false	test:1: attempt to perform arithmetic on a table value
                false	test:2: attempt to perform arithmetic on a table value (local 't')
                false	test:3: attempt to perform arithmetic on a table value (local 't')
                false	test:4: attempt to perform arithmetic on a nil value (local 'n')
                false	test:5: attempt to perform arithmetic on a nil value (local 'n')
                false	test:6: attempt to perform arithmetic on a nil value (global 'undefinedglobal')
                false	test:7: attempt to perform arithmetic on a nil value (field 'x')
                false	test:8: attempt to perform arithmetic on a table value
                false	test:9: attempt to perform arithmetic on a boolean value (local 'b')
                false	test:10: attempt to divide by zero
                false	test:11: attempt to perform 'n%0'
                false	test:12: attempt to divide by zero
                true	inf
                false	test:14: attempt to perform arithmetic on a nil value (local 'a')
                false	test:15: attempt to perform arithmetic on a table value (local 'b')
                """);
    }

    /** distinguish non-numbers, strings and floats without integer value */
    @Test
    void bitwiseErrors() {
        assertOutput("""
                print(pcall(function() return "3" & 1 end))
                print(pcall(function() return "a" | 1 end))
                print(pcall(function() local x = 1.5; return x | 1 end))
                print(pcall(function() local x = 1.5; return 1 | x end))
                print(pcall(function() return ~1.5 end))
                print(pcall(function() local x = 2^63 return x >> 1 end))
                print(pcall(function() return {} & 1 end))
                print(pcall(function() local t = {} return t << 1 end))
                print(pcall(function() local t = {} return 1 >> t end))
                print(pcall(function() local f = 1.5 return f << 2 end))
                print(pcall(function() local b = true return ~b end))
                """,
            """
                false	test:1: attempt to perform bitwise operation on a string value (constant '3')
                false	test:2: attempt to perform bitwise operation on a string value (constant 'a')
                false	test:3: number (local 'x') has no integer representation
                false	test:4: number (local 'x') has no integer representation
                false	test:5: number has no integer representation
                false	test:6: number (local 'x') has no integer representation
                false	test:7: attempt to perform bitwise operation on a table value
                false	test:8: attempt to perform bitwise operation on a table value (local 't')
                false	test:9: attempt to perform bitwise operation on a table value (local 't')
                false	test:10: number (local 'f') has no integer representation
                false	test:11: attempt to perform bitwise operation on a boolean value (local 'b')
                """);
    }

    /** name both types */
    @Test
    void comparisonErrors() {
        assertOutput("""
                print(pcall(function() return 1 < "x" end))
                print(pcall(function() return {} < {} end))
                print(pcall(function() local t = {} return t < 1 end))
                print(pcall(function() local t = {} return 1 < t end))
                print(pcall(function() local t = {} return t <= 1.5 end))
                print(pcall(function() local t = {} return t > 1 end))
                print(pcall(function() local t = {} return t >= 1 end))
                print(pcall(function() return nil < 1 end))
                print(pcall(function() return true <= false end))
                print(pcall(function() return "a" < 1 end))
                print(pcall(function() return setmetatable({}, {__name = "MyType"}) < 1 end))
                """,
            """
                false	test:1: attempt to compare number with string
                false	test:2: attempt to compare two table values
                false	test:3: attempt to compare table with number
                false	test:4: attempt to compare number with table
                false	test:5: attempt to compare table with number
                false	test:6: attempt to compare number with table
                false	test:7: attempt to compare number with table
                false	test:8: attempt to compare nil with number
                false	test:9: attempt to compare two boolean values
                false	test:10: attempt to compare string with number
                false	test:11: attempt to compare MyType with number
                """);
    }

    /** blame the value that is not a string or number */
    @Test
    void concatenationErrors() {
        assertOutput("""
                print(pcall(function() local t = {} return "a" .. t end))
                print(pcall(function() return {} .. "x" end))
                print(pcall(function() return "x" .. {} end))
                print(pcall(function() local n; return "x" .. n .. "y" end))
                print(pcall(function() local b = true; return b .. "x" end))
                print(pcall(function() return "a" .. undefinedglobal end))
                """,
            """
                false	test:1: attempt to concatenate a table value (local 't')
                false	test:2: attempt to concatenate a table value
                false	test:3: attempt to concatenate a table value
                false	test:4: attempt to concatenate a nil value (local 'n')
                false	test:5: attempt to concatenate a boolean value (local 'b')
                false	test:6: attempt to concatenate a nil value (global 'undefinedglobal')
                """);
    }

    /** name the operand */
    @Test
    void lengthErrors() {
        assertOutput("""
                print(pcall(function() return #nil end))
                print(pcall(function() return #5 end))
                print(pcall(function() local n = 5 return #n end))
                print(pcall(function() return #undefinedglobal end))
                """,
            """
                false	test:1: attempt to get length of a nil value
                false	test:2: attempt to get length of a number value
                false	test:3: attempt to get length of a number value (local 'n')
                false	test:4: attempt to get length of a nil value (global 'undefinedglobal')
                """);
    }

    /** say which control value is bad */
    @Test
    void forLoopErrors() {
        assertOutput("""
                print(pcall(function() for i = 1, 10, 0 do end end))
                print(pcall(function() for i = 1.0, 10, 0 do end end))
                print(pcall(function() for i = 1, "x" do end end))
                print(pcall(function() for i = 1, {} do end end))
                print(pcall(function() for i = "a", 2 do end end))
                print(pcall(function() for i = nil, 2 do end end))
                print(pcall(function() for i = 1, 2, {} do end end))
                print(pcall(function() for i = 1, 2, nil do end end))
                for i = "1", 2 do print(i) end
                for i = 1, "2" do print(i) end
                for i = 1, 2, "1" do print(i) end
                """,
            """
                false	test:1: 'for' step is zero
                false	test:2: 'for' step is zero
                false	test:3: bad 'for' limit (number expected, got string)
                false	test:4: bad 'for' limit (number expected, got table)
                false	test:5: bad 'for' initial value (number expected, got string)
                false	test:6: bad 'for' initial value (number expected, got nil)
                false	test:7: bad 'for' step (number expected, got table)
                false	test:8: bad 'for' step (number expected, got nil)
                1.0
                2.0
                1
                2
                1.0
                2.0
                """);
    }

    /** for nil and NaN keys */
    @Test
    void tableIndexErrors() {
        assertOutput("""
                print(pcall(function() local t = {} t[nil] = 1 end))
                print(pcall(function() local t = {} t[0/0] = 1 end))
                print(pcall(function() local t = {} local k t[k] = 1 end))
                print(pcall(function() return {[nil] = 1} end))
                print(pcall(function() local t = setmetatable({}, {__newindex = function() end}) ; local a; t[a] = 1 return "ok" end))
                local t = {}
                print(t[nil], t[0/0])
                """,
            """
                false	test:1: table index is nil
                false	test:2: table index is NaN
                false	test:3: table index is nil
                false	test:4: table index is nil
                true	ok
                nil	nil
                """);
    }

    /** in __index and __newindex loops */
    @Test
    void chainsTooLong() {
        assertOutput("""
                local t = setmetatable({}, {})
                getmetatable(t).__index = t
                print(pcall(function() return t.x end))
                local u = setmetatable({}, {})
                getmetatable(u).__newindex = u
                print(pcall(function() u.x = 1 end))
                """,
            """
                false	test:3: '__index' chain too long; possible loop
                false	test:6: '__newindex' chain too long; possible loop
                """);
    }

    /** for non-closable values */
    @Test
    void closeErrors() {
        assertOutput("""
                print(pcall(function() local x <close> = 42 end))
                print(pcall(function() local x <close> = {} end))
                print(pcall(function() local a <close> = nil local b <close> = false return "ok" end))
                print(pcall(function() for i in function() end, nil, nil, 42 do end end))
                """,
            """
                false	test:1: variable 'x' got a non-closable value
                false	test:2: variable 'x' got a non-closable value
                true	ok
                false	test:4: variable '(for state)' got a non-closable value
                """);
    }

    /** add positions as requested */
    @Test
    void errorFunctionLevels() {
        assertOutput("""
                print(pcall(error))
                print(pcall(error, nil))
                print(pcall(error, "msg", 0))
                print(pcall(error, "msg", 1))
                print(pcall(error, "msg", 2))
                print(pcall(error, 42))
                local function f() error("lvl1") end
                local function g() error("lvl2", 2) end
                print(pcall(f))
                print(pcall(function() g() end))
                print(select('#', pcall(error)))
                """,
            """
                false	nil
                false	nil
                false	msg
                false	msg
                false	test:5: msg
                false	42
                false	test:7: lvl1
                false	test:10: lvl2
                2
                """);
    }

    /** stops the script */
    @Test
    void uncaughtErrorInMainChunk() {
        assertOutput("""
                print("before")
                local t = nil
                print(t.x)
                print("after")
                """,
            """
                before
                ERROR: test:3: attempt to index a nil value (local 't')
                """);
    }

    /** that is not a string */
    @Test
    void uncaughtErrorObject() {
        assertOutput("""
                error({})
                """,
            """
                ERROR: (error object is a table value)
                """);
    }

    /** that pcall catches */
    @Test
    void stackOverflowIsAnError() {
        assertOutput("""
                local function f(n) return 1 + f(n + 1) end
                print(pcall(f, 1))
                local depth = 0
                local function g() depth = depth + 1 g() end
                print(pcall(g), depth > 100000)
                print(pcall(g), depth > 200000)
                """,
            """
                false	test:1: stack overflow
                false	true
                false	true
                """);
    }

    /** is an error */
    @Test
    void yieldOutsideCoroutine() {
        assertOutput("""
                print(pcall(coroutine.yield, 1))
                print(coroutine.isyieldable())
                """,
            """
                false	attempt to yield from outside a coroutine
                false
                """);
    }

    /** without which strings are not numbers */
    @Test
    void stringArithmeticNeedsTheStringMetatable() {
        assertOutput("""
                local smt = getmetatable("")
                if smt then
                  local events = {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv"}
                  for i = 1, #events do smt[events[i]] = nil end
                end
                print(pcall(function() return "10" + 1 end))
                print(pcall(function() local s = "x"; return s * 2 end))
                print(pcall(function() return -"2" end))
                print(pcall(function() return 1 < "2" end))
                print(pcall(function() return "10" .. 1 end))
                for i = "1", "2" do print(i) end
                """,
            """
                false	test:6: attempt to perform arithmetic on a string value (constant '10')
                false	test:7: attempt to perform arithmetic on a string value (local 's')
                false	test:8: attempt to perform arithmetic on a string value (constant '2')
                false	test:9: attempt to compare number with string
                true	101
                1.0
                2.0
                """);
    }
}
