-- debug.getupvalue, setupvalue, upvalueid and upvaluejoin, and their errors.
local a, b, c = 1, 2, 3
local function foo1(x) b = x; return c end
local function foo2(x) a = x; return c + b end

local function names(f)
  local out = {}
  for i = 1, 10 do
    local name, value = debug.getupvalue(f, i)
    if not name then break end
    out[#out + 1] = name .. "=" .. tostring(value)
  end
  return table.concat(out, " ")
end
print(names(foo1))
print(names(foo2))
print(select("#", debug.getupvalue(foo1, 3)), select("#", debug.getupvalue(foo1, 0)))
print(debug.setupvalue(foo1, 1, "xuxu"), b)
print(select("#", debug.setupvalue(foo1, 3, "no")))
print(debug.getupvalue(foo2, 3))
debug.setupvalue(foo2, 3, 2)
print(select("#", debug.getupvalue(print, 1)), select("#", debug.setupvalue(print, 1, 0)))

-- the main chunk's _ENV
local main = debug.getinfo(1, "f").func
print(debug.getupvalue(main, 1), select(2, debug.getupvalue(main, 1)) == _ENV)

-- identities
print(type(debug.upvalueid(foo1, 1)))
print(debug.upvalueid(foo1, 1) == debug.upvalueid(foo2, 3))   -- both are 'b'
print(debug.upvalueid(foo1, 2) == debug.upvalueid(foo2, 2))   -- both are 'c'
print(debug.upvalueid(foo1, 1) == debug.upvalueid(foo1, 2))
print(debug.upvalueid(foo1, 3), debug.upvalueid(foo1, 0), debug.upvalueid(print, 1))
local t = {[debug.upvalueid(foo1, 1)] = "b"}
print(t[debug.upvalueid(foo2, 3)])

-- joining: foo1's 'b' becomes foo2's 'a'
debug.upvaluejoin(foo1, 1, foo2, 1)
print(debug.upvalueid(foo1, 1) == debug.upvalueid(foo2, 1))
foo1(99)
print(a, b, foo2(7), a)

local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
c1(); c1()
debug.upvaluejoin(c2, 1, c1, 1)
print(c2(), c1())

-- errors
print(pcall(debug.getupvalue, foo1))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue))
print(pcall(debug.setupvalue, foo1, 1))
print(pcall(debug.setupvalue, {}, 1, 1))
print(pcall(debug.upvalueid, foo1))
print(pcall(debug.upvalueid, "f", 1))
print(pcall(debug.upvaluejoin, foo1, 10, foo2, 1))
print(pcall(debug.upvaluejoin, foo1, 1, foo2, 10))
print(pcall(debug.upvaluejoin, foo1, 1, print, 1))
print(pcall(debug.upvaluejoin, print, 1, foo2, 1))
print(pcall(debug.upvaluejoin, foo1, 1, foo2))
print(pcall(debug.upvaluejoin, 1, 1, foo2, 1))
print(pcall(debug.setuservalue, debug.upvalueid(foo1, 1), 1))
print(debug.getuservalue(debug.upvalueid(foo1, 1)))
