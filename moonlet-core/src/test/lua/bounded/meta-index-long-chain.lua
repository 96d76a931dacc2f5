-- A chain of 1,900 __index tables, just under Lua's limit of 2,000: it must work.
-- expect: finished
local t = {answer = 42}
for i = 1, 1900 do t = setmetatable({}, {__index = t}) end
for i = 1, 100 do assert(t.answer == 42) end
