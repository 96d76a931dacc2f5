package dev.moonlet.vm;

import static dev.moonlet.vm.Scripts.assertOutput;

import org.junit.jupiter.api.Test;

/**
 * The interpreter on every family of opcodes: loads, moves, arithmetic, bitwise operators,
 * comparisons, concatenation, tables, loops, varargs, closures, calls and tail calls.
 * The expected outputs were recorded from lua5.4 (PUC-Rio Lua 5.4.4) running the same code.
 */
class MetamethodTest {

    /** get the operands in source order */
    @Test
    void arithmeticAndBitwiseMetamethods() {
        assertOutput("""
                local function show(v) return type(v) == "table" and "T" or tostring(v) end
                local function mm(name) return function(a, b) return name .. "(" .. show(a) .. "," .. show(b) .. ")" end end
                local mt = {}
                local events = {"add", "sub", "mul", "div", "mod", "pow", "idiv", "band", "bor", "bxor", "shl", "shr", "unm", "bnot"}
                for i = 1, #events do mt["__" .. events[i]] = mm(events[i]) end
                local t = setmetatable({}, mt)
                print(t + 1, 1 + t, t - 1, 1 - t, t * 2, 2 * t, t / 2, 2 / t)
                print(t % 2, 2 % t, t ^ 2, 2 ^ t, t // 2, 2 // t, t + t)
                print(t + 1.5, 1.5 + t, t - 1.5, 2.5 * t, t + 1000, 1000 + t, t - 1000)
                print(t & 1, 1 & t, t | 1, 1 | t, t ~ 1, 1 ~ t, t & 1.5)
                print(t << 1, 1 << t, t >> 1, 1 >> t, t << 200, t >> -3, -t, ~t)
                local n = 3
                print(n + t, t + n, n << t, t >> n, n & t)
                print(1.5 | t, "x" .. "y", -setmetatable({}, {__unm = function(a, b) return rawequal(a, b) end}))
                """,
            """
                add(T,1)	add(1,T)	sub(T,1)	sub(1,T)	mul(T,2)	mul(2,T)	div(T,2)	div(2,T)
                mod(T,2)	mod(2,T)	pow(T,2)	pow(2,T)	idiv(T,2)	idiv(2,T)	add(T,T)
                add(T,1.5)	add(1.5,T)	sub(T,1.5)	mul(2.5,T)	add(T,1000)	add(1000,T)	sub(T,1000)
                band(T,1)	band(1,T)	bor(T,1)	bor(1,T)	bxor(T,1)	bxor(1,T)	band(T,1.5)
                shl(T,1)	shl(1,T)	shr(T,1)	shr(1,T)	shl(T,200)	shr(T,-3)	unm(T,T)	bnot(T,T)
                add(3,T)	add(T,3)	shl(3,T)	shr(T,3)	band(3,T)
                bor(1.5,T)	xy	true
                """);
    }

    /** decide lt, le and eq */
    @Test
    void comparisonMetamethods() {
        assertOutput("""
                local log = {}
                local mt = {
                  __lt = function(a, b) log[#log + 1] = "lt" return true end,
                  __le = function(a, b) log[#log + 1] = "le" return false end,
                  __eq = function(a, b) log[#log + 1] = "eq" return 1 end,
                }
                local a, b = setmetatable({}, mt), setmetatable({}, mt)
                print(a < b, a <= b, a > b, a >= b, a == b, a ~= b, a == a)
                print(a < 1, 1 < a, a <= 1, 1 <= a, a > 1, 1 > a, a >= 1.5, 1.5 >= a)
                print(a == 1, 1 == a, a == "x", a == {}, {} == a)
                if a < b then print("then") else print("else") end
                if not (a <= b) then print("not le") end
                while a > b do print("in while") break end
                local s = "" for i = 1, #log do s = s .. log[i] .. " " end
                print(s)
                """,
            """
                true	false	true	false	true	false	true
                true	true	false	false	true	true	false	false
                false	false	false	true	true
                then
                not le
                in while
                lt le lt le eq eq lt lt le le lt lt le le eq eq lt le lt\s
                """);
    }

    /** and never for raw-equal values */
    @Test
    void eqOnlyBetweenTablesOrUserdata() {
        assertOutput("""
                local calls = 0
                local e = setmetatable({}, {__eq = function() calls = calls + 1 return false end})
                print(e == e, e ~= e, e == 1, e == "e", e == nil, calls)
                print(e == {}, e ~= {}, calls)
                print(rawequal(e, e), rawequal(e, {}))
                """,
            """
                true	false	false	false	false	0
                false	true	2
                true	false
                """);
    }

    /** follow tables and call functions */
    @Test
    void indexMetamethods() {
        assertOutput("""
                local base = {a = 1}
                local mid = setmetatable({}, {__index = base})
                local top = setmetatable({}, {__index = mid})
                print(top.a, top.b, rawget(top, "a"))
                local fn = setmetatable({}, {__index = function(t, k) return k .. "!" end})
                print(fn.x, fn[1], fn[2.5])
                local deep = {}
                for i = 1, 100 do deep = setmetatable({}, {__index = deep}) end
                print(deep.missing)
                local s = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return "via " .. k end})})
                print(s.key)
                """,
            """
                1	nil	nil
                x!	1!	2.5!
                nil
                via key
                """);
    }

    /** are called only for absent keys */
    @Test
    void newindexMetamethods() {
        assertOutput("""
                local log = ""
                local p = setmetatable({}, {__newindex = function(t, k, v) log = log .. k .. "=" .. tostring(v) .. ";" end})
                p.x = 1 p[2] = 3 p.y = nil
                print(log, rawget(p, "x"))
                local store = {}
                local q = setmetatable({}, {__newindex = store})
                q.z = 9
                print(rawget(q, "z"), store.z)
                local r = setmetatable({present = 1}, {__newindex = function() print("not called") end})
                r.present = 2
                print(r.present)
                local chain = setmetatable({}, {__newindex = setmetatable({}, {__newindex = function(t, k, v) print("deep", k, v) end})})
                chain.k = "v"
                """,
            """
                x=1;2=3;y=nil;	nil
                nil	9
                2
                deep	k	v
                """);
    }

    /** and chains of it */
    @Test
    void callMetamethod() {
        assertOutput("""
                local obj = setmetatable({}, {__call = function(self, a, b) return a, b end})
                print(obj(1, 2))
                local chain = setmetatable({}, {__call = obj})
                print(select('#', chain(5)), (select(2, chain(5))))
                local varg = setmetatable({}, {__call = function(self, ...) return select('#', ...) end})
                print(varg(), varg(nil), varg(1, 2, 3))
                local function t2() return obj(7, 8) end
                print(t2())
                """,
            """
                1	2
                2	5
                0	1	3
                7	8
                """);
    }

    @Test
    void lenAndConcatMetamethods() {
        assertOutput("""
                local l = setmetatable({1, 2, 3}, {__len = function(t) return 42 end})
                print(#l, rawlen(l))
                print(#setmetatable({1, 2}, {}))
                local function show(v) return type(v) == "table" and "T" or v end
                local c = setmetatable({}, {__concat = function(a, b) return show(a) .. "+" .. show(b) end})
                print("a" .. c, c .. "b", c .. c, 1 .. c, c .. 2.5)
                print("a" .. "b" .. c .. "c" .. "d")
                print(c .. "x" .. "y" .. c)
                """,
            """
                42	3
                2
                a+T	T+b	T+T	1+T	T+2.5
                abT+cd
                T+xy+T
                """);
    }

    /** runs on every kind of exit */
    @Test
    void closeMetamethod() {
        assertOutput("""
                do
                  local a <close> = setmetatable({}, {__close = function(o, e) print("close a", e) end})
                  local b <close> = setmetatable({}, {__close = function(o, e) print("close b", e) end})
                  print("in block")
                end
                local function ret()
                  local a <close> = setmetatable({}, {__close = function(o, e) print("close on return", e) end})
                  return 1, 2, 3
                end
                print(ret())
                local function retcall()
                  local a <close> = setmetatable({}, {__close = function() print("close before tail-position call returns") end})
                  return select('#', 1, 2)
                end
                print(retcall())
                for i = 1, 3 do
                  local a <close> = setmetatable({}, {__close = function() print("close loop", i) end})
                  if i == 2 then break end
                end
                do
                  local i = 0
                  ::top::
                  i = i + 1
                  do
                    local a <close> = setmetatable({}, {__close = function() print("close goto", i) end})
                    if i < 3 then goto top end
                  end
                end
                print(pcall(function()
                  local a <close> = setmetatable({}, {__close = function(o, e) print("close on error", e) end})
                  error("boom", 0)
                end))
                """,
            """
                in block
                close b	nil
                close a	nil
                close on return	nil
                1	2	3
                close before tail-position call returns
                2
                close loop	1
                close loop	2
                close goto	1
                close goto	2
                close goto	3
                close on error	boom
                false	boom
                """);
    }

    /** and later handlers see the new one */
    @Test
    void closeErrorsReplaceTheError() {
        assertOutput("""
                print(pcall(function()
                  local a <close> = setmetatable({}, {__close = function(o, e) print("close a", e) end})
                  local b <close> = setmetatable({}, {__close = function(o, e) print("close b", e) error("in b", 0) end})
                  error("boom", 0)
                end))
                print(pcall(function()
                  local a <close> = setmetatable({}, {__close = function(o, e) print("close a", e) end})
                  local b <close> = setmetatable({}, {__close = function(o, e) error("b fails on normal exit", 0) end})
                  return "not returned"
                end))
                print(xpcall(function()
                  local a <close> = setmetatable({}, {__close = function(o, e) error("close error", 0) end})
                  error("original", 0)
                end, function(m) return "handled " .. m end))
                """,
            """
                close b	boom
                close a	in b
                false	in b
                close a	b fails on normal exit
                false	b fails on normal exit
                false	handled close error
                """);
    }

    /** is closed when the loop ends, breaks or fails */
    @Test
    void genericForClosingValue() {
        assertOutput("""
                local function iter(s, c) if c < 3 then return c + 1 end end
                local function closer(name) return setmetatable({}, {__close = function(_, e) print("close", name, e) end}) end
                for i in iter, nil, 0, closer("normal") do print("it", i) end
                for i in iter, nil, 0, closer("break") do if i == 2 then break end end
                print(pcall(function() for i in iter, nil, 0, closer("error") do error("e", 0) end end))
                local function f() for i in iter, nil, 0, closer("return") do return i end end
                print(f())
                """,
            """
                it	1
                it	2
                it	3
                close	normal	nil
                close	break	nil
                close	error	e
                false	e
                close	return	nil
                1
                """);
    }

    @Test
    void closeMetamethodLookedUpWhenClosing() {
        assertOutput("""
                local mt = {__close = function() print("first") end}
                do
                  local x <close> = setmetatable({}, mt)
                  mt.__close = function() print("replaced") end
                end
                """,
            """
                replaced
                """);
    }

    /** resumes every kind of instruction */
    @Test
    void yieldAcrossMetamethods() {
        assertOutput("""
                local mt = {__index = function(t, k) return coroutine.yield(k) end,
                            __add = function(a, b) return coroutine.yield("add") end,
                            __lt = function(a, b) return coroutine.yield("lt") end,
                            __concat = function(a, b) return coroutine.yield("concat") end,
                            __eq = function(a, b) return coroutine.yield("eq") end,
                            __len = function(a) return coroutine.yield("len") end,
                            __newindex = function(t, k, v) coroutine.yield("newindex") end,
                            __call = function(self, x) return coroutine.yield("call") end,
                            __close = function() coroutine.yield("close") end,
                            __unm = function() return coroutine.yield("unm") end}
                local co = coroutine.wrap(function()
                  local t = setmetatable({}, mt)
                  local u = setmetatable({}, mt)
                  print("index ->", t.foo)
                  print("add ->", t + 1)
                  print("lt ->", t < u)
                  if t < u then print("lt true branch") else print("lt false branch") end
                  print("concat ->", "a" .. t .. "b")
                  print("eq ->", t == u)
                  print("len ->", #t)
                  t.x = 5
                  print("call ->", t(1))
                  print("unm ->", -t)
                  do local c <close> = t end
                  print("pcall meta ->", pcall(function() return t.bar end))
                  for i = 1, 2 do print("loop", i, t[i]) end
                  return "finished"
                end)
                local r = co()
                while r ~= "finished" do
                  print("yielded", r)
                  if r == "lt" then r = co(false)
                  elseif r == "concat" then r = co("CC")
                  else r = co(r .. "_v") end
                end
                print(r)
                """,
            """
                yielded	foo
                index ->	foo_v
                yielded	add
                add ->	add_v
                yielded	lt
                lt ->	false
                yielded	lt
                lt false branch
                yielded	concat
                concat ->	aCC
                yielded	eq
                eq ->	true
                yielded	len
                len ->	len_v
                yielded	newindex
                yielded	call
                call ->	call_v
                yielded	unm
                unm ->	unm_v
                yielded	close
                yielded	bar
                pcall meta ->	true	bar_v
                yielded	1
                loop	1	1_v
                yielded	2
                loop	2	2_v
                finished
                """);
    }

    @Test
    void yieldInsideMetamethodInsidePcallInsideCoroutine() {
        assertOutput("""
                local t = setmetatable({}, {__index = function(t, k) return coroutine.yield("need " .. k) end})
                local co = coroutine.create(function()
                  local ok, v = pcall(function() return t.x .. t.y end)
                  return ok, v
                end)
                print(coroutine.resume(co))
                print(coroutine.resume(co, "X"))
                print(coroutine.resume(co, "Y"))
                print(coroutine.status(co))
                """,
            """
                true	need x
                true	need y
                true	true	XY
                dead
                """);
    }
}
