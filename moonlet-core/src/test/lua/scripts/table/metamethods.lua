-- The table functions honour __index, __newindex and __len, and accept non-tables
-- that have the metamethods they need.
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function (_, k) log[#log + 1] = "r" .. k; return store[k] end,
  __newindex = function (_, k, v) log[#log + 1] = "w" .. k; store[k] = v end,
  __len = function () log[#log + 1] = "#"; return #store end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "c")
print(table.concat(store, ","), table.concat(log, " "))
log = {}
print(table.remove(proxy, 1), table.concat(store, ","), table.concat(log, " "))
log = {}
print(table.concat(proxy, "+"), table.concat(log, " "))
log = {}
print(table.unpack(proxy))
print(table.concat(log, " "))

-- __index tables are followed; __newindex tables receive the writes
local base = {10, 20, 30}
local derived = setmetatable({}, {__index = base, __len = function () return 3 end})
print(table.concat(derived, ","), table.unpack(derived))
local sink = {}
local front = setmetatable({}, {__newindex = sink, __index = sink, __len = function () return #sink end})
table.insert(front, "x")
table.insert(front, "y")
print(rawget(front, 1), sink[1], sink[2])

-- __len results must be integers (numeric strings and integral floats convert)
print(pcall(table.insert, setmetatable({}, {__len = function () return "abc" end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function () return 2.5 end}), 1))
local conv = setmetatable({}, {__len = function () return "2" end})
table.insert(conv, "v")
print(rawget(conv, 3))
conv = setmetatable({}, {__len = function () return 1.0 end})
table.insert(conv, "w")
print(rawget(conv, 2))

-- errors inside metamethods propagate
print(pcall(table.insert, setmetatable({}, {__len = function () error("no length") end}), 1))
print(pcall(table.concat, setmetatable({}, {__index = function () error("no read", 0) end, __len = function () return 1 end})))

-- a loop of __index tables
local loop = setmetatable({}, {})
getmetatable(loop).__index = loop
print(pcall(table.concat, setmetatable({}, {__index = loop, __len = function () return 1 end})))
