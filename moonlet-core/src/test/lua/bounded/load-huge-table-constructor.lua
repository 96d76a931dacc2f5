-- load of one table constructor with 300,000 items.
-- expect: finished
local parts = {}
for i = 1, 300000 do parts[i] = tostring(i) end
local f = assert(load("return {" .. table.concat(parts, ",") .. "}"))
assert(#f() == 300000)
