-- debug.getinfo: every option, for Lua functions, the main chunk, builtins, levels and coroutines.
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do
    local v = t[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    out[#out + 1] = k .. "=" .. tostring(v)
  end
  print(table.concat(out, " "))
end

local function lines(set)
  local l = {}
  for k in pairs(set) do l[#l + 1] = k end
  table.sort(l)
  return table.concat(l, ",")
end

-- a function value: no level, so no current line, name or tail call
local function sample(a, b, ...)
  local c = a + b
  return c
end
show(debug.getinfo(sample))
show(debug.getinfo(sample, "S"))
show(debug.getinfo(sample, "u"))
print(lines(debug.getinfo(sample, "L").activelines))
print(debug.getinfo(sample, "f").func == sample)
show(debug.getinfo(print))
print(debug.getinfo(print, "L").activelines)
show(debug.getinfo(function() end, "Su"))
print(lines(debug.getinfo(function(x)
  return x
end, "L").activelines))

-- levels: 0 is getinfo itself, 1 the caller
show(debug.getinfo(0, "Sln"))
show(debug.getinfo(1, "Slnut"))
-- (level 2 of a main chunk is the host, [C] in lua.c)
print(debug.getinfo(1, "f").func ~= nil, debug.getinfo(3), debug.getinfo(100), debug.getinfo(-1))
print(debug.getinfo(1, "").currentline)

-- names, as the calling instruction shows them
local function who() local i = debug.getinfo(2, "n") return i.name, i.namewhat end
local function named() return who() end
function globalfn() local i = debug.getinfo(1, "n") return i.name, i.namewhat end
local t = {field = function() local i = debug.getinfo(1, "n") return i.name, i.namewhat end}
function t:method() local i = debug.getinfo(1, "n") return i.name, i.namewhat end
local function localfn() local i = debug.getinfo(1, "n") return i.name, i.namewhat end
print(globalfn())
print(t.field())
print(t:method())
print(localfn())
print((function() return localfn() end)())
print(named())
local up = localfn
print((function() local r1, r2 = up() return r1, r2 end)())
local mt = {__index = function(_, k) local i = debug.getinfo(1, "n") return i.name .. "/" .. i.namewhat end,
            __add = function() local i = debug.getinfo(1, "n") return i.name .. "/" .. i.namewhat end,
            __call = function() local i = debug.getinfo(1, "n") return i.name .. "/" .. i.namewhat end}
local obj = setmetatable({}, mt)
print(obj.anything, obj + 1, obj())
for _ in function() print(debug.getinfo(1, "n").name, debug.getinfo(1, "n").namewhat) end do end
print(pcall(function() local i = debug.getinfo(2, "n") return i.name, i.namewhat end))

-- tail calls
local function tailee() local i = debug.getinfo(1, "nt") return i.istailcall, i.name, i.namewhat end
local function tailer() return tailee() end
print(tailer())
print((function() local r = {tailee()} return r[1], r[2], r[3] end)())

-- the main chunk
local m = debug.getinfo(1, "S")
print(m.what, m.short_src, m.linedefined, m.source)
print(debug.getinfo(1, "u").nups, debug.getinfo(1, "u").isvararg)

-- load and chunk names
local f = load("return debug.getinfo(1, 'S')", "=custom")
show(f())
f = load("return debug.getinfo(1, 'S')", "@some/file.lua")
print(f().short_src, f().source)
f = load("return debug.getinfo(1, 'S')")
print(f().short_src)
print(load("local x = 1\nreturn debug.getinfo(1, 'S')")().short_src)

-- other coroutines: level 0 is where they stopped
local co = coroutine.create(function(x)
  local y = x * 2
  coroutine.yield(y)
  return y
end)
coroutine.resume(co, 21)
show(debug.getinfo(co, 0, "Sln"))
show(debug.getinfo(co, 1, "Slnt"))
print(debug.getinfo(co, 2))
print(debug.getinfo(co, 1, "f").func ~= nil)
coroutine.resume(co)
print(debug.getinfo(co, 0))

-- ftransfer and ntransfer outside hooks
show(debug.getinfo(1, "r"))

-- errors
print(pcall(debug.getinfo, print, "X"))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, 1, "Sz"))
print(pcall(debug.getinfo, 100, "z"))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, 1.5))
print(pcall(debug.getinfo, co))
print(pcall(debug.getinfo, 1, {}))
