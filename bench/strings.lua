-- Strings: concatenation, formatting and pattern matching.
local parts = {}
for i = 1, 200000 do parts[#parts + 1] = string.format("%d:%s", i, "x") end
local s = table.concat(parts, ",")
local count = 0
for a, b in s:gmatch("(%d+):(%a)") do count = count + 1 end
local r = s:gsub("%d+", function(d) return #d end)
print(#s, count, #r)
