-- A refused string.rep caught by pcall: the instance stays usable.
-- expect: finished
local ok, e = pcall(string.rep, "x", 1 << 30)
assert(not ok and e == "not enough memory")
assert(#string.rep("y", 1000) == 1000)
