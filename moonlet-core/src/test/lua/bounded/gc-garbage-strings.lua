-- Strings of 1 KB made and dropped without end.
-- expect: budget
local i = 0
while true do i = i + 1; local s = string.rep("x", 1000) .. i end
