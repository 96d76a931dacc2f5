-- math.max and math.min compare with Lua's "<", so they use __lt.
local calls = 0
local mt = {__lt = function (a, b) calls = calls + 1; return a.v < b.v end}
local function obj(v) return setmetatable({v = v}, mt) end
local a, b, c = obj(3), obj(7), obj(5)
print(math.max(a, b, c).v, math.min(a, b, c).v, calls)
print(math.max(a) == a, math.min(c) == c)
print(pcall(math.max, 1, {}))
print(pcall(math.min, {}, {}))
print(pcall(math.max, "a", 1))
print(pcall(math.max, a, 1))
print(pcall(math.max, obj(1), setmetatable({}, {__lt = function () error("boom", 0) end})))
