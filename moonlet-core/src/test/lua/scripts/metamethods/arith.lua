-- Arithmetic and bitwise metamethods, with operands in either order.
local log = {}
local mt = {}
for _, name in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv",
                       "band", "bor", "bxor", "shl", "shr", "bnot", "concat"}) do
  mt["__" .. name] = function(a, b)
    local function show(x) return type(x) == "table" and "V" or tostring(x) end
    return name .. "(" .. show(a) .. "," .. show(b) .. ")"
  end
end
local v = setmetatable({}, mt)
print(v + 1, 1 + v, v - 2, v * v, v / 3, v % 4, v ^ 5, -v, v // 6)
print(v & 1, 1 | v, v ~ 2, v << 3, 4 >> v, ~v, v .. "s", "s" .. v, 1 .. v)
print(2.5 + v, "str" - v, v + nil)
local left = setmetatable({}, {__add = function() return "left" end})
local right = setmetatable({}, {__add = function() return "right" end})
print(left + right, right + left)
print(pcall(function() return {} + v end))
local first = setmetatable({}, {__concat = function(a, b) return "C" end})
print("a" .. "b" .. first .. "c" .. "d")
print(1 .. 2 .. first)
local num = setmetatable({}, {__add = function(a, b) return 100 end})
print(num + num, 5 + num)
print(pcall(function() return 1.5 & v end), pcall(function() return 1.5 & 1 end))
local partial = setmetatable({}, {__add = function() return 1 end})
print(pcall(function() return partial - 1 end))
print(pcall(function() return partial .. "x" end))
print(pcall(function() return "10" + partial end))
