-- A long __index chain walked a million times: each lookup costs fuel in proportion.
-- expect: budget
local t = {answer = 42}
for i = 1, 1500 do t = setmetatable({}, {__index = t}) end
while true do local _ = t.answer end
