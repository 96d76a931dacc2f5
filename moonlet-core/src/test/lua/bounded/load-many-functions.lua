-- load of a chunk defining 5,000 small functions.
-- expect: finished
local parts = {"local t = {}"}
for i = 1, 5000 do parts[#parts + 1] = "t[" .. i .. "] = function(a) return a + " .. i .. " end" end
parts[#parts + 1] = "return t"
local t = assert(load(table.concat(parts, "\n")))()
assert(t[5000](1) == 5001)
