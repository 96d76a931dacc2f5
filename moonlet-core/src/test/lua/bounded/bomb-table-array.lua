-- A table grown one array slot at a time without end.
-- expect: error not enough memory
local t = {}
local i = 0
while true do i = i + 1; t[i] = i end
