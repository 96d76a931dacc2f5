-- Tables made and dropped without end: the live size stays small.
-- expect: budget
local i = 0
while true do i = i + 1; local t = {i, i, i} end
