-- load of 2 MB that fails on its last byte.
-- expect: finished
local f, e = load(string.rep("x = 1\n", 350000) .. "?")
assert(f == nil and e:find("unexpected symbol"), e)
