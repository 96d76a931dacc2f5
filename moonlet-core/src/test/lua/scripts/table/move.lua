-- table.move: overlapping ranges, other tables, extreme indices and errors.
local function show(t, from, to)
  local parts = {}
  for i = from, to do parts[#parts + 1] = tostring(t[i]) end
  return table.concat(parts, ",")
end

print(show(table.move({10, 20, 30}, 1, 3, 2), 1, 4))      -- forward overlap
print(show(table.move({10, 20, 30}, 1, 3, 3), 1, 5))
print(show(table.move({10, 20, 30}, 2, 3, 1), 1, 3))      -- backward
print(show(table.move({10, 20, 30}, 1, 3, 1), 1, 3))      -- same place
local a = {10, 20, 30, 40}
print(table.move(a, 1, 4, 2, a) == a, show(a, 1, 5))      -- the same table, given
local dest = {}
print(table.move({1, 2, 3}, 1, 3, 5, dest) == dest, show(dest, 1, 7))
print(next(table.move({1, 2, 3}, 1, 0, 1, {})))            -- empty range
print(table.move({1, 2, 3}, 3, 1, 1)[1])

local maxI, minI = math.maxinteger, math.mininteger
local t = table.move({[maxI - 2] = 1, [maxI - 1] = 2, [maxI] = 3}, maxI - 2, maxI, -10, {})
print(t[-10], t[-9], t[-8])
t = table.move({[minI] = 1, [minI + 1] = 2, [minI + 2] = 3}, minI, minI + 2, -10, {})
print(t[-10], t[-9], t[-8])
t = table.move({45}, 1, 1, maxI)
print(t[1], t[maxI])

-- metamethods on both sides
local log = {}
local src = setmetatable({}, {__index = function (_, k) log[#log + 1] = "get" .. k; return k * 10 end})
local dst = setmetatable({}, {__newindex = function (t, k, v) log[#log + 1] = "set" .. k; rawset(t, k, v) end})
table.move(src, 1, 3, 2, dst)
print(table.concat(log, " "), dst[2], dst[3], dst[4])

-- equal tables by __eq count as the same table (so the copy goes backward)
local eq = {__eq = function () return true end}
local x = setmetatable({1, 2, 3}, eq)
local y = setmetatable({}, eq)
log = {}
setmetatable(y, {__eq = eq.__eq, __newindex = function (t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
table.move(x, 1, 3, 2, y)
print(table.concat(log, " "))

local function try(...)
  print(pcall(...))
end
try(table.move, {}, 0, math.maxinteger, 1)
try(table.move, {}, -1, math.maxinteger - 1, 1)
try(table.move, {}, math.mininteger, -1, 1)
try(table.move, {}, 1, math.maxinteger, 2)
try(table.move, {}, 1, 2, math.maxinteger)
try(table.move, {}, math.mininteger, -2, 2)
try(table.move, 1, 2, 3, 4)
try(table.move, {}, 1, 2)
try(table.move, {}, 1, 2, 3, 4)
try(table.move, {}, 1.5, 2, 3)
