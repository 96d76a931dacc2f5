-- table.concat of 500,000 short strings, within the limit.
-- expect: finished
local t = {}
for i = 1, 500000 do t[i] = "ab" end
assert(#table.concat(t, ",") == 500000 * 3 - 1)
