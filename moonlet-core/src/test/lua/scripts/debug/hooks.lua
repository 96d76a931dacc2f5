-- debug.sethook and debug.gethook: call, tail call, return, line and count events, what a
-- hook sees of the hooked function, hooks of other coroutines, and errors.
local trace = {}
local function record(event, line)
  local info = debug.getinfo(2, "nS")
  trace[#trace + 1] = event .. (line and (" " .. line) or "") .. " " .. (info.name or info.what)
end
local function dump()
  print(table.concat(trace, " | "))
  trace = {}
end

local function add(a, b)
  return a + b
end
local function twice(x)
  local y = add(x, x)
  return y
end

debug.sethook(record, "c")
twice(2)
debug.sethook()
dump()

debug.sethook(record, "r")
twice(2)
debug.sethook()
dump()

debug.sethook(record, "l")
twice(2)
debug.sethook()
dump()

debug.sethook(record, "crl")
twice(2)
debug.sethook()
dump()

-- builtins report calls and returns, not lines
debug.sethook(record, "cr")
local s = math.max(3, 9, 4)
debug.sethook()
dump()

-- tail calls
local function last() return 1 end
local function middle() return last() end
local function first() middle() end
debug.sethook(function(e) trace[#trace + 1] = e end, "cr")
first()
debug.sethook()
dump()

-- a builtin reached by a tail call runs above its caller, which then returns
local function absolute(x) return math.abs(x) end
debug.sethook(function(e)
  local i = debug.getinfo(2, "nt")
  trace[#trace + 1] = e .. " " .. tostring(i.name) .. " " .. tostring(i.istailcall)
end, "cr")
absolute(-3)
debug.sethook()
dump()

-- loops: a backward jump is a new line each time
debug.sethook(record, "l")
for i = 1, 3 do local x = i end
debug.sethook()
dump()
local src = [[
local a = 0
while a < 2 do
  a = a + 1
end
return a
]]
local chunk = load(src, "=loop")
debug.sethook(function(e, l) trace[#trace + 1] = l end, "l")
chunk()
debug.sethook()
dump()

-- count events
local n = 0
debug.sethook(function(e) n = n + 1 end, "", 1)
for i = 1, 100 do end
debug.sethook()
print("count 1:", n)
n = 0
debug.sethook(function(e) n = n + 1 end, "", 10)
for i = 1, 100 do end
debug.sethook()
print("count 10:", n)
n = 0
debug.sethook(function(e) n = n + 1 end, "", 7)
local t = {}
for i = 1, 50 do t[i] = i * 2 + 1; if i % 3 == 0 then t[i] = t[i] .. "x" end end
debug.sethook()
print("count 7:", n)
debug.sethook(function(e) trace[#trace + 1] = e end, "l", 3)
local z = 1
z = 2
debug.sethook()
dump()

-- gethook
print(debug.gethook())
debug.sethook(record, "lrc", 5)
local h, m, c = debug.gethook()
debug.sethook()
print(h == record, m, c)
debug.sethook(record, "", 7)
h, m, c = debug.gethook()
debug.sethook()
print(h == record, m, c)
debug.sethook(record, "")
print(debug.gethook())
debug.sethook(record, "x")
print(debug.gethook())
debug.sethook(nil, "l")
print(debug.gethook())
print(getmetatable(debug.getregistry()._HOOKKEY).__mode)

-- the hook's view: its caller is named hook '?', the hooked function is level 2
local seen
debug.sethook(function(e, l)
  local me = debug.getinfo(1, "n")
  local hooked = debug.getinfo(2, "Sl")
  seen = me.namewhat .. " " .. me.name .. ", line " .. l .. " = " .. hooked.currentline
  seen = seen .. ", " .. string.match(debug.traceback(), "\n(.-)\n"):gsub("^%s*", "")
end, "l")
local w = 1
debug.sethook()
print(seen)

-- locals in hooks, and what call and return events transfer
local function locals_at(level)
  local out = {}
  for i = 1, 10 do
    local name, v = debug.getlocal(level + 1, i)
    if not name or name == "(temporary)" then break end
    out[#out + 1] = name .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end
local function body(a, b, ...)
  local c = a * b
  return c, a
end
debug.sethook(function(e)
  local info = debug.getinfo(2, "nr")
  if info.name ~= "body" and info.name ~= "max" then return end
  local moved = {}
  for i = info.ftransfer, info.ftransfer + info.ntransfer - 1 do
    moved[#moved + 1] = tostring(select(2, debug.getlocal(2, i)))
  end
  trace[#trace + 1] = e .. " " .. info.name .. " [" .. table.concat(moved, ",") .. "] " .. info.ftransfer .. "+" .. info.ntransfer
  if e == "return" and info.name == "body" then trace[#trace + 1] = locals_at(2) end
end, "cr")
body(6, 7, "extra")
math.max(5, 8)
debug.sethook()
dump()

-- a return hook may change the results
debug.sethook(function(e)
  local info = debug.getinfo(2, "nr")
  if e == "return" and info.name == "body" then debug.setlocal(2, info.ftransfer, "changed") end
end, "r")
print(body(1, 2))
debug.sethook()

-- hooks do not nest: no events inside a hook
local events = 0
debug.sethook(function() events = events + 1; local x = math.abs(-1) end, "crl")
local q = 1
debug.sethook()
print("events:", events)

-- a hook may replace itself
debug.sethook(function(e)
  trace[#trace + 1] = "first " .. e
  debug.sethook(function(e2, l) trace[#trace + 1] = "second " .. e2; debug.sethook() end, "l")
end, "c")
twice(1)
dump()

-- an error in a hook goes to the caller's protected call
local failed = false
print(pcall(function()
  debug.sethook(function(e, l)
    if not failed then failed = true; error("hook failed at " .. l) end
  end, "l")
  local a = 1
end))
print(debug.gethook() ~= nil)
debug.sethook()

-- hooks of another coroutine
local co = coroutine.create(function(x)
  local y = x + 1
  coroutine.yield(y)
  return y * 2
end)
debug.sethook(co, function(e, l) trace[#trace + 1] = e .. (l and (" " .. l) or "") end, "crl")
print(debug.gethook())
print(select(2, debug.gethook(co)), select(3, debug.gethook(co)))
print(coroutine.resume(co, 1))
print(coroutine.resume(co))
dump()
debug.sethook(co)
print(debug.gethook(co))

-- errors
print(pcall(debug.sethook, print))
print(pcall(debug.sethook, 1, "l"))
print(pcall(debug.sethook, print, "l", "x"))
print(pcall(debug.sethook, co, print))
print(pcall(debug.gethook, 1))
