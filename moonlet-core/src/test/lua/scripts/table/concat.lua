-- table.concat: separators, ranges, numbers, and invalid values.
print(table.concat({}))
print(table.concat({1, 2, 3}))
print(table.concat({1, 2, 3}, ", "))
print(table.concat({"a", "b", "c"}, "-", 2))
print(table.concat({"a", "b", "c"}, "-", 2, 3))
print(table.concat({"a", "b", "c"}, "-", 3, 2) == "")
print(table.concat({1, 2.5, -0.0, 1e100, math.maxinteger, "x"}, " "))
print(table.concat({"a", "b"}, 3))
print(table.concat({[-1] = "m", [0] = "z", "a"}, "", -1, 1))
print(table.concat({"\0", "\0"}, "\1") == "\0\1\0")
print(#table.concat(setmetatable({}, {__index = function (_, i) return "ab" end, __len = function () return 1000 end})))

local function try(...)
  print(pcall(...))
end
try(table.concat, {1, {}, 3})
try(table.concat, {1, 2, nil, 4}, ",", 1, 4)
try(table.concat, {true})
try(table.concat, {}, {})
try(table.concat, {}, "", "x")
try(table.concat, nil)
try(function () return table.concat({print}) end)

local big = {}
for i = 1, 10000 do big[i] = i % 10 end
local s = table.concat(big)
print(#s, s:sub(1, 12), s:sub(-3))
