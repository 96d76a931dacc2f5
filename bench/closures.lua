-- Closures and method calls: creating functions, calling through upvalues and self.
local Counter = {}
Counter.__index = Counter
function Counter.new() return setmetatable({n = 0}, Counter) end
function Counter:inc(by) self.n = self.n + by return self end
local c = Counter.new()
for i = 1, 5000000 do c:inc(1) end
local total = 0
for i = 1, 1000000 do
  local add = function(x) return x + i end
  total = total + add(1)
end
print(c.n, total)
