-- load of 8 MB that fails on its last byte.
-- expect: finished
local f, e = load(string.rep("x = 1\n", 1400000) .. "?")
assert(f == nil and e:find("unexpected symbol"), e)
