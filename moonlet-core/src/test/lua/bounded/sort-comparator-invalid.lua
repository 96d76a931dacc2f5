-- A comparator that always answers true: Lua detects the invalid order.
-- expect: error sort-comparator-invalid.lua:5: invalid order function for sorting
local t = {}
for i = 1, 100 do t[i] = i end
table.sort(t, function() return true end)
