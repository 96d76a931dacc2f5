-- A comparator that raises after a while.
-- expect: error sort-comparator-errors.lua:6: enough
local t = {}
for i = 1, 10000 do t[i] = -i end
local n = 0
table.sort(t, function(a, b) n = n + 1; if n > 5000 then error("enough") end return a < b end)
