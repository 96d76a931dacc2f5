-- debug.getlocal and debug.setlocal: named locals, temporaries, varargs, builtins' arguments,
-- parameter names of function values, other coroutines, and every error.
local function show(v)
  if type(v) == "function" or type(v) == "table" then return type(v) end
  return tostring(v)
end

local function list(level)
  local out = {}
  for i = 1, 20 do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    out[#out + 1] = name .. "=" .. show(value)
  end
  return table.concat(out, " ")
end

local function f(a, b, ...)
  local c = a + b
  do
    local inner = "in"
    print(list(1))
  end
  print(list(1))
  print(debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3))
  print(debug.setlocal(1, -1, "changed"), ...)
  print(debug.setlocal(1, 3, 100), c)
  print(debug.setlocal(1, 50, 0))
  return c
end
print(f(1, 2, "x", "y"))

-- a caller's locals and temporaries
local function callee()
  print(debug.getlocal(2, 1), debug.getlocal(2, 2), debug.getlocal(2, 3), debug.getlocal(2, 4))
  print(debug.setlocal(2, 3, 10))
  return 20
end
local function caller(a, b) return (a + 1) + callee() end
print(caller(0, 0))

-- the builtin asking: its own arguments are "C temporaries"
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
print(debug.getlocal(0, 0))
print(debug.getlocal(0, -1))

-- a function value: only parameter names
local function params(x, y, ...) local z end
print(debug.getlocal(params, 1), debug.getlocal(params, 2), debug.getlocal(params, 3), debug.getlocal(params, 0))
print(debug.getlocal(print, 1))
print(select("#", debug.getlocal(params, 1)))

-- locals of a suspended coroutine
local co = coroutine.create(function(x)
  local y = x + 1
  coroutine.yield()
  print("resumed with", x, y)
end)
coroutine.resume(co, 5)
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.getlocal(co, 1, 5))
print(debug.setlocal(co, 1, 2, 60))
print(debug.getlocal(co, params, 2))
coroutine.resume(co)

-- a local becomes visible after its declaration is complete
local function late()
  local name, value = debug.getlocal(1, 1)
  print(name, show(value))
  local v = "now"
  print(debug.getlocal(1, 1))
end
late()

-- errors
print(pcall(debug.getlocal, 20, 1))
print(pcall(debug.getlocal, -1, 1))
print(pcall(debug.getlocal, co, 5, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, {}, 1))
print(pcall(debug.getlocal, 1, "x"))
print(pcall(debug.setlocal, -1, 1, 10))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.setlocal, 1))
print(pcall(debug.setlocal, co, 9, 1, 1))
print(pcall(debug.setlocal, "x", "y"))
print(pcall(debug.getlocal, "x", "y"))
print(pcall(debug.getlocal, "x", 1))
