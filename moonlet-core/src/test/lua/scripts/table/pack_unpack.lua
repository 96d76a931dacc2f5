-- table.pack and table.unpack.
local p = table.pack()
print(p.n, p[1])
p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
p = table.pack(table)
print(p.n, p[1] == table)

print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, 3, 5))
print(select("#", table.unpack({1, 2, 3}, 3, 2)))
print(select("#", table.unpack({}, 1, 0)))
print(table.unpack({1, 2, 3}, -1, 1))
print(table.unpack({[0] = "zero", "one"}, 0))
print(table.unpack("abc"))    -- any value with a length and an __index
local maxI, minI = math.maxinteger, math.mininteger
print(table.unpack({[maxI - 1] = 12, [maxI] = 23}, maxI - 1, maxI))
print(table.unpack({[minI] = 1.5, [minI + 1] = 2.5}, minI, minI + 1))
print(select("#", table.unpack({}, maxI, minI)))
local proxy = setmetatable({}, {__index = function (_, i) return i * i end, __len = function () return 4 end})
print(table.unpack(proxy))

local lim = 2000
local a = {}
for i = 1, lim do a[i] = i end
print(select("#", table.unpack(a)), select(lim, table.unpack(a)))

local function try(...)
  print(pcall(...))
end
local maxi = (1 << 31) - 1
try(table.unpack, {}, 0, maxi)
try(table.unpack, {}, 1, maxI)
try(table.unpack, {}, minI, maxI)
try(table.unpack, {}, 1, 1e7)
try(table.unpack)
try(table.unpack, {}, "x")
try(table.unpack, {}, 1, 2.5)
try(table.unpack, setmetatable({}, {__len = function () return "many" end}))
