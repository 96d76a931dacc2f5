-- table.sort: default order, comparators, __lt, invalid order functions, errors.
local function show(t)
  local parts = {}
  for i = 1, #t do parts[#parts + 1] = tostring(t[i]) end
  return table.concat(parts, " ")
end

local t = {5, 3, 8, 1, 9, 2, 7}
table.sort(t)
print(show(t))
table.sort(t, function (a, b) return a > b end)
print(show(t))
local months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
table.sort(months)
print(show(months))
local mixed = {3, 1.5, -2, 2^53, -math.huge, 0, math.mininteger}
table.sort(mixed)
print(show(mixed))
local strs = {"\xE1lo", "\0first", "alo", "then this one", "45", "and a new"}
table.sort(strs)
for i = 1, #strs do strs[i] = strs[i]:byte(1) .. ":" .. #strs[i] end
print(table.concat(strs, " "))
table.sort({})
table.sort({1})
print(select("#", table.sort({2, 1})))

-- a big array, many comparisons: result and count are deterministic
local big = {}
for i = 1, 5000 do big[i] = (i * 7919) % 5003 end
local count = 0
table.sort(big, function (a, b) count = count + 1; return a < b end)
local ok = true
for i = 2, #big do ok = ok and big[i - 1] <= big[i] end
print(ok, big[1], big[5000], count)

-- an order that is not strict gives lua's own permutation
local eqs = {}
for i = 1, 50 do eqs[i] = {k = i % 3, id = i} end
table.sort(eqs, function (a, b) return a.k < b.k end)
local ids = {}
for i = 1, #eqs do ids[i] = eqs[i].id end
print(table.concat(ids, " "))

-- a comparator that always answers false keeps every element
local same = {}
for i = 1, 200 do same[i] = false end
table.sort(same, function () return false end)
print(#same, same[1], same[200])

-- __lt
local mt = {__lt = function (a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({50, 30, 90, 10, 70, 20, 80, 60, 40}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
local vs = {}
for i = 1, #objs do vs[i] = objs[i].v end
print(table.concat(vs, " "))

-- reading and writing through __index and __newindex, length by __len
local store = {4, 2, 3, 1}
local proxy = setmetatable({}, {
  __index = function (_, k) return store[k] end,
  __newindex = function (_, k, v) store[k] = v end,
  __len = function () return #store end,
})
table.sort(proxy)
print(show(store))

local function try(...)
  local ok, msg = pcall(...)
  print(ok, msg)
end
local function always(a, b) return true end
try(table.sort, {1, 2, 3, 4}, always)
try(table.sort, {1, 2, 3, 4, 5}, always)
try(table.sort, {1, 2, 3, 4, 5, 6}, always)
try(table.sort, {1, 2, 3}, always)
try(table.sort, {1, "x", 2})
try(table.sort, {{}, {}})
try(table.sort, {1, 2}, 3)
try(table.sort, {1}, 3)
try(table.sort, setmetatable({}, {__len = function () return math.maxinteger end}))
try(table.sort, setmetatable({}, {__len = function () return -1 end}), error)
try(table.sort, {3, 2, 1}, function (a, b) error("cmp " .. a .. b) end)
print(type(select(2, pcall(table.sort, {3, 2, 1}, function (a, b) error({}) end))))
try(table.sort, "abc")
try(function () table.sort({1, 2, 3, 4}, always) end)
