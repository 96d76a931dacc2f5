-- A plain find that fails over 4 MB, twice.
-- expect: finished
local s = string.rep("a", 1 << 22)
for i = 1, 2 do assert(not s:find("ab", 1, true)) end
