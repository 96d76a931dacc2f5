-- Closures share upvalues; each loop iteration gets a fresh local.
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc() inc()
print(get(), inc(), get())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
local j = 0
while j < 3 do j = j + 1 local k = j gs[j] = function() k = k + 10 return k end end
print(gs[1](), gs[1](), gs[2](), gs[3]())
local shared = {}
do
  local x = 1
  shared.get = function() return x end
  shared.set = function(v) x = v end
end
shared.set(42)
print(shared.get())
local function outer()
  local a = 1
  local function mid()
    local function inner() a = a + 1 return a end
    return inner
  end
  return mid(), function() return a end
end
local f, g = outer()
f() f()
print(g())
local hs = {}
for _, v in ipairs({"a", "b"}) do hs[#hs + 1] = function() return v end end
print(hs[1](), hs[2]())
