-- %f frontier and classes over 3 MB, with no match to find.
-- expect: finished
local s = string.rep("a1 ", 1 << 20)
assert(not s:find("%f[%a]%a%a"))
