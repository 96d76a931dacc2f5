-- A plain find that fails over 16 MB, twice.
-- expect: finished
local s = string.rep("a", 1 << 24)
for i = 1, 2 do assert(not s:find("ab", 1, true)) end
