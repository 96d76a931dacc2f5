-- __call: callable tables receive themselves first; chains of __call; errors.
local callable = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(callable(1, 2))
print(pcall(callable, 3))
local nested = setmetatable({}, {__call = callable})
print(select(3, nested("x")), select(2, nested("x")) == nested)
local method = {obj = callable}
print(method.obj("m"))
print(pcall(setmetatable({}, {__call = 1})))
print(select("#", callable()))
local function tail() return callable("tail") end
print(tail())
for k, v in callable, nil, 0 do print(k, v) break end
local counter = setmetatable({n = 0}, {__call = function(self) self.n = self.n + 1 return self.n end})
counter() counter()
print(counter(), counter.n)
print(pcall(function() local t = setmetatable({}, {}) t() end))
