-- load of one table constructor with 100,000 items.
-- expect: finished
local parts = {}
for i = 1, 100000 do parts[i] = tostring(i) end
local f = assert(load("return {" .. table.concat(parts, ",") .. "}"))
assert(#f() == 100000)
