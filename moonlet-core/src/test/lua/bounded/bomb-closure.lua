-- Closures kept in a table without end.
-- expect: error not enough memory
local t = {}
local i = 0
while true do i = i + 1; t[i] = function() return i end end
