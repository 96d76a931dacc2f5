-- Sorting 100,000 numbers with the default order.
-- expect: finished
local t = {}
for i = 1, 100000 do t[i] = (i * 7919) % 300007 end
table.sort(t)
for i = 2, #t do assert(t[i - 1] <= t[i]) end
