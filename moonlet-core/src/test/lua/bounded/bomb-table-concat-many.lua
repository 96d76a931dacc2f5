-- table.concat of two million short strings, within the limit.
-- expect: finished
local t = {}
for i = 1, 2000000 do t[i] = "ab" end
assert(#table.concat(t, ",") == 2000000 * 3 - 1)
