-- Sorting 20,000 strings with a Lua comparator.
-- expect: finished
local t = {}
for i = 1, 20000 do t[i] = tostring((i * 7919) % 100003) end
table.sort(t, function(a, b) return a > b end)
for i = 2, #t do assert(t[i - 1] >= t[i]) end
