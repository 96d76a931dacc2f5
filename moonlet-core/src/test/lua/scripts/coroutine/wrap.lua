-- wrap: a function that resumes; errors propagate with position information.
local gen = coroutine.wrap(function(a) local b = coroutine.yield(a * 2) return a + b end)
print(gen(5))
print(gen(1))
print(pcall(gen))
local f = coroutine.wrap(function() error("x") end)
print(pcall(f))
local g = coroutine.wrap(function() error("y", 0) end)
print(pcall(g))
local h = coroutine.wrap(function() error({}) end)
print(select("#", pcall(h)), type(select(2, pcall(coroutine.wrap(function() error({}) end)))))
local r = coroutine.wrap(function() local t = nil; return t.x end)
print(pcall(r))
local n = coroutine.wrap(function() error(42) end)
print(pcall(n))
local it = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
for v in it do print("iter", v) end
local function producer() return coroutine.wrap(function() for _, w in ipairs({"a", "b", "c"}) do coroutine.yield(w) end end) end
local out = {}
for w in producer() do out[#out + 1] = w end
print(#out, out[1], out[3])
local self
self = coroutine.wrap(function() return self() end)
print(pcall(self))
local deep = coroutine.wrap(function()
  local inner = coroutine.wrap(function() error("inner failure") end)
  inner()
end)
print(pcall(deep))
print(pcall(coroutine.wrap, nil))
local nested = coroutine.wrap(function() local w = coroutine.wrap(function() coroutine.yield(1) coroutine.yield(2) end) return w() + w() end)
print(nested())
