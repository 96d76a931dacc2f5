-- Numbers computed by arithmetic and numeric for loops, wherever they flow next: the VM may
-- keep them unboxed in registers, and every way out of a register must see the same number.

-- integer and float results keep their subtype
local i, f = 0, 0.0
for k = 1, 10 do i = i + k f = f + k end
print(i, f, math.type(i), math.type(f))
local neg = -0.0
local z = neg * 1
print(1 / z, math.type(z), 3 - 3.0, math.type(7 // 2), 7 // 2.0)

-- integer overflow wraps; float loop steps; loops that run zero times
local big = math.maxinteger
big = big + 1
print(big == math.mininteger)
for x = 1.0, 2.0, 0.5 do io.write(x, " ") end print()
for x = 3, 1 do print("never") end
for x = math.maxinteger - 2, math.maxinteger do io.write(x, " ") end print()
for x = 10, 1, -3 do io.write(x, " ") end print()

-- a loop variable captured by closures: each iteration's own value
local fs = {}
for k = 1, 3 do fs[k] = function() return k * 10 end end
print(fs[1](), fs[2](), fs[3]())

-- an upvalue whose register arithmetic keeps changing, read open and closed
local function counter()
  local n = 0
  local function get() return n end
  for _ = 1, 5 do n = n + 1 end
  local seen = get()
  n = n * 2.5
  return get, seen
end
local get, seen = counter()
print(seen, get(), math.type(get()))

-- numbers as table keys and values, to builtins, varargs, concat, string keys
local t = {}
for k = 1, 5 do t[k * 2] = k + 0.5 end
local fk = 2.0 * 2
print(t[4], t[fk], t[5 - 1], #t, rawget(t, 4))
local half = 1 / 2
t[half] = "half"
print(t[0.5], t[half])
print(select("#", i, f), select(2, i, f), tostring(i + 1), string.format("%d %.1f", i * 2, f / 2))
local function va(...) return ... end
print(va(i - 1, f - 1))
print(i .. "|" .. f .. "|" .. (i + f))
print(("x"):rep(i - 53))

-- comparisons between unboxed, boxed and constant numbers, NaN included
local nan = 0 / 0 * 1
print(nan == nan, nan ~= nan, i == 55, i == 55.0, f == 55, i < f + 1, f <= i, i > 1000000000000)
local m = 2 ^ 53
print(m == 2 ^ 53, (m + 1) == m + 1, math.maxinteger + 0.0 == math.maxinteger)

-- through coroutines, pcall and error values
local co = coroutine.wrap(function(a) for k = 1, 3 do a = coroutine.yield(a + k) end return a * 2 end)
print(co(10), co(20), co(30), co(1.5))
print(pcall(function(x) error(x + 1) end, 41))
print(select(2, pcall(function() local x = 1 + 1 return x + {} end)))

-- debug.getlocal sees the variables as numbers; debug.setlocal changes them
local function locals()
  for k = 5, 6 do
    local sq = k * k + 0.5
    local names = {}
    for l = 1, 10 do
      local name, value = debug.getlocal(1, l)
      if not name then break end
      if type(value) == "number" and name:sub(1, 1) ~= "(" then names[#names + 1] = name .. "=" .. tostring(value) end
    end
    print(table.concat(names, " "))
    debug.setlocal(1, 5, sq + 1)
    print(sq)
  end
end
locals()

-- multiple results of a Lua function land in registers
local function two(x) return x + 1, x * 2.0 end
local a, b = two(20)
print(a, b, a + b, math.type(a), math.type(b))
print((two(1)))
