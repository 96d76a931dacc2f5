-- table.insert and table.remove: positions, shifting, bounds, and their errors.
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local t = {}
table.insert(t, "a")
table.insert(t, "c")
table.insert(t, 2, "b")
table.insert(t, 1, "z")
table.insert(t, #t + 1, "end")
print(show(t), #t)

print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove(t, #t + 1), show(t))   -- one past the end: nil, nothing moves
print(table.remove(t), table.remove(t), table.remove(t), show(t))

-- removing from an empty table reads and clears t[#t] (that is, t[0])
local e = {[0] = "zero"}
print(table.remove(e), e[0])
print(table.remove({}), table.remove({}, 0), table.remove({}, 1))
print(select("#", table.remove({})))

-- insert returns nothing
print(select("#", table.insert({}, 1)), select("#", table.insert({}, 1, 2)))

-- numeric strings and integral floats are positions
local n = {1, 2, 3}
table.insert(n, "2", "x")
table.insert(n, 1.0, "y")
print(show(n))
print(table.remove(n, "1"), table.remove(n, 2.0), show(n))

-- errors
local function try(...)
  local ok, msg = pcall(...)
  print(ok, msg)
end
try(table.insert, {}, 1, 2, 3)
try(table.insert, {})
try(table.insert, {1, 2}, 4, "x")
try(table.insert, {1, 2}, 0, "x")
try(table.insert, {1, 2}, -1, "x")
try(table.insert, {}, 1.5, "x")
try(table.insert, {}, "x", "y")
try(table.insert, nil, 1)
try(table.insert, 42, 1)
try(table.remove, "abc")
try(function () table.insert({}, 1, 2, 3) end)
-- lua 5.4.7 counts the bad position of remove as argument #2 (5.4.4 said #1): compare the reason only
print(select(2, pcall(table.remove, {1, 2}, 5)):match("%(.*%)"))
print(select(2, pcall(table.remove, {1, 2}, -1)):match("%(.*%)"))
print(select(2, pcall(table.remove, {}, 2)):match("%(.*%)"))

-- a long shift
local big = {}
for i = 1, 1000 do big[i] = i end
table.insert(big, 1, 0)
print(#big, big[1], big[2], big[1001])
print(table.remove(big, 1), #big, big[1], big[1000])
