package dev.moonlet.vm;

import static dev.moonlet.vm.Scripts.assertOutput;

import org.junit.jupiter.api.Test;

/**
 * The interpreter on every family of opcodes: loads, moves, arithmetic, bitwise operators,
 * comparisons, concatenation, tables, loops, varargs, closures, calls and tail calls.
 * The expected outputs were recorded from lua5.4 (PUC-Rio Lua 5.4.4) running the same code.
 */
class InterpreterTest {

    /** constants, nil, booleans, moves between registers */
    @Test
    void loadsAndMoves() {
        assertOutput("""
                local a, b, c = 1, 2.5, "s"
                local d, e = nil, true
                local f = false
                local g = a
                print(a, b, c, d, e, f, g)
                print(-0.0, 1e300 * 1e10, 0x7fffffffffffffff, 0xffffffffffffffff, 1e15, 2^53, 100 // 1)
                local x, y, z
                print(x, y, z)
                """,
            """
                1	2.5	s	nil	true	false	1
                -0.0	inf	9223372036854775807	-1	1e+15	9.007199254741e+15	100
                nil	nil	nil
                """);
    }

    /** wraps around, floors division and modulo */
    @Test
    void integerArithmetic() {
        assertOutput("""
                local maxi, mini = math and math.maxinteger or 0x7fffffffffffffff, 0x8000000000000000
                print(maxi + 1 == mini, mini - 1 == maxi, maxi * 2)
                print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, mini // -1, mini % -1)
                local a, b = 7, 2
                print(a + b, a - b, a * b, a / b, a % b, a ^ b, a // b, -a)
                print(a + 1, a - 1, 1 - a, 2 * a, a * 2, a / 2, a % 2, a ^ 2, a // 2)
                """,
            """
                true	true	-2
                3	-4	-4	1	2	-2	-9223372036854775808	0
                9	5	14	3.5	1	49.0	3	-7
                8	6	-6	14	14	3.5	1	49.0	3
                """);
    }

    /** and mixed integer/float operands */
    @Test
    void floatArithmetic() {
        assertOutput("""
                local a, b = 7.5, 2
                print(a + b, a - b, a * b, a / b, a % b, a ^ b, a // b, -a)
                local inf = 1/0
                print(5.0 % -3, -5.0 % 3, 5 % -3.0, 5.5 // 0, -5.5 // 0, 0/0 ~= 0/0, 1 % inf)
                print(3 % inf, -3 % inf, 3 % -inf, 1e308 * 10, -1e308 * 10, 2^0.5, 10 / 4, 3 // 0.0)
                """,
            """
                9.5	5.5	15.0	3.75	1.5	56.25	3.0	-7.5
                -1.0	1.0	-1.0	inf	-inf	true	1.0
                3.0	inf	-inf	inf	-inf	1.4142135623731	2.5	inf
                """);
    }

    /** operators on integers and integral floats */
    @Test
    void bitwise() {
        assertOutput("""
                local a, b = 0xF0, 0x3C
                print(a & b, a | b, a ~ b, ~a, a << 4, a >> 4, 1 << 63, 1 << 64, -1 >> 1, -1 >> 64, 1 << -1, 2 >> -1)
                print(3.0 & 1, 2^53 | 0, "x" ~= 1)
                local n = 5
                print(n << 1, n >> 1, 1 << n, n & 4, n | 8, n ~ 1)
                """,
            """
                48	252	204	-241	3840	15	-9223372036854775808	0	9223372036854775807	0	0	4
                1	9007199254740992	true
                10	2	32	4	13	4
                """);
    }

    /** of numbers and strings */
    @Test
    void comparisons() {
        assertOutput("""
                print(1 < 2, 1 <= 1, 2 > 1, 2 >= 3, 1 == 1.0, 1 < 1.5, 1.5 < 2, -0.0 == 0.0)
                print("a" < "b", "a" < "ab", "" < "a", "b" <= "b", "Z" < "a", "a\\0b" < "a\\0c", "\\255" > "a")
                print(math_maxi == nil, 2^63 == 0x7fffffffffffffff, 2^63 > 0x7fffffffffffffff, -2^63 == 0x8000000000000000)
                print(9007199254740993 < 9007199254740992.0, 9007199254740993 > 9007199254740992.0, 9007199254740993 == 9007199254740992.0)
                local nan = 0/0
                print(nan == nan, nan < 1, nan >= 1, 1 < nan, nan ~= nan)
                local i = 3
                print(i < 4, i <= 3, i > 2, i >= 4, i == 3, i ~= 3, i < 3.5, i > 2.5, 3.0 == i)
                local s = "x"
                print(s == "x", s ~= "y", 1 == "1", nil == false)
                """,
            """
                true	true	true	false	true	true	true	true
                true	true	true	true	true	true	true
                true	false	true	true
                false	true	false
                false	false	false	false	true
                true	true	true	false	true	false	true	true	true
                true	true	false	false
                """);
    }

    /** short-circuit and keep operand values */
    @Test
    void logicalOperators() {
        assertOutput("""
                local t, f, n = true, false, nil
                print(t and 1, f and 1, n and 1, t or 1, f or 1, n or 1, not t, not n, not 0)
                print(1 and 2 or 3, nil and 2 or 3, false or nil, nil or false)
                local x = 5
                local y = x > 3 and "big" or "small"
                print(y, x == 5 and x ~= 4, not (x < 3))
                """,
            """
                1	false	nil	true	1	1	false	true	false
                2	3	nil	false
                big	true	true
                """);
    }

    /** of strings and numbers */
    @Test
    void concatenation() {
        assertOutput("""
                local a, b, c = "x", 1, 2.0
                print(a .. b .. c, b .. c, 1 .. "", -0.0 .. "|" .. 1e100 .. "|" .. 2^63 .. "|" .. 0.1)
                print("a" .. "b" .. "c" .. "d" .. 1 .. 2 .. 3)
                local s = ""
                for i = 1, 10 do s = s .. i end
                print(s, #s)
                """,
            """
                x12.0	12.0	1	-0.0|1e+100|9.2233720368548e+18|0.1
                abcd123
                12345678910	11
                """);
    }

    /** of strings and tables */
    @Test
    void length() {
        assertOutput("""
                local t = {1, 2, 3, nil, 5}
                print(#"hello", #"", #{}, #{1, 2, 3}, #"\\0\\0")
                local u = {}
                for i = 1, 100 do u[i] = i end
                print(#u)
                u[#u + 1] = 1
                print(#u)
                """,
            """
                5	0	0	3	2
                100
                101
                """);
    }

    /** constructors, fields, integer keys and float normalisation */
    @Test
    void tables() {
        assertOutput("""
                local t = {1, 2, 3, x = "a", ["y"] = "b", [10] = 10, [1.0 + 3] = 4}
                print(t[1], t[2], t[3], t[4], t.x, t.y, t[10], t[2.0], #t)
                t[2^53] = "big"
                print(t[2^53], t[9007199254740992])
                local k = "x"
                t[k] = "c"
                print(t.x, t["x"], t[k])
                local n = {}
                n[1] = 1; n[2] = 2; n[3.0] = 3
                print(#n, n[3])
                print(({10, 20, 30})[2], ({n = 1}).n)
                """,
            """
                1	2	3	4	a	b	10	2	4
                big	big
                c	c	c
                3	3
                20	1
                """);
    }

    /** exercises SETLIST with EXTRAARG and multiple results */
    @Test
    void setlistWithManyValues() {
        assertOutput("""
                local function three() return 1, 2, 3 end
                local t = {three(), three(), three()}
                print(#t, t[1], t[2], t[5])
                local items = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60}
                print(#items, items[60])
                """,
            """
                5	1	1	3
                60	60
                """);
    }

    /** with integer, float, negative and empty ranges */
    @Test
    void numericForLoops() {
        assertOutput("""
                local realprint = print
                local out = ""
                local function io_write(...) for i = 1, select('#', ...) do out = out .. tostring((select(i, ...))) end end
                local function print() realprint(out) out = "" end
                for i = 1, 3 do io_write(i) end print()
                for i = 3, 1, -1 do io_write(i) end print()
                for i = 1, 0 do io_write("never") end print("empty")
                for i = 1, 2, 0.5 do io_write(i, " ") end print()
                for i = 1.0, 3 do io_write(i, " ") end print()
                for i = 10, 1, -3 do io_write(i, " ") end print()
                for i = 0x7ffffffffffffffe, 0x7fffffffffffffff do io_write(i, " ") end print()
                for i = 0x8000000000000001, 0x8000000000000000, -1 do io_write(i, " ") end print()
                for i = 1, 3 do local j = i; i = 10; io_write(j, " ") end print()
                for i = 1, 1.5 do io_write(i, " ") end print()
                for i = -1, -1.5, -1 do io_write(i, " ") end print()
                for i = 1, 1/0, 1 << 62 do io_write(i, " ") end print()
                for i = 1, -1/0 do io_write("never") end print("none")
                for i = 1, 0/0 do io_write("never") end print("nan")
                """,
            """
                123
                321

                1.0 1.5 2.0\s
                1.0 2.0 3.0\s
                10 7 4 1\s
                9223372036854775806 9223372036854775807\s
                -9223372036854775807 -9223372036854775808\s
                1 2 3\s
                1\s
                -1\s
                1 4611686018427387905\s


                """);
    }

    /** over a stateful iterator with control variable */
    @Test
    void genericFor() {
        assertOutput("""
                local function range(n)
                  return function(s, c) if c < n then return c + 1, c * 2 end end, nil, 0
                end
                for i, d in range(4) do print(i, d) end
                local t = {}
                for i = 1, 3 do t[i] = i * 10 end
                local function inext(t, i) i = i + 1 local v = t[i] if v then return i, v end end
                for i, v in inext, t, 0 do print(i, v) end
                """,
            """
                1	0
                2	2
                3	4
                4	6
                1	10
                2	20
                3	30
                """);
    }

    /** in calls, returns, tables and select */
    @Test
    void varargs() {
        assertOutput("""
                local function v(...) return ... end
                local function count(...) return select('#', ...) end
                print(count(), count(nil), count(nil, nil), count(v(1, 2, 3)))
                print(v(1, nil, 3))
                print((v(1, 2, 3)))
                local function pack(...) return {n = select('#', ...), ...} end
                local p = pack(1, nil, 3, nil)
                print(p.n, p[1], p[3], #p >= 1)
                local function tail(...) local a, b = ... return b, a end
                print(tail(1, 2, 3))
                local function fixed(a, b, ...) return a, b, select('#', ...) end
                print(fixed(1), fixed(1, 2, 3, 4))
                print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"))
                """,
            """
                0	1	2	3
                1	nil	3
                1
                4	1	3	true
                2	1
                1	1	2	2
                b	c
                """);
    }

    /** adjust to the number of values wanted */
    @Test
    void multipleResults() {
        assertOutput("""
                local function mr() return 1, 2, 3 end
                local a, b, c, d = mr()
                print(a, b, c, d)
                local x, y = mr(), 10
                print(x, y)
                local t = {mr(), mr()}
                print(#t)
                print(mr(), mr())
                print((mr()))
                local function none() end
                local p, q = none()
                print(p, q, select('#', none()), select('#', (none())))
                """,
            """
                1	2	3	nil
                1	10
                4
                1	1	2	3
                1
                nil	nil	0	1
                """);
    }

    /** and close them when scopes end */
    @Test
    void closuresShareUpvalues() {
        assertOutput("""
                local function counter()
                  local n = 0
                  return function() n = n + 1 return n end, function() return n end
                end
                local inc, get = counter()
                inc(); inc()
                print(get())
                local fs = {}
                for i = 1, 3 do fs[i] = function() return i end end
                print(fs[1](), fs[2](), fs[3]())
                local gs = {}
                local j = 0
                while j < 3 do j = j + 1 local k = j gs[j] = function() k = k + 10 return k end end
                print(gs[1](), gs[1](), gs[2]())
                local function outer() local x = 1 local function mid() return function() x = x + 1 return x end end return mid() end
                local h = outer()
                print(h(), h())
                """,
            """
                2
                1	2	3
                11	21	12
                2	3
                """);
    }

    /** run in constant stack for tail calls */
    @Test
    void recursionAndTailCalls() {
        assertOutput("""
                local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
                print(fact(20))
                local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
                print(loop(1000000, 0))
                local even, odd
                function even(n) if n == 0 then return true end return odd(n - 1) end
                function odd(n) if n == 0 then return false end return even(n - 1) end
                print(even(100001))
                local function tailbuiltin(...) return select('#', ...) end
                local function tb(n) if n == 0 then return tailbuiltin(1, 2) end return tb(n - 1) end
                print(tb(10))
                local function tailselect(n) if n == 0 then return "done" end return select(2, n, tailselect(n - 1)) end
                print(tailselect(100))
                """,
            """
                2432902008176640000
                1000000
                false
                2
                done
                """);
    }

    /** via __call */
    @Test
    void callOperatorOnTablesAndChains() {
        assertOutput("""
                local obj = setmetatable({}, {__call = function(self, a, b) return a + b end})
                print(obj(1, 2))
                local chain = setmetatable({}, {__call = obj})
                print(pcall(chain, 5))
                local function ret(...) return ... end
                print(setmetatable({}, {__call = function(_, ...) return select('#', ...) end})(nil, nil))
                """,
            """
                3
                false	test:1: attempt to perform arithmetic on a table value (local 'a')
                2
                """);
    }

    /** pass self */
    @Test
    void methodCalls() {
        assertOutput("""
                local obj = {n = 5}
                function obj:get(x) return self.n + x end
                function obj.static(x) return x end
                print(obj:get(1), obj.get(obj, 2), obj.static(3))
                local s = {name = "s"}
                s.__index = s
                function s:hello() return "hello " .. self.name end
                local o = setmetatable({name = "o"}, s)
                print(o:hello())
                """,
            """
                6	7	3
                hello o
                """);
    }

    /** with break, goto continue and nested loops */
    @Test
    void gotoAndLoops() {
        assertOutput("""
                local out = ""
                for i = 1, 5 do
                  if i % 2 == 0 then goto continue end
                  out = out .. i
                  ::continue::
                end
                print(out)
                local n = 0
                while true do n = n + 1 if n > 5 then break end end
                print(n)
                repeat local z = n n = n - 1 until z < 3
                print(n)
                for i = 1, 3 do for j = 1, 3 do if j == 2 then break end n = n + 1 end end
                print(n)
                do
                  local k = 1
                  ::again::
                  k = k * 2
                  if k < 100 then goto again end
                  print(k)
                end
                """,
            """
                135
                6
                1
                4
                128
                """);
    }

    /** with embedded zeros and high bytes */
    @Test
    void stringsAreByteStrings() {
        assertOutput("""
                local s = "a\\0b\\255"
                print(#s, s == "a\\0b\\255", s < "a\\0c", ("\\u{48}\\u{49}"))
                local t = {}
                t[s] = 1
                print(t["a\\0b\\255"])
                """,
            """
                4	true	true	HI
                1
                """);
    }

    /** count table entries with a generic for over a stateful function */
    @Test
    void integerKeysAndNextLikeIteration() {
        assertOutput("""
                local t = {10, 20, 30, x = 1}
                local n = 0
                local function keys(t)
                  local list = {1, 2, 3, "x"}
                  local i = 0
                  return function() i = i + 1 local k = list[i] if k then return k, t[k] end end
                end
                for k, v in keys(t) do n = n + v end
                print(n)
                """,
            """
                61
                """);
    }
}
