-- __eq, __lt and __le: results converted to booleans; __eq only between tables/userdata.
local mt = {}
mt.__eq = function(a, b) print("eq called") return 1 end
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return nil end
local function new(v) return setmetatable({v = v}, mt) end
local a, b = new(1), new(2)
print(a == b, a ~= b, a == a, a == 1, rawequal(a, b))
print(a < b, b < a, a > b, a <= b, b >= a)
local other = setmetatable({}, {__eq = function() return true end})
print(a == other, other == a)
print(pcall(function() return a < 1 end))
local onlyLt = setmetatable({}, {__lt = function() return "yes" end})
print(onlyLt < onlyLt, onlyLt > onlyLt)
local mixed = setmetatable({}, {__lt = function(x, y) return type(x) == "number" end})
print(1 < mixed, mixed < 1, 1 > mixed)
print("a" < "b", pcall(function() return "a" < setmetatable({}, {}) end))
local s1 = setmetatable({}, {__eq = function() error("eq error") end})
local s2 = setmetatable({}, getmetatable(s1))
print(pcall(function() return s1 == s2 end))
print(s1 == s1)
