-- debug.traceback: messages, levels, other coroutines, deep stacks. Stacks are built inside
-- coroutines, whose bottom is their body (a main chunk's caller is the host program).
local function run(f, ...)
  local co = coroutine.wrap(f)
  return co(...)
end

local function level3(...) return debug.traceback(...) end
local function level2(...) return level3(...) end
local function level1(...)
  local r = level2(...)
  return r
end
print(run(level1))
print(run(level1, "message"))
print(run(level1, "message", 2))
print(run(level1, "message", 0))
print(run(level1, nil, 3))
print(run(level1, 42))
print(run(level1, 4.5, 1))
print(run(level1, "message", -1))
print(run(level1, "message", 100))
print(run(level1, {}) ~= nil, type(run(level1, {})), run(level1, true), run(level1, print) == print)
print(select("#", run(level1, nil)))

-- a method, a field, a global, an upvalue, a metamethod and a for iterator in the stack
local obj = {}
function obj:method() return debug.traceback("in method") end
obj.field = function() return obj:method() end
function globalfunc() return (obj.field()) end
local up = globalfunc
print(run(function() return (up()) end))
print(run(function() local t = setmetatable({}, {__index = function() return debug.traceback("meta") end}) return t.x end))
print(run(function() for v in function() return debug.traceback("iter") end do return v end end))
print(run(function() return (pcall(function() error(debug.traceback("under pcall")) end)) end))
print(run(function() local _, m = pcall(function() error(debug.traceback("under pcall")) end) return m end))

-- tail calls
local function tailee() return debug.traceback("tail") end
local function tailer() return tailee() end
print(run(function() local r = tailer() return r end))

-- another coroutine, suspended, normal and dead
local function deep(n) if n > 0 then deep(n - 1) else coroutine.yield() end end
local co = coroutine.create(deep)
coroutine.resume(co, 2)
print(debug.traceback(co))
print(debug.traceback(co, "suspended"))
print(debug.traceback(co, "from 1", 1))
print(debug.traceback(co, "from 9", 9))
print(debug.traceback(co, nil, 2))
coroutine.resume(co)
print(debug.traceback(co, "dead"))
local failing = coroutine.create(function() local x = nil; return x.y end)
coroutine.resume(failing)
print(debug.traceback(failing, "failed"))
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() print(debug.traceback(outer, "normal")) end)
  coroutine.resume(inner)
end)
coroutine.resume(outer)

-- deep stacks show their first 10 and last 11 levels
local function recurse(n, msg)
  if n == 0 then return debug.traceback(msg) end
  local r = recurse(n - 1, msg)
  return r
end
print(run(recurse, 30, "deep"))
print(run(recurse, 19, "just enough"))
print(run(recurse, 20, "one more"))

-- C functions by their global names
print(run(function() return select(2, pcall(debug.traceback, "via pcall")) end))
print(run(function() local t = {} table.sort({3, 2, 1}, function(a, b) t[1] = t[1] or debug.traceback("sort") return a < b end) return t[1] end))
