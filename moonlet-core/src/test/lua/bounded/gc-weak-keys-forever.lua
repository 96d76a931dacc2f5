-- A weak-keyed table filled with fresh keys without end: the collector clears it.
-- expect: budget
local cache = setmetatable({}, {__mode = "k"})
while true do cache[{}] = string.rep("v", 100) end
